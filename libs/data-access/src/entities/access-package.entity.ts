import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { PrivacyRequestEntity } from './privacy-request.entity';

// An encrypted ZIP answering an access request. Reached only through its own random token (stored
// as a keyed hash), for a limited time and a limited number of downloads.
@Entity({ name: 'access_package' })
@Index('access_package_expiry_idx', ['expiresAt'], { where: 'deleted_at IS NULL' })
export class AccessPackageEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Index('access_package_request_idx')
  @Column({ name: 'request_id', type: 'uuid' })
  requestId!: string;

  @ManyToOne(() => PrivacyRequestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  request?: Relation<PrivacyRequestEntity>;

  @Index('access_package_token_hash_key', { unique: true })
  @Column({ name: 'token_hash', type: 'bytea' })
  tokenHash!: Buffer;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'downloads_remaining', type: 'integer' })
  downloadsRemaining!: number;

  @Column({ type: 'bigint' })
  bytes!: string;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'last_downloaded_at', type: 'timestamptz', nullable: true })
  lastDownloadedAt!: Date | null;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;
}
