import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@rightsdesk/config';
import { IntakeRepository, type NewFiling, type PendingDuplicate, PrivacyRequestEntity, type Tx } from '@rightsdesk/data-access';
import {
  type CalendarDate,
  computeDeadline,
  type Deadline,
  formatReference,
  type IntakeInput,
  regimeFor,
  type RequestChannel,
  toCalendarDate,
} from '@rightsdesk/domain';
import type { MailLocale } from '@rightsdesk/mail';
import { AuditTrail, type AuditRecord } from '../audit/audit-trail.service';
import { OutboxService } from '../outbox/outbox.service';
import { FieldCipher } from '../security/field-cipher';
import { KeyedHash, newToken } from '../security/keyed-hash';
import { secureRandomBytes } from '../security/secure-random';
import type { SubjectRecord } from './subject-record';
import { statusPageUrl, verifyPageUrl } from '../requester-links';

export interface FilingFacts {
  channel: RequestChannel;
  /** When the request reached the company: now for the portal, the real date for a logged request. */
  receivedAt: Date;
  receivedOn: CalendarDate;
  /** The day the deadline is computed on (differs from receivedOn for a back-dated request). */
  today: CalendarDate;
  now: Date;
  dedupKey: Buffer | null;
  /** Starts verified (awaiting_review) when the company already knows who is asking. */
  verified: boolean;
}

/**
 * The facts of a request that reaches the company now from someone it already knows is asking (the
 * company's app, an authorized agent, a browser's signal, an opt-out of sale): no link to confirm.
 */
export function verifiedNow(channel: RequestChannel, now: Date): FilingFacts {
  const receivedOn = toCalendarDate(now);
  return { channel, receivedAt: now, receivedOn, today: receivedOn, now, dedupKey: null, verified: true };
}

export interface NewRequest {
  request: PrivacyRequestEntity;
  deadline: Deadline;
}

// What every way in shares: the request row (personal data encrypted, the statutory clock from the
// real receipt date), the verification link, or the status link when the request starts verified.
// The portal writes its filing as one statement (IntakeRepository.insertIfNew); the officers' and
// the company app's filings are rare and write in an ordinary transaction.
@Injectable()
export class RequestFilings {
  constructor(
    private readonly intake: IntakeRepository,
    private readonly outbox: OutboxService,
    private readonly audit: AuditTrail,
    private readonly cipher: FieldCipher,
    private readonly hash: KeyedHash,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  newRequest(input: IntakeInput, email: string, facts: FilingFacts): NewRequest {
    const regime = regimeFor(input.country, input.region, this.config.regimeFallback);
    const deadline = computeDeadline({ regime, type: input.type, receivedOn: facts.receivedOn, today: facts.today });
    const subject: SubjectRecord = { email, name: input.name ?? null, details: input.details ?? null };
    const request = Object.assign(new PrivacyRequestEntity(), {
      id: randomUUID(),
      reference: formatReference(secureRandomBytes(10)),
      type: input.type,
      status: facts.verified ? ('awaiting_review' as const) : ('pending_verification' as const),
      regime,
      country: input.country,
      region: input.region ?? null,
      language: input.language,
      channel: facts.channel,
      emailLookup: this.hash.email(email),
      dedupKey: facts.dedupKey,
      personalData: this.cipher.encryptJson(subject),
      receivedAt: facts.receivedAt,
      receivedOn: facts.receivedOn,
      dueOn: deadline.dueOn,
      dueExplanation: deadline.explanation,
      extended: false,
      verifiedAt: facts.verified ? facts.now : null,
      verificationFailures: 0,
      verificationSentAt: facts.verified ? null : facts.now,
      statusTokenHash: null,
      closedAt: null,
    });
    return { request, deadline };
  }

  /** A new link token and the email carrying it. */
  verification(request: PendingDuplicate | PrivacyRequestEntity, email: string, now: Date): Pick<NewFiling, 'token' | 'message'> {
    const token = newToken();
    const ttlHours = this.config.verification.ttlHours;
    const verifyUrl = verifyPageUrl(this.config.http.publicUrl, request.reference, token);
    return {
      token: { id: randomUUID(), tokenHash: this.hash.token(token), expiresAt: new Date(now.getTime() + ttlHours * 3600 * 1000) },
      message: this.outbox.prepareEmail(request.id, email, {
        template: 'verify_request',
        locale: request.language as MailLocale,
        params: {
          companyName: this.config.company.name,
          reference: request.reference,
          requestType: request.type,
          verifyUrl,
          expiresInHours: ttlHours,
        },
      }),
    };
  }

  /**
   * Writes a request that starts verified, in the caller's transaction: the row with a fresh status
   * token, the "we are working on it" email with the status link (unless `notify` is false: a
   * Global Privacy Control opt-out is confirmed once, by its completion email), and its audit events.
   */
  async insertVerified(tx: Tx, request: PrivacyRequestEntity, email: string, events: AuditRecord[], options: { notify?: boolean } = {}): Promise<void> {
    const statusToken = newToken();
    request.statusTokenHash = this.hash.token(statusToken);
    await this.intake.insertRequest(tx, request);
    if (options.notify === false) {
      for (const event of events) {
        await this.audit.record(tx, event);
      }
      return;
    }
    const statusUrl = statusPageUrl(this.config.http.publicUrl, request.reference, statusToken);
    await this.outbox.addEmail(tx, request.id, email, {
      template: 'request_verified',
      locale: request.language as MailLocale,
      params: {
        companyName: this.config.company.name,
        reference: request.reference,
        requestType: request.type,
        statusUrl,
        dueOn: request.dueOn,
        dueExplanation: request.dueExplanation,
      },
    });
    for (const event of events) {
      await this.audit.record(tx, event);
    }
  }
}
