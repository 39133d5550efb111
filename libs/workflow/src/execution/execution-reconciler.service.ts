import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@rightsdesk/config';
import { ExecutionRepository } from '@rightsdesk/data-access';
import { executionJobId, QueueService, errorSummary } from '@rightsdesk/queue';
import { AuditTrail } from '../audit/audit-trail.service';
import { OpenDsrStatusPoller } from '../opendsr/opendsr-status-poller.service';
import { Clock } from '../time/clock';
import { ExecutionService } from './execution.service';

const BATCH = 200;

export interface ReconcileReport {
  started: number;
  flows: number;
  overdue: number;
}

// The database is the source of truth, Redis is not: every run of this job makes sure each approved
// or running request has its jobs (a Redis restart or a crash between commit and enqueue loses
// them), and turns providers that never called back into failures an officer sees.
@Injectable()
export class ExecutionReconciler {
  private readonly logger = new Logger(ExecutionReconciler.name);

  constructor(
    private readonly executions: ExecutionRepository,
    private readonly execution: ExecutionService,
    private readonly audit: AuditTrail,
    private readonly queue: QueueService,
    private readonly clock: Clock,
    private readonly openDsrPoller: OpenDsrStatusPoller,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async reconcile(): Promise<ReconcileReport> {
    const now = this.clock.now();
    const report: ReconcileReport = { started: 0, flows: 0, overdue: 0 };
    const quietSince = new Date(now.getTime() - this.config.execution.reconcileAfterSeconds * 1000);
    for (const request of await this.executions.findActive(quietSince, BATCH)) {
      try {
        if (request.status === 'approved' || request.run === null) {
          const state = await this.queue.ensure({ name: 'start-execution', data: { requestId: request.id } }, executionJobId('start-execution', request.id));
          report.started += state === 'present' ? 0 : 1;
        } else if ((await this.execution.ensureFlow(request.id)) === 'added') {
          report.flows += 1;
        }
      } catch (error) {
        this.logger.warn({ requestId: request.id, error: errorSummary(error) }, 'could not reconcile a request');
      }
    }
    // A processor whose callback was lost may have finished: ask before calling it overdue.
    await this.openDsrPoller.poll().catch((error: unknown) => {
      this.logger.warn({ error: errorSummary(error) }, 'could not poll opendsr processors');
    });
    for (const system of await this.executions.findOverdueCallbacks(now, BATCH)) {
      const recorded = await this.executions.finishWithAudit(
        system.requestId,
        system.systemKey,
        system.run,
        { status: 'failed', errorCode: 'provider_callback_overdue', at: now },
        this.audit.event({
          requestId: system.requestId,
          actorType: 'system',
          action: 'system_failed',
          data: { system: system.systemKey, run: system.run, errorCode: 'provider_callback_overdue' },
        }),
      );
      if (recorded) {
        report.overdue += 1;
        await this.enqueueFinalize(system.requestId, system.run, `overdue-${system.systemKey}`);
      }
    }
    if (report.started + report.flows + report.overdue > 0) {
      this.logger.log(report, 'reconciled executions');
    }
    return report;
  }

  /** A finalize outside the flow (after a callback or a deadline); its own id so it is not deduplicated away. */
  async enqueueFinalize(requestId: string, run: number, cause: string): Promise<void> {
    await this.queue.enqueue(
      { name: 'finalize-request', data: { requestId, run } },
      { jobId: `${executionJobId('finalize-request', requestId, run)}.${cause}` },
    );
  }
}
