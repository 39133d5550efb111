import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { RetentionRunStatus, RetentionRunTrigger } from '@rightsdesk/domain';
import { RetentionRunEntity } from '../entities/retention-run.entity';
import { updateReturning } from './update-returning';

export interface NewRetentionRun {
  id: string;
  ruleId: string;
  trigger: RetentionRunTrigger;
  asOf: Date;
  startedBy: string | null;
}

export interface RecordedBatch {
  affected: number;
  cursor: string | null;
  longestStatementMs: number;
}

/** The columns as PostgreSQL returns them from RETURNING *. */
interface RunRow {
  id: string;
  rule_id: string;
  trigger: RetentionRunTrigger;
  status: RetentionRunStatus;
  as_of: Date;
  cursor: string | null;
  rows_affected: string;
  batches: number;
  errors: number;
  last_error: string | null;
  longest_statement_ms: number;
  resumes: number;
  started_by: string | null;
  lease_owner: string | null;
  lease_until: Date | null;
  started_at: Date;
  finished_at: Date | null;
  updated_at: Date;
}

function toEntity(row: RunRow): RetentionRunEntity {
  return Object.assign(new RetentionRunEntity(), {
    id: row.id,
    ruleId: row.rule_id,
    trigger: row.trigger,
    status: row.status,
    asOf: row.as_of,
    cursor: row.cursor,
    rowsAffected: row.rows_affected,
    batches: row.batches,
    errors: row.errors,
    lastError: row.last_error,
    longestStatementMs: row.longest_statement_ms,
    resumes: row.resumes,
    startedBy: row.started_by,
    leaseOwner: row.lease_owner,
    leaseUntil: row.lease_until,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    updatedAt: row.updated_at,
  });
}

// `updated_at` is the database's own time (when the row last changed); the run's as-of, start and
// finish times come from the workflow's clock, which tests move.
// Every state change is one conditional UPDATE: the run row is shared by every worker, the api
// and the CLI, and the conditions (status, lease owner) are what keep them from stepping on each
// other without holding a lock across a batch.
@Injectable()
export class RetentionRunRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Starts a run unless the rule already has an active one (the partial unique index decides, so
   * two workers starting the same rule at once get one run). Returns the new run or null.
   */
  async startIfIdle(run: NewRetentionRun, now: Date): Promise<RetentionRunEntity | null> {
    const rows = await this.dataSource.query<RunRow[]>(
      `INSERT INTO retention_run (id, rule_id, trigger, status, as_of, started_by, started_at, updated_at)
       VALUES ($1, $2, $3, 'running', $4, $5, $6, now())
       ON CONFLICT (rule_id) WHERE status IN ('running','paused') DO NOTHING
       RETURNING *`,
      [run.id, run.ruleId, run.trigger, run.asOf, run.startedBy, now],
    );
    return rows[0] ? toEntity(rows[0]) : null;
  }

  /** A run that ended before it began: the rule was under legal hold when its time came. */
  async insertHeld(tx: EntityManager, run: NewRetentionRun, now: Date, reason: string): Promise<RetentionRunEntity> {
    const rows = await tx.query<RunRow[]>(
      `INSERT INTO retention_run (id, rule_id, trigger, status, as_of, started_by, last_error, started_at, finished_at, updated_at)
       VALUES ($1, $2, $3, 'held', $4, $5, $6, $7, $7, now())
       RETURNING *`,
      [run.id, run.ruleId, run.trigger, run.asOf, run.startedBy, reason.slice(0, 500), now],
    );
    return toEntity(rows[0]);
  }

  async findById(id: string): Promise<RetentionRunEntity | null> {
    return this.dataSource.getRepository(RetentionRunEntity).findOneBy({ id });
  }

  async findActive(ruleId: string): Promise<RetentionRunEntity | null> {
    const rows = await this.dataSource.query<RunRow[]>(
      `SELECT * FROM retention_run WHERE rule_id = $1 AND status IN ('running','paused')`,
      [ruleId],
    );
    return rows[0] ? toEntity(rows[0]) : null;
  }

  /**
   * Takes the run for `owner` while it is running and nobody else holds a live lease. Taking it
   * from another owner whose lease ran out counts as a resume (that worker died mid-run).
   */
  async claim(id: string, owner: string, now: Date, leaseUntil: Date): Promise<RetentionRunEntity | null> {
    const rows = await updateReturning<RunRow>(
      this.dataSource,
      `UPDATE retention_run
          SET resumes = resumes + CASE WHEN lease_owner IS NOT NULL AND lease_owner <> $2 THEN 1 ELSE 0 END,
              lease_owner = $2, lease_until = $4, updated_at = now()
        WHERE id = $1 AND status = 'running'
          AND (lease_owner IS NULL OR lease_owner = $2 OR lease_until < $3)
        RETURNING *`,
      [id, owner, now, leaseUntil],
    );
    return rows[0] ? toEntity(rows[0]) : null;
  }

  /**
   * Saves a finished batch and extends the lease. Recorded whatever the status: an officer may have
   * paused the run while the batch ran, or cancelled it (which ends the run and clears the lease,
   * so nobody else can take it; the batch in flight belongs to the worker that ran it). Its rows
   * were changed all the same. Returns the status after the write, or null when `owner` no longer
   * holds the run.
   */
  async recordBatch(id: string, owner: string, batch: RecordedBatch, leaseUntil: Date): Promise<RetentionRunStatus | null> {
    const rows = await updateReturning<{ status: RetentionRunStatus }>(
      this.dataSource,
      `UPDATE retention_run
          SET cursor = $3, rows_affected = rows_affected + $4, batches = batches + 1,
              longest_statement_ms = greatest(longest_statement_ms, $5),
              lease_until = CASE WHEN status = 'cancelled' THEN NULL ELSE $6::timestamptz END, updated_at = now()
        WHERE id = $1 AND (lease_owner = $2 OR status = 'cancelled')
        RETURNING status`,
      [id, owner, batch.cursor, batch.affected, Math.round(batch.longestStatementMs), leaseUntil],
    );
    return rows[0]?.status ?? null;
  }

  /** Counts a failed batch; returns the errors so far, or null when `owner` no longer holds the run. */
  async recordError(id: string, owner: string, message: string): Promise<number | null> {
    const rows = await updateReturning<{ errors: number }>(
      this.dataSource,
      `UPDATE retention_run SET errors = errors + 1, last_error = $3, updated_at = now()
        WHERE id = $1 AND lease_owner = $2
        RETURNING errors`,
      [id, owner, message.slice(0, 500)],
    );
    return rows[0]?.errors ?? null;
  }

  /**
   * Ends an active run. With `owner`, only if that worker still holds it (completion, failure);
   * without, whoever holds it (an officer cancelling, a hold stopping it).
   */
  async finish(
    tx: EntityManager,
    id: string,
    status: Extract<RetentionRunStatus, 'completed' | 'cancelled' | 'failed' | 'held'>,
    now: Date,
    owner: string | null,
  ): Promise<RetentionRunEntity | null> {
    const rows = await updateReturning<RunRow>(
      tx,
      `UPDATE retention_run SET status = $2, finished_at = $3, updated_at = now(), lease_owner = NULL, lease_until = NULL
        WHERE id = $1 AND status IN ('running','paused') AND ($4::varchar IS NULL OR lease_owner = $4)
        RETURNING *`,
      [id, status, now, owner],
    );
    return rows[0] ? toEntity(rows[0]) : null;
  }

  /** Pause (running → paused) or resume (paused → running); the worker notices at its next batch. */
  async changeStatus(
    tx: EntityManager,
    id: string,
    from: 'running' | 'paused',
    to: 'running' | 'paused',
  ): Promise<RetentionRunEntity | null> {
    const rows = await updateReturning<RunRow>(
      tx,
      `UPDATE retention_run SET status = $3, updated_at = now() WHERE id = $1 AND status = $2 RETURNING *`,
      [id, from, to],
    );
    return rows[0] ? toEntity(rows[0]) : null;
  }

  /**
   * Gives the run back after a failed batch, keeping others off it until `until` (when the job's
   * retry is due): an orphan only once that time has passed.
   */
  async releaseUntil(id: string, owner: string, until: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE retention_run SET lease_owner = NULL, lease_until = $3 WHERE id = $1 AND lease_owner = $2`,
      [id, owner, until],
    );
  }

  /** Gives the run back without ending it (the worker stops at a pause or shuts down). */
  async release(id: string, owner: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE retention_run SET lease_owner = NULL, lease_until = NULL WHERE id = $1 AND lease_owner = $2`,
      [id, owner],
    );
  }

  /** Running runs nobody is working on: never claimed, released, or whose worker's lease ran out. */
  async findOrphaned(now: Date, limit: number): Promise<RetentionRunEntity[]> {
    const rows = await this.dataSource.query<RunRow[]>(
      `SELECT * FROM retention_run
        WHERE status = 'running' AND (lease_until IS NULL OR lease_until < $1)
        ORDER BY started_at LIMIT $2`,
      [now, limit],
    );
    return rows.map(toEntity);
  }

  /** Newest first; `ruleId` narrows to one rule; `before` pages by start time. */
  async list(options: { ruleId?: string; limit: number; before?: Date }): Promise<RetentionRunEntity[]> {
    const rows = await this.dataSource.query<RunRow[]>(
      `SELECT * FROM retention_run
        WHERE ($1::varchar IS NULL OR rule_id = $1) AND ($2::timestamptz IS NULL OR started_at < $2)
        ORDER BY started_at DESC, id DESC LIMIT $3`,
      [options.ruleId ?? null, options.before ?? null, options.limit],
    );
    return rows.map(toEntity);
  }

  /** The latest run of each rule. */
  async latestPerRule(): Promise<RetentionRunEntity[]> {
    const rows = await this.dataSource.query<RunRow[]>(
      `SELECT DISTINCT ON (rule_id) * FROM retention_run ORDER BY rule_id, started_at DESC, id DESC`,
    );
    return rows.map(toEntity);
  }
}
