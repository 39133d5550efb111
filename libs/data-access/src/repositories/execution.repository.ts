import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { RequestExecutionEntity } from '../entities/request-execution.entity';
import {
  type SystemExecutionStatus,
  SystemExecutionEntity,
  type SystemOutcomeRecord,
} from '../entities/system-execution.entity';
import { updateReturning } from './update-returning';

export interface NewExecution {
  requestId: string;
  subject: Buffer;
  datamapSha256: string;
  startedAt: Date;
  systemKeys: string[];
}

export interface ExecutionSnapshot {
  execution: RequestExecutionEntity;
  systems: SystemExecutionEntity[];
}

// Execution state of approved requests: one row per request, one per (request, system).
@Injectable()
export class ExecutionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(tx: EntityManager, execution: NewExecution): Promise<void> {
    await tx.query(
      `INSERT INTO request_execution (request_id, run, subject, datamap_sha256, started_at) VALUES ($1, 1, $2, $3, $4)`,
      [execution.requestId, execution.subject, execution.datamapSha256, execution.startedAt],
    );
    await tx.query(
      `INSERT INTO system_execution (request_id, system_key, run, status)
       SELECT $1, key, 1, 'pending' FROM unnest($2::varchar[]) AS key`,
      [execution.requestId, execution.systemKeys],
    );
  }

  findExecution(requestId: string, tx?: EntityManager): Promise<RequestExecutionEntity | null> {
    return (tx ?? this.dataSource.manager).getRepository(RequestExecutionEntity).findOneBy({ requestId });
  }

  async snapshot(requestId: string, tx?: EntityManager): Promise<ExecutionSnapshot | null> {
    const manager = tx ?? this.dataSource.manager;
    const execution = await manager.getRepository(RequestExecutionEntity).findOneBy({ requestId });
    if (!execution) {
      return null;
    }
    const systems = await manager
      .getRepository(SystemExecutionEntity)
      .find({ where: { requestId }, order: { systemKey: 'ASC' } });
    return { execution, systems };
  }

  findSystem(requestId: string, systemKey: string): Promise<SystemExecutionEntity | null> {
    return this.dataSource.getRepository(SystemExecutionEntity).findOneBy({ requestId, systemKey });
  }

  /**
   * Claims a system for one attempt of the given run. Null when the system is already finished
   * (done or awaiting a provider) or belongs to another run: the job then has nothing to do.
   */
  async startAttempt(requestId: string, systemKey: string, run: number, now: Date): Promise<SystemExecutionEntity | null> {
    const rows = await updateReturning<{ request_id: string }>(
      this.dataSource,
      `UPDATE system_execution
          SET status = 'running', attempts = attempts + 1, started_at = COALESCE(started_at, $4::timestamptz), updated_at = $4::timestamptz
        WHERE request_id = $1 AND system_key = $2 AND run = $3 AND status IN ('pending', 'running', 'failed')
        RETURNING request_id`,
      [requestId, systemKey, run, now],
    );
    return rows.length === 0 ? null : this.findSystem(requestId, systemKey);
  }

  async finish(
    tx: EntityManager,
    requestId: string,
    systemKey: string,
    run: number,
    result: {
      status: Extract<SystemExecutionStatus, 'done' | 'awaiting_callback' | 'failed'>;
      outcome?: SystemOutcomeRecord | null;
      outcomeSha256?: string | null;
      errorCode?: string | null;
      errorMessage?: string | null;
      providerReference?: string | null;
      callbackDeadline?: Date | null;
      at: Date;
    },
  ): Promise<boolean> {
    const rows = await updateReturning<{ request_id: string }>(
      tx,
      `UPDATE system_execution
          SET status = $4::varchar, outcome = COALESCE($5::jsonb, outcome), outcome_sha256 = COALESCE($6::char(64), outcome_sha256),
              error_code = $7::varchar, error_message = $8::varchar, provider_reference = COALESCE($9::varchar, provider_reference),
              callback_deadline = $10::timestamptz,
              finished_at = CASE WHEN $4::varchar = 'awaiting_callback' THEN NULL ELSE $11::timestamptz END,
              updated_at = $11::timestamptz
        WHERE request_id = $1 AND system_key = $2 AND run = $3 AND status <> 'done'
        RETURNING request_id`,
      [
        requestId,
        systemKey,
        run,
        result.status,
        result.outcome ? JSON.stringify(result.outcome) : null,
        result.outcomeSha256 ?? null,
        result.errorCode ?? null,
        result.errorMessage ?? null,
        result.providerReference ?? null,
        result.callbackDeadline ?? null,
        result.at,
      ],
    );
    return rows.length > 0;
  }

  /** A provider's callback for a system that is waiting on it (matched by its reference). */
  async findAwaiting(requestId: string, systemKey: string, tx?: EntityManager): Promise<SystemExecutionEntity | null> {
    return (tx ?? this.dataSource.manager)
      .getRepository(SystemExecutionEntity)
      .findOneBy({ requestId, systemKey, status: 'awaiting_callback' });
  }

  /** Starts a new run for the failed systems (or just one); returns the new run and the systems reset. */
  async resetFailed(tx: EntityManager, requestId: string, systemKey: string | null): Promise<{ run: number; systemKeys: string[] }> {
    const [execution] = await updateReturning<{ run: number }>(
      tx,
      `UPDATE request_execution SET run = run + 1, finished_at = NULL WHERE request_id = $1 RETURNING run`,
      [requestId],
    );
    if (!execution) {
      return { run: 0, systemKeys: [] };
    }
    const rows = await updateReturning<{ system_key: string }>(
      tx,
      `UPDATE system_execution
          SET run = $2, status = 'pending', error_code = NULL, error_message = NULL, attempts = 0, updated_at = now()
        WHERE request_id = $1 AND status = 'failed' AND ($3::varchar IS NULL OR system_key = $3)
        RETURNING system_key`,
      [requestId, execution.run, systemKey],
    );
    // Systems that are done keep their outcome and join the new run only in name, so the run's
    // finalize sees every system.
    await tx.query(`UPDATE system_execution SET run = $2 WHERE request_id = $1 AND status = 'done'`, [requestId, execution.run]);
    return { run: execution.run, systemKeys: rows.map((row) => row.system_key) };
  }

  async markFinished(tx: EntityManager, requestId: string, at: Date): Promise<void> {
    await tx.query(`UPDATE request_execution SET finished_at = $2 WHERE request_id = $1`, [requestId, at]);
  }

  /** Systems whose provider never called back in time. */
  async findOverdueCallbacks(now: Date, limit: number): Promise<SystemExecutionEntity[]> {
    return this.dataSource
      .getRepository(SystemExecutionEntity)
      .createQueryBuilder('s')
      .where(`s.status = 'awaiting_callback' AND s.callback_deadline < :now`, { now })
      .orderBy('s.callback_deadline', 'ASC')
      .limit(limit)
      .getMany();
  }

  /** Requests the reconciler must make sure have jobs: approved but not started, or running. */
  async findActive(updatedBefore: Date, limit: number): Promise<Array<{ id: string; status: 'approved' | 'in_progress'; run: number | null }>> {
    const rows = await this.dataSource.query<Array<{ id: string; status: 'approved' | 'in_progress'; run: number | null }>>(
      `SELECT r.id, r.status, e.run
         FROM privacy_request r LEFT JOIN request_execution e ON e.request_id = r.id
        WHERE r.status IN ('approved', 'in_progress') AND r.updated_at < $1
        ORDER BY r.updated_at ASC LIMIT $2`,
      [updatedBefore, limit],
    );
    return rows;
  }
}
