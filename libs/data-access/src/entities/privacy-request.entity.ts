import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { ClockHold, DenyReason, RegimeId, RequestStatus, RequestType } from '@rightsdesk/domain';
import { OfficerEntity } from './officer.entity';

// Personal data (email, name, per-type details) lives only in `personalData`, encrypted by the
// workflow layer; `emailLookup` is a keyed hash so a request can be found by exact email without
// storing or scanning plaintext.
@Entity({ name: 'privacy_request' })
@Check('privacy_request_type_check', `type IN ('access','rectification','erasure','opt_out','child_data_removal')`)
@Check(
  'privacy_request_status_check',
  `status IN ('pending_verification','awaiting_review','on_hold','approved','in_progress','completed','failed','denied','cancelled','expired')`,
)
@Index('privacy_request_email_lookup_idx', ['emailLookup'])
@Index('privacy_request_status_due_idx', ['status', 'dueOn'])
// The console's queue pages through these orders (due date by default, or received date).
@Index('privacy_request_due_idx', ['dueOn', 'id'])
@Index('privacy_request_received_idx', ['receivedAt', 'id'])
// Set only while a request awaits verification, so an identical unverified request can't be filed
// twice; the unique index makes that hold across processes without a lock.
@Index('privacy_request_dedup_key', ['dedupKey'], { unique: true, where: 'dedup_key IS NOT NULL' })
export class PrivacyRequestEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Index('privacy_request_reference_key', { unique: true })
  @Column({ type: 'varchar', length: 24 })
  reference!: string;

  @Column({ type: 'varchar', length: 32 })
  type!: RequestType;

  @Column({ type: 'varchar', length: 32 })
  status!: RequestStatus;

  @Column({ type: 'varchar', length: 16 })
  regime!: RegimeId;

  @Column({ type: 'char', length: 2 })
  country!: string;

  @Column({ type: 'varchar', length: 6, nullable: true })
  region!: string | null;

  @Column({ type: 'varchar', length: 5 })
  language!: string;

  @Column({ type: 'varchar', length: 16, default: 'web' })
  channel!: string;

  @Column({ name: 'email_lookup', type: 'bytea' })
  emailLookup!: Buffer;

  @Column({ name: 'dedup_key', type: 'bytea', nullable: true })
  dedupKey!: Buffer | null;

  @Column({ name: 'personal_data', type: 'bytea' })
  personalData!: Buffer;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ name: 'received_on', type: 'date' })
  receivedOn!: string;

  @Column({ name: 'due_on', type: 'date' })
  dueOn!: string;

  @Column({ name: 'due_explanation', type: 'text' })
  dueExplanation!: string;

  @Column({ type: 'boolean', default: false })
  extended!: boolean;

  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  verifiedAt!: Date | null;

  @Column({ name: 'verification_failures', type: 'integer', default: 0 })
  verificationFailures!: number;

  @Column({ name: 'verification_sent_at', type: 'timestamptz', nullable: true })
  verificationSentAt!: Date | null;

  @Column({ name: 'status_token_hash', type: 'bytea', nullable: true })
  statusTokenHash!: Buffer | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Index('privacy_request_assignee_idx')
  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId!: string | null;

  @ManyToOne(() => OfficerEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'assignee_id' })
  assignee?: Relation<OfficerEntity>;

  /** Periods on hold waiting for the requester, for the statutory clock; the last is open while on hold. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  holds!: ClockHold[];

  /** Four-eyes: the officer who proposed approval; a different officer must approve. */
  @Column({ name: 'approval_proposed_by', type: 'uuid', nullable: true })
  approvalProposedBy!: string | null;

  @Column({ name: 'approval_proposed_at', type: 'timestamptz', nullable: true })
  approvalProposedAt!: Date | null;

  @Column({ name: 'deny_reason', type: 'varchar', length: 32, nullable: true })
  denyReason!: DenyReason | null;

  /** Retention minimized the record: the personal data is gone, what the metrics need stays. */
  @Column({ name: 'minimized_at', type: 'timestamptz', nullable: true })
  minimizedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn({ type: 'integer' })
  version!: number;
}
