import { Injectable, Logger } from '@nestjs/common';
import type { OpenDsrRequestStatus, OpenDsrSystem } from '@rightsdesk/connectors';
import { ExecutionRepository, PrivacyRequestRepository, type SystemExecutionEntity } from '@rightsdesk/data-access';
import { errorSummary, executionJobId, QueueService } from '@rightsdesk/queue';
import { AuditTrail } from '../audit/audit-trail.service';
import { Clock } from '../time/clock';

export type OpenDsrOutcome = 'recorded' | 'duplicate' | 'in_progress';

// The processor's word on a request (by signed callback or signed status answer) becomes the
// system's outcome once: `completed` is done, `cancelled` is a failure an officer sees, `pending` and
// `in_progress` change nothing.
@Injectable()
export class OpenDsrOutcomes {
  private readonly logger = new Logger(OpenDsrOutcomes.name);

  constructor(
    private readonly requests: PrivacyRequestRepository,
    private readonly executions: ExecutionRepository,
    private readonly audit: AuditTrail,
    private readonly queue: QueueService,
    private readonly clock: Clock,
  ) {}

  async record(system: OpenDsrSystem, waiting: Pick<SystemExecutionEntity, 'requestId' | 'run' | 'providerReference'>, status: OpenDsrRequestStatus, via: 'callback' | 'status_poll'): Promise<OpenDsrOutcome> {
    if (status === 'pending' || status === 'in_progress') {
      return 'in_progress';
    }
    const request = await this.requests.findById(waiting.requestId);
    if (!request) {
      return 'duplicate';
    }
    const now = this.clock.now();
    const completed = status === 'completed';
    const erasure = request.type === 'erasure' || request.type === 'child_data_removal';
    // OpenDSR reports no counts per collection: the outcome records that the processor confirmed.
    const collections = system.collections.map((collection) => ({
      collection: collection.name,
      found: 0,
      changed: 0,
      actions: [`opendsr:${erasure ? 'erasure' : system.accessAs}`],
    }));
    const recorded = await this.executions.finishAwaitedWithAudit(
      request.id,
      system.key,
      waiting.run,
      {
        status: completed ? 'done' : 'failed',
        outcome: completed ? { collections } : null,
        errorCode: completed ? null : 'processor_cancelled',
        at: now,
      },
      this.audit.event({
        requestId: request.id,
        actorType: 'system',
        action: completed ? (erasure ? 'erasure_certificate' : 'provider_completed') : 'system_failed',
        data: {
          system: system.key,
          systemTitle: system.title,
          run: waiting.run,
          completedAt: now.toISOString(),
          protocol: `opendsr-v${system.connection.version}`,
          subjectRequestId: waiting.providerReference,
          confirmedBy: via,
          ...(completed ? { collections } : { errorCode: 'processor_cancelled' }),
        },
      }),
    );
    if (recorded) {
      this.logger.log({ requestId: request.id, system: system.key, status, via }, 'opendsr processor outcome recorded');
      // Its own job id so it is not deduplicated away by the flow's finalize.
      await this.queue
        .enqueue(
          { name: 'finalize-request', data: { requestId: request.id, run: waiting.run } },
          { jobId: `${executionJobId('finalize-request', request.id, waiting.run)}.opendsr-${system.key}` },
        )
        .catch((error: unknown) => {
          this.logger.warn({ requestId: request.id, error: errorSummary(error) }, 'could not queue finalize; the reconciler will');
        });
    }
    return recorded ? 'recorded' : 'duplicate';
  }
}
