import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@rightsdesk/config';
import { DatabaseTransactions, type RetentionRunEntity, RetentionRunRepository, type Tx } from '@rightsdesk/data-access';
import { isUuid, RequestException, type RetentionRunStatus, type RetentionRunTrigger } from '@rightsdesk/domain';
import { RETENTION_RETRY_DELAY_MS, ShutdownSignal } from '@rightsdesk/queue';
import { AuditTrail } from '../audit/audit-trail.service';
import { Clock } from '../time/clock';
import { retentionErrorText } from './retention-error';
import { RetentionHolds, type RuleHold } from './retention-holds.service';
import { RetentionRules } from './retention-rules.service';
import type { RetentionTaskBatch } from './retention-task';

/** How a call to `work` ended: the run's status, or `busy` when another worker holds it. */
export type WorkOutcome = RetentionRunStatus | 'busy';

type EndStatus = Extract<RetentionRunStatus, 'completed' | 'cancelled' | 'failed' | 'held'>;

// Runs retention rules batch by batch. The run row in PostgreSQL is the only shared state: a lease
// on it says which process works the run, the cursor says where it stopped, and conditional UPDATEs
// make start, pause, cancel and takeover safe across any number of api, worker and CLI processes.
// Leases are measured in real time (they are about processes being alive); everything recorded
// about the data (as-of, start and end) comes from the injected clock.
@Injectable()
export class RetentionRuns {
  private readonly logger = new Logger(RetentionRuns.name);
  /** This process's name; each call to `work` adds its own part, so two jobs of one process never share a lease. */
  private readonly processName = `${hostname().slice(0, 60)}:${process.pid}`;

  constructor(
    private readonly rules: RetentionRules,
    private readonly holds: RetentionHolds,
    private readonly runs: RetentionRunRepository,
    private readonly transactions: DatabaseTransactions,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    private readonly shutdown: ShutdownSignal,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Starts a run of the rule, or finds the one already active (`started: false`). A rule under
   * legal hold gets a `held` run on schedule (the proof the schedule fired and the hold stopped
   * it); an officer asking to run it is refused.
   */
  async start(ruleId: string, trigger: RetentionRunTrigger, officerId: string | null): Promise<{ run: RetentionRunEntity; started: boolean }> {
    const task = this.rules.require(ruleId);
    const now = this.clock.now();
    const run = { id: randomUUID(), ruleId, trigger, asOf: now, startedBy: officerId };
    const hold = await this.holds.holdOf(task);
    if (hold) {
      if (trigger === 'manual') {
        throw underHold(ruleId, hold);
      }
      const held = await this.transactions.run(async (tx) => {
        const row = await this.runs.insertHeld(tx, run, now, hold.reason);
        await this.recordEnd(tx, row, null);
        return row;
      });
      return { run: held, started: false };
    }
    const started = await this.runs.startIfIdle(run, now);
    if (started) {
      this.logger.log({ ruleId, runId: started.id, trigger }, 'retention run started');
      return { run: started, started: true };
    }
    const active = await this.runs.findActive(ruleId);
    if (!active) {
      // The active run ended between the insert and the read; a new start will go through.
      return this.start(ruleId, trigger, officerId);
    }
    return { run: active, started: false };
  }

  /** Works the run until it completes, fails, is paused, cancelled or held, or another process holds it. */
  async work(runId: string): Promise<WorkOutcome> {
    const owner = `${this.processName}:${randomUUID().slice(0, 8)}`;
    const run = await this.runs.claim(runId, owner, new Date(), this.leaseUntil());
    if (!run) {
      // Ended or paused: say so. Running: another process holds its lease.
      const current = await this.runs.findById(runId);
      return !current || current.status === 'running' ? 'busy' : current.status;
    }
    if (run.resumes > 0 && run.batches > 0) {
      this.logger.log({ ruleId: run.ruleId, runId, batches: run.batches }, 'retention run resumed where it stopped');
    }
    const task = this.rules.get(run.ruleId);
    if (!task) {
      await this.runs.recordError(runId, owner, `the rule ${run.ruleId} is no longer configured`);
      return this.end(run, 'failed', owner);
    }
    let cursor = run.cursor;
    for (;;) {
      if (this.shutdown.requested) {
        // The process is stopping: the batch in flight has finished; another worker goes on from here.
        await this.runs.release(runId, owner);
        this.logger.log({ ruleId: run.ruleId, runId }, 'retention run handed back at shutdown');
        return 'running';
      }
      if (await this.holds.holdOf(task)) {
        return this.end(run, 'held', owner);
      }
      let batch: RetentionTaskBatch;
      try {
        batch = await task.batch(run.asOf, cursor, this.config.retention.batchSize);
      } catch (error) {
        return this.failedBatch(run, error, owner);
      }
      const status = await this.runs.recordBatch(runId, owner, { ...batch, cursor: batch.cursor ?? cursor }, this.leaseUntil());
      if (status === null) {
        return 'busy';
      }
      if (status !== 'running') {
        // Paused or cancelled while the batch ran; the batch itself is recorded in the run.
        await this.runs.release(runId, owner);
        return status;
      }
      if (batch.cursor === null) {
        return this.end(run, 'completed', owner);
      }
      cursor = batch.cursor;
      if (this.config.retention.batchPauseMs > 0) {
        await sleep(this.config.retention.batchPauseMs);
      }
    }
  }

  async pause(runId: string, officerId: string): Promise<RetentionRunEntity> {
    return this.officerChange(runId, officerId, 'running', 'paused', 'retention_run_paused');
  }

  /** Back to running; the caller enqueues a job to work it. */
  async resume(runId: string, officerId: string): Promise<RetentionRunEntity> {
    const run = await this.existing(runId);
    const task = this.rules.require(run.ruleId);
    const hold = await this.holds.holdOf(task);
    if (hold) {
      throw underHold(run.ruleId, hold);
    }
    return this.officerChange(runId, officerId, 'paused', 'running', 'retention_run_resumed');
  }

  async cancel(runId: string, officerId: string): Promise<RetentionRunEntity> {
    await this.existing(runId);
    const ended = await this.transactions.run(async (tx) => {
      const row = await this.runs.finish(tx, runId, 'cancelled', this.clock.now(), null);
      if (row) {
        await this.recordEnd(tx, row, officerId);
      }
      return row;
    });
    if (!ended) {
      throw new RequestException('illegal_transition', 'Only a running or paused run can be cancelled.');
    }
    return ended;
  }

  async find(runId: string): Promise<RetentionRunEntity> {
    return this.existing(runId);
  }

  list(options: { ruleId?: string; limit: number; before?: Date }): Promise<RetentionRunEntity[]> {
    return this.runs.list(options);
  }

  latestPerRule(): Promise<RetentionRunEntity[]> {
    return this.runs.latestPerRule();
  }

  /** Running runs no live process is working on (their worker died, or their job never arrived). */
  orphaned(limit: number): Promise<RetentionRunEntity[]> {
    return this.runs.findOrphaned(new Date(), limit);
  }

  private async failedBatch(run: RetentionRunEntity, error: unknown, owner: string): Promise<WorkOutcome> {
    const text = retentionErrorText(error);
    this.logger.warn({ ruleId: run.ruleId, runId: run.id, error: text }, 'retention batch failed');
    const errors = await this.runs.recordError(run.id, owner, text);
    if (errors === null) {
      return 'busy';
    }
    if (errors >= this.config.retention.maxErrors) {
      return this.end(run, 'failed', owner);
    }
    // Hand the run back and let the job's backoff retry it (a database restarting, a timeout). The
    // lease stays out until the retry is due, so the reconciler does not queue a second attempt.
    await this.runs.releaseUntil(run.id, owner, new Date(Date.now() + retryDelayMs(errors)));
    throw error;
  }

  private async end(run: RetentionRunEntity, status: EndStatus, owner: string): Promise<WorkOutcome> {
    const ended = await this.transactions.run(async (tx) => {
      const row = await this.runs.finish(tx, run.id, status, this.clock.now(), owner);
      if (row) {
        await this.recordEnd(tx, row, null);
      }
      return row;
    });
    if (!ended) {
      return 'busy';
    }
    this.logger.log(
      { ruleId: ended.ruleId, runId: ended.id, status, rows: Number(ended.rowsAffected), batches: ended.batches, errors: ended.errors },
      'retention run ended',
    );
    return status;
  }

  /** The one audit event per run, written with the run's final figures. */
  private async recordEnd(tx: Tx, run: RetentionRunEntity, officerId: string | null): Promise<void> {
    await this.audit.record(tx, {
      requestId: null,
      actorType: officerId ? 'officer' : 'system',
      actorId: officerId,
      action: `retention_run_${run.status}`,
      reason: run.lastError,
      data: {
        runId: run.id,
        ruleId: run.ruleId,
        trigger: run.trigger,
        startedBy: run.startedBy,
        asOf: run.asOf.toISOString(),
        rowsAffected: Number(run.rowsAffected),
        batches: run.batches,
        errors: run.errors,
        resumes: run.resumes,
        longestStatementMs: run.longestStatementMs,
      },
    });
  }

  private async officerChange(
    runId: string,
    officerId: string,
    from: 'running' | 'paused',
    to: 'running' | 'paused',
    action: string,
  ): Promise<RetentionRunEntity> {
    await this.existing(runId);
    const changed = await this.transactions.run(async (tx) => {
      const row = await this.runs.changeStatus(tx, runId, from, to);
      if (row) {
        await this.audit.record(tx, {
          requestId: null,
          actorType: 'officer',
          actorId: officerId,
          action,
          data: { runId, ruleId: row.ruleId, batches: row.batches, rowsAffected: Number(row.rowsAffected) },
        });
      }
      return row;
    });
    if (!changed) {
      throw new RequestException('illegal_transition', `Only a ${from} run can be ${to === 'paused' ? 'paused' : 'resumed'}.`);
    }
    return changed;
  }

  private async existing(runId: string): Promise<RetentionRunEntity> {
    const run = isUuid(runId) ? await this.runs.findById(runId) : null;
    if (!run) {
      throw new RequestException('not_found', 'No such retention run.');
    }
    return run;
  }

  private leaseUntil(): Date {
    return new Date(Date.now() + this.config.retention.leaseSeconds * 1000);
  }
}

function underHold(ruleId: string, hold: RuleHold): RequestException {
  return new RequestException('legal_hold', `The rule ${ruleId} is under legal hold (${hold.reason}); lift the hold first.`);
}

/** The wait before the job's next attempt: the retention jobs' exponential back-off (job-catalogue). */
export function retryDelayMs(errors: number): number {
  return RETENTION_RETRY_DELAY_MS * 2 ** Math.max(0, errors - 1);
}
