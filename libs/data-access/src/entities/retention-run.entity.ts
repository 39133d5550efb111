import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { RetentionRunStatus, RetentionRunTrigger } from '@rightsdesk/domain';

// One run of one retention rule. `asOf` fixes the run's "now" when it starts, so a run resumed
// after a crash applies the same cutoff to its remaining batches. The lease says which worker is
// working it and until when; an expired lease lets another worker take over from `cursor`.
@Entity({ name: 'retention_run' })
@Check('retention_run_status_check', `status IN ('running','paused','completed','cancelled','failed','held')`)
@Check('retention_run_trigger_check', `trigger IN ('schedule','manual')`)
// At most one active run per rule across every worker; a second start finds the first.
@Index('retention_run_active_rule_key', ['ruleId'], { unique: true, where: `status IN ('running','paused')` })
@Index('retention_run_rule_started_idx', ['ruleId', 'startedAt'])
export class RetentionRunEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'rule_id', type: 'varchar', length: 200 })
  ruleId!: string;

  @Column({ type: 'varchar', length: 16 })
  trigger!: RetentionRunTrigger;

  @Column({ type: 'varchar', length: 16 })
  status!: RetentionRunStatus;

  @Column({ name: 'as_of', type: 'timestamptz' })
  asOf!: Date;

  /** The last key the last finished batch covered (a primary key or object key, never personal data by itself). */
  @Column({ type: 'text', nullable: true })
  cursor!: string | null;

  @Column({ name: 'rows_affected', type: 'bigint', default: 0 })
  rowsAffected!: string;

  @Column({ type: 'integer', default: 0 })
  batches!: number;

  @Column({ type: 'integer', default: 0 })
  errors!: number;

  /** Connector messages name places (tables, columns), never values. */
  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError!: string | null;

  @Column({ name: 'longest_statement_ms', type: 'integer', default: 0 })
  longestStatementMs!: number;

  /** How many times a worker took the run over from where another left it. */
  @Column({ type: 'integer', default: 0 })
  resumes!: number;

  @Column({ name: 'started_by', type: 'uuid', nullable: true })
  startedBy!: string | null;

  @Column({ name: 'lease_owner', type: 'varchar', length: 120, nullable: true })
  leaseOwner!: string | null;

  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true })
  leaseUntil!: Date | null;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt!: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
