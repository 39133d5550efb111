import { createHash, createHmac } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, deriveKey } from '@rightsdesk/config';
import type { ActionContext, ActionResult, Connector, Subject } from '@rightsdesk/connectors';
import { type ClaimedAttempt, ExecutionRepository, type PrivacyRequestEntity, type SystemOutcomeRecord } from '@rightsdesk/data-access';
import { optOutChannelsOf } from '@rightsdesk/domain';
import { PackageStore } from '../access-package';
import { AuditTrail } from '../audit/audit-trail.service';
import type { SubjectRecord } from '../intake/subject-record';
import { FieldCipher } from '../security/field-cipher';
import { Clock } from '../time/clock';
import { callbackUrlFor } from '../opendsr/callback-url';
import { DataMapProvider } from './data-map.provider';
import type { ExecutionSubjectRecord } from './execution-subject';
import { resolveCorrections } from './execution-plan';
import { executionErrorCode } from './execution-error';

// One system of one request: run the connector, then record the outcome before the job completes.
// A job delivered twice finds the system `done` and does nothing, so there is no double effect.
@Injectable()
export class SystemExecutor {
  private readonly logger = new Logger(SystemExecutor.name);
  private readonly hashKey: Buffer;

  constructor(
    private readonly executions: ExecutionRepository,
    private readonly audit: AuditTrail,
    private readonly cipher: FieldCipher,
    private readonly dataMap: DataMapProvider,
    private readonly packages: PackageStore,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.hashKey = deriveKey(config.secretKey, 'erasure-hash');
  }

  async execute(job: { requestId: string; systemKey: string; run: number }, attempt: number): Promise<void> {
    // Claim and read in one round trip; the claim counts the attempt even when there is nothing to do.
    const claimed = await this.executions.claimAttempt(job.requestId, job.systemKey, job.run, this.clock.now());
    const execution = claimed?.execution;
    if (!claimed || !execution || claimed.request.status !== 'in_progress') {
      return;
    }
    const { request } = claimed;
    const { subject } = this.cipher.decryptJson<ExecutionSubjectRecord>(execution.subject);
    const context: ActionContext = {
      requestId: request.id,
      requestType: request.type,
      // Per system, so equal values hashed in two systems cannot be joined across them.
      hashSalt: createHmac('sha256', this.hashKey).update(job.systemKey).digest(),
      callbackUrl: callbackUrlFor(this.config.http.publicUrl, job.systemKey, this.dataMap.system(job.systemKey)?.kind),
      run: job.run,
      ...(request.type === 'opt_out' ? this.optOutContext(request) : {}),
    };
    let result: ActionResult;
    let unmatched: string[] | undefined;
    try {
      const connector = this.dataMap.connector(job.systemKey);
      ({ result, unmatched } = await this.act(connector, request, subject, context, job.systemKey));
    } catch (error) {
      if (attempt >= this.config.execution.attempts) {
        await this.recordFailure(job, request, error);
      }
      throw error;
    }
    await this.recordResult(job, request, execution.datamapSha256, result, unmatched);
  }

  private async act(
    connector: Connector,
    request: ClaimedAttempt['request'],
    subject: Subject,
    context: ActionContext,
    systemKey: string,
  ): Promise<{ result: ActionResult; unmatched?: string[] }> {
    switch (request.type) {
      case 'access': {
        const sink = this.packages.partSink(request.id, systemKey);
        try {
          const result = await connector.access(subject, sink, context);
          await sink.close();
          return { result };
        } catch (error) {
          await sink.abort();
          throw error;
        }
      }
      case 'erasure':
      case 'child_data_removal':
        return { result: await connector.erase(subject, context) };
      case 'opt_out':
        return { result: await connector.optOut(subject, context) };
      case 'rectification': {
        const record = this.cipher.decryptJson<SubjectRecord>(request.personalData);
        const corrections = resolveCorrections(
          this.dataMap.get(),
          (record.details as { corrections: Array<{ field: string; newValue: string }> }).corrections,
        );
        const mine = corrections.bySystem.get(systemKey) ?? [];
        return { result: await connector.rectify(subject, mine, context), unmatched: corrections.unmatched };
      }
      default:
        throw new Error(`no execution for request type ${String(request.type)}`);
    }
  }

  // Which lists and partners an opt-out reaches depends on what the person opted out of.
  private optOutContext(request: ClaimedAttempt['request']): Pick<ActionContext, 'optOutChannels'> {
    const channels = optOutChannelsOf(this.cipher.decryptJson<SubjectRecord>(request.personalData).details);
    return channels ? { optOutChannels: channels } : {};
  }

  private async recordResult(
    job: { requestId: string; systemKey: string; run: number },
    request: ClaimedAttempt['request'],
    datamapSha256: string,
    result: ActionResult,
    unmatched: string[] | undefined,
  ): Promise<void> {
    const at = this.clock.now();
    const system = this.dataMap.system(job.systemKey);
    if (result.state === 'pending') {
      const hours = system?.kind === 'webhook' || system?.kind === 'opendsr' ? system.connection.callbackDeadlineHours : 72;
      await this.executions.finishWithAudit(
        job.requestId,
        job.systemKey,
        job.run,
        {
          status: 'awaiting_callback',
          providerReference: result.providerReference.slice(0, 200),
          callbackDeadline: new Date(at.getTime() + hours * 3_600_000),
          at,
        },
        this.audit.event({
          requestId: job.requestId,
          actorType: 'system',
          action: 'system_awaiting_provider',
          data: { system: job.systemKey, run: job.run },
        }),
      );
      return;
    }
    const outcome: SystemOutcomeRecord = { collections: result.collections, ...(unmatched?.length ? { unmatched } : {}) };
    const outcomeSha256 = outcomeHash({ requestId: job.requestId, system: job.systemKey, type: request.type, datamapSha256, outcome, at });
    // The certificate is written only with the outcome it certifies: a second run writes neither.
    await this.executions.finishWithAudit(
      job.requestId,
      job.systemKey,
      job.run,
      { status: 'done', outcome, outcomeSha256, at },
      this.audit.event({
        requestId: job.requestId,
        actorType: 'system',
        action: certificateAction(request.type),
        data: {
          system: job.systemKey,
          systemTitle: system?.title ?? job.systemKey,
          run: job.run,
          completedAt: at.toISOString(),
          datamapSha256,
          collections: outcome.collections,
          ...(unmatched?.length ? { unmatchedCorrections: unmatched.length } : {}),
          outcomeSha256,
        },
      }),
    );
  }

  private async recordFailure(job: { requestId: string; systemKey: string; run: number }, request: ClaimedAttempt['request'], error: unknown): Promise<void> {
    const errorCode = executionErrorCode(error);
    this.logger.warn({ requestId: job.requestId, system: job.systemKey, errorCode }, 'system failed after its last attempt');
    await this.executions.finishWithAudit(
      job.requestId,
      job.systemKey,
      job.run,
      { status: 'failed', errorCode, at: this.clock.now() },
      this.audit.event({
        requestId: request.id,
        actorType: 'system',
        action: 'system_failed',
        data: { system: job.systemKey, run: job.run, errorCode },
      }),
    );
  }
}

/**
 * The erasure certificate is the `erasure_certificate` audit event: what was erased where, counts,
 * time and the hash of the outcome, chained into the tamper-evident trail.
 */
function certificateAction(type: PrivacyRequestEntity['type']): string {
  switch (type) {
    case 'erasure':
    case 'child_data_removal':
      return 'erasure_certificate';
    case 'rectification':
      return 'rectification_applied';
    case 'opt_out':
      return 'opt_out_applied';
    case 'access':
      return 'access_exported';
    default:
      return 'system_completed';
  }
}

function outcomeHash(value: { requestId: string; system: string; type: string; datamapSha256: string; outcome: SystemOutcomeRecord; at: Date }): string {
  return createHash('sha256')
    .update(JSON.stringify([value.requestId, value.system, value.type, value.datamapSha256, value.outcome, value.at.toISOString()]))
    .digest('hex');
}
