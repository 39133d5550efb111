import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { OfficerEntity } from './officer.entity';

// A signed-in console session. The cookie carries a random token; only its keyed hash is stored,
// as is the hash of the CSRF token the console sends back on every state-changing call.
@Entity({ name: 'officer_session' })
export class OfficerSessionEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Index('officer_session_token_hash_key', { unique: true })
  @Column({ name: 'token_hash', type: 'bytea' })
  tokenHash!: Buffer;

  @Column({ name: 'csrf_hash', type: 'bytea' })
  csrfHash!: Buffer;

  @Index('officer_session_officer_idx')
  @Column({ name: 'officer_id', type: 'uuid' })
  officerId!: string;

  @ManyToOne(() => OfficerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'officer_id' })
  officer?: Relation<OfficerEntity>;

  /**
   * An admin who must use a second factor but has not set one up yet gets a session that can only
   * enrol one (config TOTP_REQUIRED_FOR_ADMINS).
   */
  @Column({ name: 'enrolment_only', type: 'boolean', default: false })
  enrolmentOnly!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** Idle expiry counts from here. */
  @Column({ name: 'last_seen_at', type: 'timestamptz' })
  lastSeenAt!: Date;

  /** Absolute expiry, however active the session is. */
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
