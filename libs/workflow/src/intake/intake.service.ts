import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@rightsdesk/config';
import {
  DatabaseTransactions,
  IntakeRepository,
  type NewFiling,
  type PendingDuplicate,
  PrivacyRequestRepository,
  type Tx,
  VerificationTokenRepository,
} from '@rightsdesk/data-access';
import { canonicalJson, type IntakeInput, normalizeEmail, optOutScope, RequestException, toCalendarDate } from '@rightsdesk/domain';
import { AuditTrail } from '../audit/audit-trail.service';
import { ExecutionService } from '../execution/execution.service';
import { OutboxService } from '../outbox/outbox.service';
import { RateLimiter } from '../rate-limit/rate-limiter';
import { KeyedHash } from '../security/keyed-hash';
import { Clock } from '../time/clock';
import { RequestFilings, verifiedNow } from './request-filings.service';

export interface IntakeReceipt {
  reference: string;
  /** `approved`: an opt-out of sale/sharing only, which needs no confirmation (11 CCR §7026(d)). */
  status: 'pending_verification' | 'approved';
}

const DUPLICATE_WINDOW_MS = 24 * 3600 * 1000;

@Injectable()
export class IntakeService {
  constructor(
    private readonly transactions: DatabaseTransactions,
    private readonly intake: IntakeRepository,
    private readonly requests: PrivacyRequestRepository,
    private readonly tokens: VerificationTokenRepository,
    private readonly outbox: OutboxService,
    private readonly audit: AuditTrail,
    private readonly filings: RequestFilings,
    private readonly hash: KeyedHash,
    private readonly rateLimiter: RateLimiter,
    private readonly execution: ExecutionService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Files a request and sends the verification email. The answer is the same whether or not we
   * hold data about the address (we don't even look), and an identical unverified request within
   * 24 hours returns the existing reference instead of a duplicate.
   */
  async file(input: IntakeInput): Promise<IntakeReceipt> {
    const email = normalizeEmail(input.email);
    await this.rateLimiter.consume('intake-email', email, this.config.rateLimits.intakePerEmailPerHour, 3600);

    const now = this.clock.now();
    if (input.type === 'opt_out' && isSaleSharingOnly(input.details.channels)) {
      return this.fileOptOutOfSale(input, email, now);
    }
    const dedupKey = this.hash.dedup(
      canonicalJson({ type: input.type, email, name: input.name ?? null, country: input.country, region: input.region ?? null, language: input.language, details: input.details ?? null }),
    );

    const filing = this.newFiling(input, email, dedupKey, now);
    if (await this.intake.insertIfNew(filing)) {
      return { reference: filing.request.reference, status: 'pending_verification' };
    }
    // An unverified request with the same content exists (the rare path): answer with it.
    const reference = await this.transactions.run((tx) => this.handleDuplicate(tx, filing, email, now));
    return { reference, status: 'pending_verification' };
  }

  /**
   * An opt-out of sale and sharing only: 11 CCR §7026(d) forbids requiring a verifiable request for
   * it, so it is filed confirmed and approved at once (no link to follow, no officer decision), as a
   * Global Privacy Control signal is. The email carries the status link. Opting someone else out of
   * sale stops nothing they want, so taking the address on trust harms no one; the per-address and
   * per-IP limits still hold.
   */
  private async fileOptOutOfSale(input: IntakeInput, email: string, now: Date): Promise<IntakeReceipt> {
    const { request, deadline } = this.filings.newRequest(input, email, verifiedNow('web', now));
    request.status = 'approved';
    await this.transactions.run((tx) =>
      this.filings.insertVerified(tx, request, email, [
        {
          requestId: request.id,
          actorType: 'requester',
          action: 'request_received',
          fromStatus: null,
          toStatus: 'awaiting_review',
          data: { type: request.type, regime: request.regime, channel: 'web', dueOn: deadline.dueOn, method: 'no_verification_needed' },
        },
        {
          requestId: request.id,
          actorType: 'system',
          actorId: 'opt-out-of-sale',
          action: 'request_approved',
          fromStatus: 'awaiting_review',
          toStatus: 'approved',
          data: { basis: '11 CCR §7026(d): an opt-out of sale or sharing needs no verification' },
        },
      ]),
    );
    await this.execution.enqueueStart(request.id);
    return { reference: request.reference, status: 'approved' };
  }

  private async handleDuplicate(tx: Tx, filing: NewFiling, email: string, now: Date): Promise<string> {
    const dedupKey = filing.request.dedupKey as Buffer;
    await this.requests.lockDedupKey(tx, dedupKey);
    const existing = await this.requests.findByDedupKey(tx, dedupKey);
    if (existing && now.getTime() - existing.receivedAt.getTime() < DUPLICATE_WINDOW_MS) {
      await this.resendVerification(tx, existing, email, now);
      return existing.reference;
    }
    if (existing) {
      // Older than the window: the person is asking again, so this is a new request.
      await this.requests.update(tx, existing.id, { dedupKey: null });
    }
    if (await this.intake.insertIfNew(filing, tx)) {
      return filing.request.reference;
    }
    throw new RequestException('conflict', 'An identical request is being filed at this moment; try again.');
  }

  private newFiling(input: IntakeInput, email: string, dedupKey: Buffer, now: Date): NewFiling {
    const receivedOn = toCalendarDate(now);
    const { request, deadline } = this.filings.newRequest(input, email, {
      channel: 'web',
      receivedAt: now,
      receivedOn,
      today: receivedOn,
      now,
      dedupKey,
      verified: false,
    });
    return {
      request,
      ...this.filings.verification(request, email, now),
      audit: this.audit.event({
        requestId: request.id,
        actorType: 'requester',
        action: 'request_received',
        fromStatus: null,
        toStatus: 'pending_verification',
        data: { type: request.type, regime: request.regime, channel: 'web', dueOn: deadline.dueOn },
      }),
    };
  }

  // Re-sending is limited per request so the endpoint can't be used to flood someone's inbox.
  private async resendVerification(tx: Tx, request: PendingDuplicate, email: string, now: Date): Promise<void> {
    const lastSent = request.verificationSentAt?.getTime() ?? 0;
    if (now.getTime() - lastSent < this.config.verification.resendIntervalSeconds * 1000) {
      return;
    }
    const { token, message } = this.filings.verification(request, email, now);
    await this.tokens.insert(tx, { ...token, requestId: request.id });
    await this.outbox.add(tx, message);
    await this.requests.update(tx, request.id, { verificationSentAt: now });
    await this.audit.record(tx, {
      requestId: request.id,
      actorType: 'requester',
      action: 'verification_resent',
      fromStatus: request.status,
      toStatus: request.status,
    });
  }
}

function isSaleSharingOnly(channels: Parameters<typeof optOutScope>[0]): boolean {
  const scope = optOutScope(channels);
  return scope.saleSharing && !scope.marketing;
}
