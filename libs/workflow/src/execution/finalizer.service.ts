import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@rightsdesk/config';
import { hasFiles } from '@rightsdesk/connectors';
import { type ExecutionRequest, ExecutionRepository, type NewOutboxMessage, type SystemExecutionEntity } from '@rightsdesk/data-access';
import { nextStatus, optOutChannelsOf, optOutScope, toCalendarDate } from '@rightsdesk/domain';
import type { MailLocale } from '@rightsdesk/mail';
import { AccessPackageBuilder, PackageStore } from '../access-package';
import { AuditTrail } from '../audit/audit-trail.service';
import type { SubjectRecord } from '../intake/subject-record';
import { OutboxService } from '../outbox/outbox.service';
import { FieldCipher } from '../security/field-cipher';
import { KeyedHash, newToken } from '../security/keyed-hash';
import { Clock } from '../time/clock';
import { DataMapProvider } from './data-map.provider';
import { downloadPageUrl } from '../requester-links';

export type FinalizeOutcome = 'completed' | 'failed' | 'waiting' | 'skipped';

// The flow's parent: runs once every system of the run has finished (or given up) and turns the
// systems' recorded outcomes into the request's result — the access package, the completion email,
// or a failure the officers hear about.
@Injectable()
export class ExecutionFinalizer {
  private readonly logger = new Logger(ExecutionFinalizer.name);

  constructor(
    private readonly executions: ExecutionRepository,
    private readonly audit: AuditTrail,
    private readonly outbox: OutboxService,
    private readonly cipher: FieldCipher,
    private readonly hash: KeyedHash,
    private readonly dataMap: DataMapProvider,
    private readonly store: PackageStore,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async finalize(requestId: string, run: number): Promise<FinalizeOutcome> {
    const view = await this.executions.view(requestId);
    if (view?.request.status !== 'in_progress' || view.execution?.run !== run) {
      return 'skipped';
    }
    const { request, systems } = view;
    if (systems.some((s) => s.status === 'pending' || s.status === 'running')) {
      // A child ended without recording its end (its database write failed): retry later.
      throw new Error('systems of this run have not finished');
    }
    if (systems.some((s) => s.status === 'awaiting_callback')) {
      return 'waiting';
    }
    const failed = systems.filter((s) => s.status === 'failed');
    if (failed.length > 0) {
      await this.fail(request, failed);
      return 'failed';
    }
    await this.complete(request, systems);
    return 'completed';
  }

  private async complete(request: ExecutionRequest, systems: SystemExecutionEntity[]): Promise<void> {
    const now = this.clock.now();
    const built = request.type === 'access' ? await this.buildPackage(request, systems, now) : null;
    const subject = this.cipher.decryptJson<SubjectRecord>(request.personalData);
    const to = nextStatus(request.status, 'complete');
    const audit = [
      ...(built
        ? [
            this.audit.event({
              requestId: request.id,
              actorType: 'system',
              action: 'access_package_created',
              data: { packageId: built.packageId, bytes: built.bytes, sha256: built.sha256, expiresAt: built.expiresAt.toISOString() },
            }),
          ]
        : []),
      this.audit.event({
        requestId: request.id,
        actorType: 'system',
        action: 'request_completed',
        fromStatus: request.status,
        toStatus: to,
        data: { systems: systems.map((s) => ({ system: s.systemKey, outcomeSha256: s.outcomeSha256 })) },
      }),
    ];
    // Guarded by the status read in finalize(): a second finalize of the run writes nothing.
    const done = await this.executions.closeRun({
      requestId: request.id,
      fromStatus: request.status,
      toStatus: to,
      closedAt: now,
      finishedAt: now,
      accessPackage: built
        ? {
            id: built.packageId,
            tokenHash: this.hash.token(built.token),
            expiresAt: built.expiresAt,
            downloadsRemaining: this.config.execution.packageMaxDownloads,
            bytes: String(built.bytes),
            sha256: built.sha256,
          }
        : null,
      audit,
      message: this.completionEmail(request, subject.email, systems.length, built),
    });
    if (done && built) {
      await this.store.deleteParts(request.id);
    }
  }

  private async buildPackage(request: ExecutionRequest, systems: SystemExecutionEntity[], now: Date) {
    const map = this.dataMap.get();
    const packageId = randomUUID();
    const bySystem = new Map(systems.map((s) => [s.systemKey, s]));
    const result = await new AccessPackageBuilder(this.store).build({
      requestId: request.id,
      packageId,
      reference: request.reference,
      companyName: this.config.company.name,
      generatedAt: now,
      language: request.language === 'de' ? 'de' : 'en',
      dataMap: map,
      systems: map.systems
        .filter((system) => bySystem.has(system.key))
        .map((system) => ({
          system,
          state: 'done' as const,
          collections: (bySystem.get(system.key)?.outcome?.collections ?? []).map((c) => ({ collection: c.collection, found: c.found })),
        })),
      files: (systemKey) => {
        const connector = this.dataMap.connector(systemKey);
        return hasFiles(connector) ? connector : undefined;
      },
    });
    const expiresAt = new Date(now.getTime() + this.config.execution.packageTtlDays * 86_400_000);
    return { packageId, token: newToken(), expiresAt, bytes: result.bytes, sha256: result.sha256 };
  }

  private completionEmail(
    request: ExecutionRequest,
    to: string,
    systemCount: number,
    built: { token: string; expiresAt: Date } | null,
  ): NewOutboxMessage {
    return this.outbox.prepareEmail(request.id, to, {
      template: 'request_completed',
      locale: request.language as MailLocale,
      params: {
        companyName: this.config.company.name,
        reference: request.reference,
        requestType: request.type,
        summary: { systems: systemCount },
        ...(request.type === 'opt_out' ? { optOutScope: optOutScope(optOutChannelsOf(this.cipher.decryptJson<SubjectRecord>(request.personalData).details)) } : {}),
        ...(built
          ? {
              downloadUrl: downloadPageUrl(this.config.http.publicUrl, built.token),
              downloadExpiresOn: toCalendarDate(built.expiresAt),
              maxDownloads: this.config.execution.packageMaxDownloads,
            }
          : {}),
      },
    });
  }

  private async fail(request: ExecutionRequest, failed: SystemExecutionEntity[]): Promise<void> {
    const failedSystems = failed.map((s) => ({ system: s.systemKey, errorCode: s.errorCode ?? 'unknown_error' }));
    const to = nextStatus(request.status, 'fail');
    await this.executions.closeRun({
      requestId: request.id,
      fromStatus: request.status,
      toStatus: to,
      closedAt: null,
      // Left open: the officers may retry the failed systems in a new run.
      finishedAt: null,
      accessPackage: null,
      audit: [
        this.audit.event({
          requestId: request.id,
          actorType: 'system',
          action: 'request_failed',
          fromStatus: request.status,
          toStatus: to,
          data: { systems: failedSystems },
        }),
      ],
      message: this.outbox.prepareEmail(request.id, this.config.officers.email, {
        template: 'execution_failed',
        locale: 'en',
        params: {
          companyName: this.config.company.name,
          reference: request.reference,
          requestType: request.type,
          failedSystems,
          dueOn: request.dueOn,
          consoleUrl: `${this.config.http.publicUrl}/console/requests/${request.id}`,
        },
      }),
    });
    this.logger.warn({ requestId: request.id, systems: failedSystems }, 'request failed');
  }
}
