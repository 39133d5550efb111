import { Injectable, Logger } from '@nestjs/common';
import { DatabaseTransactions, GpcSignalRepository, type PrivacyRequestEntity, PrivacyRequestRepository } from '@rightsdesk/data-access';
import { type IntakeLanguage, normalizeEmail, normalizeReference, parseIntake, UNKNOWN_COUNTRY } from '@rightsdesk/domain';
import { errorSummary } from '@rightsdesk/queue';
import { ExecutionService } from '../execution/execution.service';
import { RequestFilings, verifiedNow } from '../intake/request-filings.service';
import type { SubjectRecord } from '../intake/subject-record';
import { FieldCipher } from '../security/field-cipher';
import { KeyedHash } from '../security/keyed-hash';
import { Clock } from '../time/clock';

/** Where an identified person's signal arrived. */
export type GpcSource = 'status_page' | 'verification' | 'download' | 'reply' | 'app';

/** A person the company's own app vouches for (API key), with where they are if it knows. */
export interface GpcPerson {
  email: string;
  country?: string;
  region?: string;
  language?: IntakeLanguage;
}

export const GPC_ACTOR_ID = 'gpc';

/**
 * Global Privacy Control (11 CCR §7025): a `Sec-GPC: 1` from a person we can identify is their
 * opt-out of sale and sharing. No verification may be demanded and no officer may refuse it, so it
 * is filed verified and approved in one transaction, and the normal execution puts the person on
 * the sale/sharing list and tells the partners. One per person (gpc_signal's primary key), never
 * withdrawn by a later call without the signal.
 */
@Injectable()
export class GpcSignals {
  private readonly logger = new Logger(GpcSignals.name);

  constructor(
    private readonly transactions: DatabaseTransactions,
    private readonly signals: GpcSignalRepository,
    private readonly requests: PrivacyRequestRepository,
    private readonly filings: RequestFilings,
    private readonly execution: ExecutionService,
    private readonly cipher: FieldCipher,
    private readonly hash: KeyedHash,
    private readonly clock: Clock,
  ) {}

  /** When the person who filed this request had their signal honoured, or null. */
  async honouredAt(request: Pick<PrivacyRequestEntity, 'emailLookup'>): Promise<Date | null> {
    return this.signals.honouredAt(request.emailLookup);
  }

  /**
   * After a call proved it speaks for the requester of `request` (a status token, an email link, a
   * download token). Never throws: the call the person made matters more, and the next page that
   * carries the signal tries again.
   */
  async honourForRequest(request: PrivacyRequestEntity, source: GpcSource): Promise<void> {
    if (request.minimizedAt !== null) {
      return;
    }
    try {
      const record = this.cipher.decryptJson<SubjectRecord>(request.personalData);
      await this.honour(
        { email: record.email, country: request.country, region: request.region ?? undefined, language: request.language as IntakeLanguage },
        source,
        request.id,
      );
    } catch (error) {
      this.logger.warn({ requestId: request.id, source, error: errorSummary(error) }, 'could not record the GPC signal; the next signal will');
    }
  }

  /** As honourForRequest, for a call that proved its request by reference (the check already passed). */
  async honourForReference(referenceInput: string, source: GpcSource): Promise<void> {
    const reference = normalizeReference(referenceInput);
    const request = reference ? await this.requests.findByReference(reference).catch(() => null) : null;
    if (request) {
      await this.honourForRequest(request, source);
    }
  }

  /** As honourForRequest, for a call that proved its request by id (a download token). */
  async honourForRequestId(requestId: string, source: GpcSource): Promise<void> {
    const request = await this.requests.findById(requestId).catch(() => null);
    if (request) {
      await this.honourForRequest(request, source);
    }
  }

  /**
   * For the company's app forwarding a signed-in user's signal. Malformed input is the caller's
   * error (validation_failed); returns whether this call recorded it (false: it already was).
   */
  async honourForPerson(person: GpcPerson, apiKeyId: string): Promise<{ recorded: boolean; honouredAt: Date }> {
    return this.honour(person, 'app', null, apiKeyId);
  }

  private async honour(person: GpcPerson, source: GpcSource, identifiedBy: string | null, apiKeyId?: string): Promise<{ recorded: boolean; honouredAt: Date }> {
    const email = normalizeEmail(person.email);
    const emailLookup = this.hash.email(email);
    const earlier = await this.signals.honouredAt(emailLookup);
    if (earlier) {
      return { recorded: false, honouredAt: earlier };
    }
    const input = parseIntake({
      type: 'opt_out',
      email,
      country: person.country ?? UNKNOWN_COUNTRY,
      ...(person.region ? { region: person.region } : {}),
      language: person.language ?? 'en',
      details: { channels: ['sale_sharing'] },
    });
    const now = this.clock.now();
    const { request, deadline } = this.filings.newRequest(input, email, verifiedNow('gpc', now));
    // Approved as it is filed: §7025 leaves nothing to decide, and one transaction means a crash
    // leaves either nothing (the next signal files it) or an approved request the reconciler starts.
    request.status = 'approved';
    const actor = { actorType: 'system' as const, actorId: GPC_ACTOR_ID };
    const recorded = await this.transactions.run(async (tx) => {
      if (!(await this.signals.claim(tx, { emailLookup, requestId: request.id, source, honouredAt: now }))) {
        return false;
      }
      await this.filings.insertVerified(
        tx,
        request,
        email,
        [
          {
            requestId: request.id,
            ...actor,
            action: 'request_received',
            fromStatus: null,
            toStatus: 'awaiting_review',
            data: { type: request.type, regime: request.regime, channel: 'gpc', dueOn: deadline.dueOn, method: 'gpc_signal', ...(apiKeyId ? { apiKeyId } : {}) },
          },
          {
            requestId: request.id,
            ...actor,
            action: 'gpc_signal_honoured',
            fromStatus: 'awaiting_review',
            toStatus: 'approved',
            data: { source, channels: ['sale_sharing'], ...(identifiedBy ? { identifiedBy } : {}), ...(apiKeyId ? { apiKeyId } : {}) },
          },
        ],
        // One email at most: the completion email says it is done; a "we received it" before it
        // would only be noise for something the person's browser, not the person, sent.
        { notify: false },
      );
      return true;
    });
    if (!recorded) {
      return { recorded: false, honouredAt: (await this.signals.honouredAt(emailLookup)) ?? now };
    }
    await this.execution.enqueueStart(request.id);
    return { recorded: true, honouredAt: now };
  }
}
