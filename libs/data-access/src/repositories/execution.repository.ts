import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { RequestExecutionEntity } from '../entities/request-execution.entity';
import {
  type SystemExecutionStatus,
  SystemExecutionEntity,
  type SystemOutcomeRecord,
} from '../entities/system-execution.entity';
import type { PrivacyRequestEntity } from '../entities/privacy-request.entity';
import type { NewAccessPackage } from './access-package.repository';
import { auditColumnArrays, auditInsertValues, type NewAuditEvent } from './audit-insert';
import type { NewOutboxMessage } from './outbox.repository';
import { CLAIM_ATTEMPT, CLOSE_RUN, FINISH_AWAITED_WITH_AUDIT, FINISH_WITH_AUDIT, START_RUN, VIEW } from './execution.sql';
import { preparedQuery } from './prepared-query';
import { updateReturning } from './update-returning';

export interface NewExecution {
  requestId: string;
  subject: Buffer;
  datamapSha256: string;
  startedAt: Date;
  systemKeys: string[];
}

/** The request columns execution works from. */
export type ExecutionRequest = Pick<PrivacyRequestEntity, 'id' | 'type' | 'status' | 'personalData' | 'language' | 'reference' | 'dueOn'>;

/** A request with its execution row and systems (both empty before the run starts), read at once. */
export interface ExecutionView {
  request: ExecutionRequest;
  execution: Pick<RequestExecutionEntity, 'run' | 'subject' | 'datamapSha256'> | null;
  systems: SystemExecutionEntity[];
}

/** What one attempt of a system job works from, once it has claimed the system. */
export interface ClaimedAttempt {
  request: Pick<ExecutionRequest, 'id' | 'type' | 'status' | 'personalData'>;
  execution: Pick<RequestExecutionEntity, 'subject' | 'datamapSha256'> | null;
}

/** A system's end as `finish` records it. */
export interface SystemFinish {
  status: Extract<SystemExecutionStatus, 'done' | 'awaiting_callback' | 'failed'>;
  outcome?: SystemOutcomeRecord | null;
  outcomeSha256?: string | null;
  errorCode?: string | null;
  errorMessage?: string | null;
  providerReference?: string | null;
  callbackDeadline?: Date | null;
  at: Date;
}

/** The request leaving `in_progress` (completed or failed) with everything that goes with it. */
export interface RunClosing {
  requestId: string;
  fromStatus: string;
  toStatus: string;
  /** Set on completion; null leaves the column as it is. */
  closedAt: Date | null;
  /** The execution's end; null leaves it open (a failed run can be retried). */
  finishedAt: Date | null;
  accessPackage: Omit<NewAccessPackage, 'requestId'> | null;
  /** In the order they happened. */
  audit: NewAuditEvent[];
  message: NewOutboxMessage;
}

// Execution state of approved requests: one row per request, one per (request, system).
@Injectable()
export class ExecutionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async startRun(run: NewExecution & { fromStatus: string; toStatus: string; audit: NewAuditEvent }): Promise<boolean> {
    const rows = await preparedQuery<{ n: number }>(this.dataSource, 'rightsdesk_start_run', START_RUN, [
      run.requestId,
      run.fromStatus,
      run.toStatus,
      run.subject,
      run.datamapSha256,
      run.startedAt,
      run.systemKeys,
      ...auditInsertValues(run.audit).slice(1),
    ]);
    return rows[0]?.n === 1;
  }

  /** The request, its execution and its systems in one read. */
  async view(requestId: string): Promise<ExecutionView | null> {
    const rows = await preparedQuery<ViewRow>(this.dataSource, 'rightsdesk_execution_view', VIEW, [requestId]);
    const first = rows[0];
    if (!first) {
      return null;
    }
    return {
      request: {
        id: first.id,
        type: first.type,
        status: first.status,
        personalData: first.personal_data,
        language: first.language,
        reference: first.reference,
        dueOn: first.due_on,
      },
      execution:
        first.execution_run === null || first.subject === null || first.datamap_sha256 === null
          ? null
          : { run: first.execution_run, subject: first.subject, datamapSha256: first.datamap_sha256 },
      systems: rows.filter((row) => row.system_key !== null).map((row) => toSystem(row)),
    };
  }

  findExecution(requestId: string, tx?: EntityManager): Promise<RequestExecutionEntity | null> {
    return (tx ?? this.dataSource.manager).getRepository(RequestExecutionEntity).findOneBy({ requestId });
  }

  findSystem(requestId: string, systemKey: string): Promise<SystemExecutionEntity | null> {
    return this.dataSource.getRepository(SystemExecutionEntity).findOneBy({ requestId, systemKey });
  }

  /**
   * Claims a system for one attempt and reads what the attempt works from, in one statement. Null
   * when the system is already finished (done or awaiting a provider) or belongs to another run:
   * the job then has nothing to do.
   */
  async claimAttempt(requestId: string, systemKey: string, run: number, now: Date): Promise<ClaimedAttempt | null> {
    const rows = await preparedQuery<{
      id: string;
      type: ExecutionRequest['type'];
      status: ExecutionRequest['status'];
      personal_data: Buffer;
      subject: Buffer | null;
      datamap_sha256: string | null;
    }>(this.dataSource, 'rightsdesk_claim_attempt', CLAIM_ATTEMPT, [requestId, systemKey, run, now]);
    const row = rows[0];
    if (!row) {
      return null;
    }
    return {
      request: { id: row.id, type: row.type, status: row.status, personalData: row.personal_data },
      execution: row.subject === null || row.datamap_sha256 === null ? null : { subject: row.subject, datamapSha256: row.datamap_sha256 },
    };
  }

  /** A system's end and, when it recorded the end, the audit event: one statement, one transaction. */
  finishWithAudit(requestId: string, systemKey: string, run: number, result: SystemFinish, audit: NewAuditEvent): Promise<boolean> {
    return this.finish('rightsdesk_finish_system', FINISH_WITH_AUDIT, requestId, systemKey, run, result, audit);
  }

  /** As finishWithAudit, for a provider's answer: only while the system still waits for it. */
  finishAwaitedWithAudit(requestId: string, systemKey: string, run: number, result: SystemFinish, audit: NewAuditEvent): Promise<boolean> {
    return this.finish('rightsdesk_finish_awaited_system', FINISH_AWAITED_WITH_AUDIT, requestId, systemKey, run, result, audit);
  }

  private async finish(name: string, sql: string, requestId: string, systemKey: string, run: number, result: SystemFinish, audit: NewAuditEvent): Promise<boolean> {
    const rows = await preparedQuery<{ n: number }>(this.dataSource, name, sql, [...finishValues(requestId, systemKey, run, result), ...auditInsertValues(audit).slice(1)]);
    return rows[0]?.n === 1;
  }

  /**
   * Moves the request out of `in_progress` with the execution's end, the access package, the audit
   * events and the email, in one statement. False when the request was no longer in `fromStatus`.
   */
  async closeRun(closing: RunClosing): Promise<boolean> {
    const pkg = closing.accessPackage;
    const { message } = closing;
    const rows = await preparedQuery<{ n: number }>(this.dataSource, 'rightsdesk_close_run', CLOSE_RUN, [
      closing.requestId,
      closing.fromStatus,
      closing.toStatus,
      closing.closedAt,
      closing.finishedAt,
      pkg?.id ?? null,
      pkg?.tokenHash ?? null,
      pkg?.expiresAt ?? null,
      pkg?.downloadsRemaining ?? null,
      pkg?.bytes ?? null,
      pkg?.sha256 ?? null,
      ...auditColumnArrays(closing.audit),
      message.id,
      message.channel,
      message.template,
      message.payload,
    ]);
    return rows[0]?.n === 1;
  }

  /** A provider's callback for a system that is waiting on it (matched by its reference). */
  async findAwaiting(requestId: string, systemKey: string, tx?: EntityManager): Promise<SystemExecutionEntity | null> {
    return (tx ?? this.dataSource.manager)
      .getRepository(SystemExecutionEntity)
      .findOneBy({ requestId, systemKey, status: 'awaiting_callback' });
  }

  /** A system waiting for the processor that knows the request by this reference (OpenDSR's subject_request_id). */
  async findAwaitingByReference(systemKey: string, providerReference: string): Promise<SystemExecutionEntity | null> {
    return this.dataSource.getRepository(SystemExecutionEntity).findOneBy({ systemKey, providerReference, status: 'awaiting_callback' });
  }

  /**
   * Claims up to `limit` systems of `systemKey` waiting for a callback whose provider was last asked
   * (or started waiting) at least `intervalMinutes` ago, the longest first, stamping them asked now.
   * The claim is in the database (SKIP LOCKED), so several workers share the polling and none asks a
   * processor twice per interval, and rows not yet due never crowd out those that are.
   */
  async claimDueForPoll(systemKey: string, intervalMinutes: number, now: Date, limit: number): Promise<Array<Pick<SystemExecutionEntity, 'requestId' | 'systemKey' | 'run' | 'providerReference'>>> {
    const rows = await updateReturning<{ request_id: string; system_key: string; run: number; provider_reference: string | null }>(
      this.dataSource,
      `UPDATE system_execution s SET polled_at = $3
        WHERE (s.request_id, s.system_key) IN (
          SELECT request_id, system_key FROM system_execution
           WHERE status = 'awaiting_callback' AND system_key = $1
             AND COALESCE(polled_at, updated_at) <= $3::timestamptz - make_interval(mins => $2::int)
           ORDER BY COALESCE(polled_at, updated_at)
           LIMIT $4
           FOR UPDATE SKIP LOCKED)
        RETURNING s.request_id, s.system_key, s.run, s.provider_reference`,
      [systemKey, intervalMinutes, now, limit],
    );
    return rows.map((r) => ({ requestId: r.request_id, systemKey: r.system_key, run: r.run, providerReference: r.provider_reference }));
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

function finishValues(requestId: string, systemKey: string, run: number, result: SystemFinish): unknown[] {
  return [
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
  ];
}

function toSystem(row: ViewRow): SystemExecutionEntity {
  return Object.assign(new SystemExecutionEntity(), {
    requestId: row.id,
    systemKey: row.system_key,
    run: row.run,
    status: row.system_status,
    attempts: row.attempts,
    outcome: row.outcome,
    outcomeSha256: row.outcome_sha256,
    errorCode: row.error_code,
    errorMessage: row.error_message,
    providerReference: row.provider_reference,
    callbackDeadline: row.callback_deadline,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    updatedAt: row.updated_at,
  });
}

interface ViewRow {
  id: string;
  type: ExecutionRequest['type'];
  status: ExecutionRequest['status'];
  personal_data: Buffer;
  language: string;
  reference: string;
  due_on: string;
  execution_run: number | null;
  subject: Buffer | null;
  datamap_sha256: string | null;
  system_key: string | null;
  run: number;
  system_status: SystemExecutionStatus;
  attempts: number;
  outcome: SystemOutcomeRecord | null;
  outcome_sha256: string | null;
  error_code: string | null;
  error_message: string | null;
  provider_reference: string | null;
  callback_deadline: Date | null;
  started_at: Date | null;
  finished_at: Date | null;
  updated_at: Date;
}
