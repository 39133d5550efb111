import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@rightsdesk/config';
import { DatabaseTransactions, PrivacyRequestRepository } from '@rightsdesk/data-access';
import { nextStatus } from '@rightsdesk/domain';
import { AuditTrail } from '../audit/audit-trail.service';
import { Clock } from '../time/clock';

const BATCH = 200;

// Requests nobody confirmed are not requests: after the configured days they become `expired`
// (and later minimized by retention) so they never reach the officers' queue.
@Injectable()
export class UnverifiedExpiryService {
  constructor(
    private readonly transactions: DatabaseTransactions,
    private readonly requests: PrivacyRequestRepository,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async expireDue(): Promise<number> {
    const now = this.clock.now();
    const cutoff = new Date(now.getTime() - this.config.verification.unverifiedExpiryDays * 24 * 3600 * 1000);
    let expired = 0;
    for (;;) {
      const due = await this.requests.findUnverifiedSentBefore(cutoff, BATCH);
      for (const candidate of due) {
        expired += await this.transactions.run(async (tx) => {
          const request = await this.requests.findByIdForUpdate(tx, candidate.id);
          if (!request || request.status !== 'pending_verification') {
            return 0;
          }
          const to = nextStatus(request.status, 'expire');
          await this.requests.update(tx, request.id, { status: to, closedAt: now, dedupKey: null });
          await this.audit.record(tx, {
            requestId: request.id,
            actorType: 'system',
            action: 'request_expired',
            fromStatus: request.status,
            toStatus: to,
            reason: `not verified within ${this.config.verification.unverifiedExpiryDays} days`,
          });
          return 1;
        });
      }
      if (due.length < BATCH) {
        return expired;
      }
    }
  }
}
