import { Inject, Injectable } from '@nestjs/common';
import { StatementTimer, subtractIsoDuration } from '@rightsdesk/connectors';
import { APP_CONFIG, type AppConfig } from '@rightsdesk/config';
import { AccessPackageRepository, type DueBatch, type MinimizeSelection, OwnDataRetentionRepository } from '@rightsdesk/data-access';
import { type RequestStatus, TERMINAL_STATUSES } from '@rightsdesk/domain';
import { AccessPackageDelivery } from '../../access-delivery/access-package-delivery.service';
import { Clock } from '../../time/clock';
import type { RetentionTask, RetentionTaskBatch, RetentionTaskProvider } from '../retention-task';
import { RequestMinimizer } from './request-minimizer.service';

// Before a decision an officer may still open the uploads; approving, denying and cancelling erase
// them (RequestAttachmentRepository.eraseContents and the approval statement). Every later status
// counts as decided, an on-hold request that expired included.
const UNDECIDED_STATUSES = ['pending_verification', 'awaiting_review', 'on_hold'] as const satisfies readonly RequestStatus[];

const UNVERIFIED: MinimizeSelection = { statuses: ['expired'], neverVerified: true, closedBefore: null };

// A revoked session's token no longer works; the row stays a day as a trace for looking into a
// sign-in incident (which session was ended, when).
const REVOKED_SESSION_KEPT_MS = 24 * 3600 * 1000;

function batchOf(done: DueBatch, limit: number, timer: StatementTimer): RetentionTaskBatch {
  return { affected: done.affected, cursor: done.found < limit ? null : done.lastKey, longestStatementMs: timer.longestMs };
}

// Rightsdesk's own records kept no longer than needed (docs/retention.md): the rules the tool
// applies to the very data it holds about requesters. `asOf` decides what is due; what a batch
// stamps (deleted_at, minimized_at, audit events) is the clock's now, when it really happened.
@Injectable()
export class OwnDataRetentionTasks implements RetentionTaskProvider {
  constructor(
    private readonly retention: OwnDataRetentionRepository,
    private readonly packages: AccessPackageRepository,
    private readonly delivery: AccessPackageDelivery,
    private readonly minimizer: RequestMinimizer,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  tasks(): RetentionTask[] {
    const { verification, execution, console: officerConsole, retention } = this.config;
    const base = { source: 'rightsdesk', legalHold: false, schedule: retention.defaultSchedule } as const;
    return [
      {
        ...base,
        id: 'rightsdesk.verification_tokens',
        action: 'delete',
        description: 'Delete email confirmation links past their expiry once their request no longer awaits confirmation.',
        period: `PT${verification.ttlHours}H`,
        plan: (asOf, samples) => this.retention.countDueVerificationTokens(asOf, samples),
        batch: async (asOf, cursor, limit) => {
          const timer = new StatementTimer();
          return batchOf(await timer.time(() => this.retention.deleteDueVerificationTokens(asOf, cursor, limit)), limit, timer);
        },
      },
      {
        ...base,
        id: 'rightsdesk.unverified_requests',
        action: 'minimize',
        // The expiry itself (status `expired`) is UnverifiedExpiryService's, every 15 minutes.
        description: `Minimize requests that expired unconfirmed ${verification.unverifiedExpiryDays} days after their confirmation link was sent.`,
        period: `P${verification.unverifiedExpiryDays}D`,
        plan: (_asOf, samples) => this.minimizer.plan(UNVERIFIED, samples),
        batch: (_asOf, cursor, limit) => this.minimizer.batch('rightsdesk.unverified_requests', UNVERIFIED, cursor, limit),
      },
      {
        ...base,
        id: 'rightsdesk.access_packages',
        action: 'delete',
        description: `Delete access package files when their download link expires, ${execution.packageTtlDays} days after it was sent.`,
        period: `P${execution.packageTtlDays}D`,
        // Hourly, not nightly: the link's expiry is a promise to the requester, kept to the hour.
        schedule: { cron: '7 * * * *', timezone: 'UTC' },
        plan: (asOf, samples) => this.packages.countExpired(asOf, samples),
        batch: async (asOf, cursor, limit) => {
          const done = await this.delivery.deleteExpired(asOf, cursor, limit);
          return { affected: done.deleted, cursor: done.found < limit ? null : done.lastKey, longestStatementMs: done.longestStepMs };
        },
      },
      {
        ...base,
        id: 'rightsdesk.request_uploads',
        action: 'delete',
        description: 'Erase the files requesters uploaded (content and file name) once their request is decided.',
        period: null,
        plan: (_asOf, samples) => this.retention.countDueUploads(UNDECIDED_STATUSES, samples),
        batch: async (_asOf, cursor, limit) => {
          const timer = new StatementTimer();
          return batchOf(await timer.time(() => this.retention.eraseDueUploads(UNDECIDED_STATUSES, this.clock.now(), cursor, limit)), limit, timer);
        },
      },
      {
        ...base,
        id: 'rightsdesk.request_records',
        action: 'minimize',
        description: `Minimize requests closed more than ${retention.requestRecordPeriod} ago to what the metrics and the CCPA report need.`,
        period: retention.requestRecordPeriod,
        plan: (asOf, samples) => this.minimizer.plan(this.closedRecords(asOf), samples),
        batch: (asOf, cursor, limit) => this.minimizer.batch('rightsdesk.request_records', this.closedRecords(asOf), cursor, limit),
      },
      {
        ...base,
        id: 'rightsdesk.officer_sessions',
        action: 'delete',
        description: 'Delete console sessions past their absolute expiry or revoked more than a day ago.',
        period: `PT${officerConsole.sessionAbsoluteHours}H`,
        plan: (asOf, samples) => this.retention.countDueOfficerSessions(asOf, revokedBefore(asOf), samples),
        batch: async (asOf, cursor, limit) => {
          const timer = new StatementTimer();
          return batchOf(await timer.time(() => this.retention.deleteDueOfficerSessions(asOf, revokedBefore(asOf), cursor, limit)), limit, timer);
        },
      },
    ];
  }

  // Calendar months back from the run's now in UTC (31 May − P24M = 31 May two years before;
  // 29 February − P1Y = 28 February), as California counts "24 months".
  private closedRecords(asOf: Date): MinimizeSelection {
    return { statuses: TERMINAL_STATUSES, neverVerified: false, closedBefore: subtractIsoDuration(asOf, this.config.retention.requestRecordPeriod) };
  }
}

function revokedBefore(asOf: Date): Date {
  return new Date(asOf.getTime() - REVOKED_SESSION_KEPT_MS);
}
