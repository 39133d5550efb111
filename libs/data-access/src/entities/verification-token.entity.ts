import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { PrivacyRequestEntity } from './privacy-request.entity';

// A link token proving possession of the email address. Only its keyed hash is stored.
@Entity({ name: 'verification_token' })
export class VerificationTokenEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Index('verification_token_request_idx')
  @Column({ name: 'request_id', type: 'uuid' })
  requestId!: string;

  // Declared for the foreign key only; code reads `requestId`.
  @ManyToOne(() => PrivacyRequestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id', foreignKeyConstraintName: 'verification_token_request_fk' })
  request?: Relation<PrivacyRequestEntity>;

  @Index('verification_token_hash_key', { unique: true })
  @Column({ name: 'token_hash', type: 'bytea' })
  tokenHash!: Buffer;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
