import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@rightsdesk/config';
import {
  DatabaseTransactions,
  PrivacyRequestRepository,
  VerificationTokenRepository,
} from '@rightsdesk/data-access';
import { nextStatus, normalizeReference, RequestException, type RequestStatus } from '@rightsdesk/domain';
import type { MailLocale } from '@rightsdesk/mail';
import { errorSummary } from '@rightsdesk/queue';
import { AuditTrail } from '../audit/audit-trail.service';
import { OutboxService } from '../outbox/outbox.service';
import { FieldCipher } from '../security/field-cipher';
import { KeyedHash, newToken } from '../security/keyed-hash';
import { Clock } from '../time/clock';
import { AutoApproval } from '../triage/auto-approval.service';
import type { SubjectRecord } from '../intake/subject-record';
import { statusPageUrl } from '../requester-links';

export type VerificationResult =
  | { outcome: 'verified'; reference: string; status: RequestStatus; statusToken: string }
  | { outcome: 'already_verified'; reference: string; status: RequestStatus };

const INVALID = 'This confirmation link is not valid. Use the newest link we emailed you, or file the request again.';

@Injectable()
export class VerificationService {
  private readonly logger = new Logger(VerificationService.name);

  constructor(
    private readonly transactions: DatabaseTransactions,
    private readonly requests: PrivacyRequestRepository,
    private readonly tokens: VerificationTokenRepository,
    private readonly outbox: OutboxService,
    private readonly audit: AuditTrail,
    private readonly cipher: FieldCipher,
    private readonly hash: KeyedHash,
    private readonly clock: Clock,
    private readonly autoApproval: AutoApproval,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Proves possession of the email address: the token must belong to this request, be unused
   * and unexpired. Wrong tokens count against the request and lock it after a few attempts.
   */
  async verify(referenceInput: string, token: string): Promise<VerificationResult> {
    const reference = normalizeReference(referenceInput);
    const request = reference ? await this.requests.findByReference(reference) : null;
    if (!request) {
      throw new RequestException('verification_invalid', INVALID);
    }
    const now = this.clock.now();
    const stored = token.length > 0 && token.length <= 128 ? await this.tokens.findByHash(this.hash.token(token)) : null;
    const belongs = stored !== null && stored.requestId === request.id;

    if (request.status !== 'pending_verification') {
      if (belongs && request.verifiedAt) {
        // A second click on the same link (or a mail scanner) must not look like an error.
        return { outcome: 'already_verified', reference: request.reference, status: request.status };
      }
      throw new RequestException('verification_invalid', INVALID);
    }
    if (request.verificationFailures >= this.config.verification.maxAttempts) {
      throw new RequestException('verification_locked', 'Too many wrong attempts for this request. File the request again to get a new link.');
    }
    if (!belongs) {
      await this.requests.incrementVerificationFailures(request.id);
      throw new RequestException('verification_invalid', INVALID);
    }
    if (stored.usedAt || stored.expiresAt.getTime() <= now.getTime()) {
      throw new RequestException('verification_expired', 'This confirmation link has expired. File the request again to get a new one.');
    }

    const statusToken = newToken();
    const result = await this.transactions.run(async (tx) => {
      const locked = await this.requests.findByIdForUpdate(tx, request.id);
      if (!locked || locked.status !== 'pending_verification') {
        return null;
      }
      const to = nextStatus(locked.status, 'verify');
      await this.requests.update(tx, locked.id, {
        status: to,
        verifiedAt: now,
        statusTokenHash: this.hash.token(statusToken),
        dedupKey: null,
      });
      await this.tokens.useAll(tx, locked.id, now);
      const subject = this.cipher.decryptJson<SubjectRecord>(locked.personalData);
      const statusUrl = statusPageUrl(this.config.http.publicUrl, locked.reference, statusToken);
      await this.outbox.addEmail(tx, locked.id, subject.email, {
        template: 'request_verified',
        locale: locked.language as MailLocale,
        params: {
          companyName: this.config.company.name,
          reference: locked.reference,
          requestType: locked.type,
          statusUrl,
          dueOn: locked.dueOn,
          dueExplanation: locked.dueExplanation,
        },
      });
      await this.audit.record(tx, {
        requestId: locked.id,
        actorType: 'requester',
        action: 'request_verified',
        fromStatus: locked.status,
        toStatus: to,
        data: { method: 'email_link' },
      });
      return { status: to };
    });
    if (!result) {
      // Lost a race with a concurrent click: the other one verified it.
      return { outcome: 'already_verified', reference: request.reference, status: 'awaiting_review' };
    }
    // After commit: the verification stands whatever happens here, and a request not approved
    // automatically simply waits for an officer.
    const autoApproved = await this.autoApproval.afterVerified(request.id, request.type).catch((error: unknown) => {
      this.logger.warn({ requestId: request.id, error: errorSummary(error) }, 'auto-approval check failed; the request waits for an officer');
      return false;
    });
    return { outcome: 'verified', reference: request.reference, status: autoApproved ? 'approved' : result.status, statusToken };
  }
}
