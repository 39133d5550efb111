import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation, UpdateDateColumn } from 'typeorm';
import { PrivacyRequestEntity } from './privacy-request.entity';

export const SYSTEM_EXECUTION_STATUSES = ['pending', 'running', 'awaiting_callback', 'done', 'failed'] as const;
export type SystemExecutionStatus = (typeof SYSTEM_EXECUTION_STATUSES)[number];

export interface SystemOutcomeRecord {
  collections: Array<{ collection: string; found: number; changed: number; actions: string[] }>;
  /** Corrections that matched no rectifiable field of this system (field names only). */
  unmatched?: string[];
}

// The database is the source of truth for execution: a system's outcome is written here before its
// job completes, so a job that runs twice (crash, lost ack, reconciler) sees `done` and does nothing.
// Outcomes hold collection names and counts only, never values.
@Entity({ name: 'system_execution' })
@Check('system_execution_status_check', `status IN ('pending','running','awaiting_callback','done','failed')`)
@Index('system_execution_callback_deadline_idx', ['callbackDeadline'], { where: `status = 'awaiting_callback'` })
export class SystemExecutionEntity {
  @PrimaryColumn({ name: 'request_id', type: 'uuid' })
  requestId!: string;

  @ManyToOne(() => PrivacyRequestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  request?: Relation<PrivacyRequestEntity>;

  @PrimaryColumn({ name: 'system_key', type: 'varchar', length: 63 })
  systemKey!: string;

  @Column({ type: 'integer' })
  run!: number;

  @Column({ type: 'varchar', length: 20 })
  status!: SystemExecutionStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'jsonb', nullable: true })
  outcome!: SystemOutcomeRecord | null;

  @Column({ name: 'outcome_sha256', type: 'char', length: 64, nullable: true })
  outcomeSha256!: string | null;

  @Column({ name: 'error_code', type: 'varchar', length: 64, nullable: true })
  errorCode!: string | null;

  @Column({ name: 'error_message', type: 'varchar', length: 500, nullable: true })
  errorMessage!: string | null;

  @Column({ name: 'provider_reference', type: 'varchar', length: 200, nullable: true })
  providerReference!: string | null;

  @Column({ name: 'callback_deadline', type: 'timestamptz', nullable: true })
  callbackDeadline!: Date | null;

  /** When a worker last asked the provider for the status (OpenDSR polling), claimed in the database. */
  @Column({ name: 'polled_at', type: 'timestamptz', nullable: true })
  polledAt!: Date | null;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
