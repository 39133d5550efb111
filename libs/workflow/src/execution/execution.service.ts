import { Injectable, Logger } from '@nestjs/common';
import type { Subject } from '@rightsdesk/connectors';
import { DatabaseTransactions, ExecutionRepository, PrivacyRequestRepository } from '@rightsdesk/data-access';
import { type AuditActorType, nextStatus, optOutChannelsOf, RequestException } from '@rightsdesk/domain';
import { executionJobId, QueueService, errorSummary } from '@rightsdesk/queue';
import { AuditTrail } from '../audit/audit-trail.service';
import type { SubjectRecord } from '../intake/subject-record';
import { FieldCipher } from '../security/field-cipher';
import { Clock } from '../time/clock';
import { DataMapProvider } from './data-map.provider';
import type { ExecutionSubjectRecord } from './execution-subject';
import { participatingSystems, resolveCorrections } from './execution-plan';
import { resolveSubjectKeys } from './resolve-subject-keys';
import { identitiesFor } from './subject-identities';

export interface Actor {
  type: Extract<AuditActorType, 'officer' | 'system'>;
  id: string | null;
}

export interface ApprovalOptions {
  /** Four-eyes: the officer whose proposal this approval completes; named in the audit event. */
  proposedBy?: string;
}

// Approval starts execution; execution is a BullMQ flow whose state lives in the database
// (request_execution, system_execution). Jobs are enqueued after commit; the reconciler re-creates
// any a crash or a Redis restart lost.
@Injectable()
export class ExecutionService {
  private readonly logger = new Logger(ExecutionService.name);

  constructor(
    private readonly transactions: DatabaseTransactions,
    private readonly requests: PrivacyRequestRepository,
    private readonly executions: ExecutionRepository,
    private readonly audit: AuditTrail,
    private readonly cipher: FieldCipher,
    private readonly dataMap: DataMapProvider,
    private readonly queue: QueueService,
    private readonly clock: Clock,
  ) {}

  /**
   * Approves and queues execution. The request's uploads have served their purpose once it is
   * decided, so their contents are erased with the status change. With `proposedBy`, the approval
   * goes through only while that officer's proposal stands.
   */
  async approve(requestId: string, actor: Actor, options: ApprovalOptions = {}): Promise<void> {
    this.dataMap.get();
    // No lock held across round trips: the write is guarded by the status read here, so a change
    // in between makes it write nothing, and the next read decides again (or refuses).
    for (let attempt = 1; ; attempt += 1) {
      const request = await this.requests.findStatus(requestId);
      if (!request) {
        throw new RequestException('not_found', 'No such request.');
      }
      // COPPA: a child's data is removed on a person's decision, never by an automatic policy.
      if (request.type === 'child_data_removal' && actor.type !== 'officer') {
        throw new RequestException('forbidden', "Removing a child's data needs an officer's approval.");
      }
      const to = nextStatus(request.status, 'approve');
      const event = this.audit.event({
        requestId,
        actorType: actor.type,
        actorId: actor.id,
        action: 'request_approved',
        fromStatus: request.status,
        toStatus: to,
        data: options.proposedBy ? { proposedBy: options.proposedBy } : null,
      });
      if (await this.requests.approve(requestId, request.status, to, options.proposedBy ?? null, this.clock.now(), event)) {
        break;
      }
      if (attempt >= 3) {
        throw new RequestException('conflict', 'The request changed while it was being approved; try again.');
      }
    }
    await this.enqueueStart(requestId);
  }

  /** The start-execution job: resolve the subject once, record the plan, then hand out the flow. */
  async start(requestId: string): Promise<void> {
    const view = await this.executions.view(requestId);
    const request = view?.request;
    if (!request || (request.status !== 'approved' && request.status !== 'in_progress')) {
      return;
    }
    if (request.status === 'in_progress') {
      // A redelivered job: the run was recorded, its flow may or may not have reached Redis.
      await this.ensureFlow(requestId);
      return;
    }
    const map = this.dataMap.get();
    const record = this.cipher.decryptJson<SubjectRecord>(request.personalData);
    const corrections =
      request.type === 'rectification'
        ? resolveCorrections(map, (record.details as { corrections: Array<{ field: string; newValue: string }> }).corrections)
        : undefined;
    const optOutChannels = request.type === 'opt_out' ? optOutChannelsOf(record.details) : undefined;
    const systems = participatingSystems(map, request.type, corrections, optOutChannels).map((system) => system.key);
    const identities = identitiesFor(request.type, record);
    // Keys other systems need (an S3 prefix by customer id) are read before anything changes: a
    // parallel erasure could otherwise delete the row that says which objects are the subject's.
    const subject: Subject = {
      identities,
      keys: await resolveSubjectKeys(map, { identities, keys: {} }, (system) => this.dataMap.connector(system.key)),
    };
    const sealed: ExecutionSubjectRecord = { version: 1, subject };
    const to = nextStatus(request.status, 'start');
    // Guarded by the status read above: a concurrent start that got there first leaves nothing to do.
    const started = await this.executions.startRun({
      requestId,
      fromStatus: request.status,
      toStatus: to,
      subject: this.cipher.encryptJson(sealed),
      datamapSha256: map.sha256,
      startedAt: this.clock.now(),
      systemKeys: systems,
      audit: this.audit.event({
        requestId,
        actorType: 'system',
        action: 'execution_started',
        fromStatus: request.status,
        toStatus: to,
        data: { systems, datamapSha256: map.sha256, unmatchedCorrections: corrections?.unmatched.length ?? 0 },
      }),
    });
    if (started) {
      // A brand-new run has no jobs in Redis yet, so there is nothing to look up first; if this add
      // fails the job is retried and takes the redelivery path above.
      await this.queue.addExecutionFlow(requestId, 1, systems);
    }
  }

  /** Adds the run's flow unless Redis already has it. */
  async ensureFlow(requestId: string): Promise<'added' | 'present' | 'none'> {
    const view = await this.executions.view(requestId);
    if (!view?.execution) {
      return 'none';
    }
    const { run } = view.execution;
    const finalize = { name: 'finalize-request', data: { requestId, run } } as const;
    const state = await this.queue.jobState(finalize, executionJobId('finalize-request', requestId, run));
    if (state === 'failed') {
      await this.queue.ensure(finalize, executionJobId('finalize-request', requestId, run));
      return 'added';
    }
    if (state !== null) {
      return 'present';
    }
    const open = view.systems.filter((s) => s.status === 'pending' || s.status === 'running').map((s) => s.systemKey);
    await this.queue.addExecutionFlow(requestId, run, open);
    return 'added';
  }

  /** Starts a new run for the failed systems of a failed request (or only `systemKey`). */
  async retry(requestId: string, systemKey: string | null, actor: Actor): Promise<string[]> {
    const { run, systemKeys } = await this.transactions.run(async (tx) => {
      const request = await this.requests.findByIdForUpdate(tx, requestId);
      if (!request) {
        throw new RequestException('not_found', 'No such request.');
      }
      const to = nextStatus(request.status, 'retry');
      const reset = await this.executions.resetFailed(tx, requestId, systemKey);
      if (reset.systemKeys.length === 0) {
        throw new RequestException('conflict', systemKey ? `System ${systemKey} has not failed.` : 'No system has failed.');
      }
      await this.requests.update(tx, requestId, { status: to });
      await this.audit.record(tx, {
        requestId,
        actorType: actor.type,
        actorId: actor.id,
        action: 'execution_retried',
        fromStatus: request.status,
        toStatus: to,
        data: { systems: reset.systemKeys, run: reset.run },
      });
      return reset;
    });
    await this.queue.addExecutionFlow(requestId, run, systemKeys).catch((error: unknown) => {
      this.logger.warn({ requestId, error: errorSummary(error) }, 'could not queue the retry; the reconciler will');
    });
    return systemKeys;
  }

  async enqueueStart(requestId: string): Promise<void> {
    try {
      await this.queue.enqueue({ name: 'start-execution', data: { requestId } }, { jobId: executionJobId('start-execution', requestId) });
    } catch (error) {
      // Committed already; the reconciler finds approved requests without a job.
      this.logger.warn({ requestId, error: errorSummary(error) }, 'could not queue execution; the reconciler will');
    }
  }
}
