import { Injectable } from '@nestjs/common';
import { AuditRepository, type PrivacyRequestEntity, PrivacyRequestRepository, RequestMessageRepository } from '@rightsdesk/data-access';
import { normalizeReference, RequestException, type RequestStatus, type RequestType } from '@rightsdesk/domain';
import { GpcSignals } from '../gpc/gpc-signals.service';
import { FieldCipher } from '../security/field-cipher';
import { KeyedHash, sameHash } from '../security/keyed-hash';

export interface PublicTimelineEntry {
  at: string;
  event: PublicEvent;
  status: RequestStatus | null;
}

export type PublicEvent =
  | 'received'
  | 'verification_resent'
  | 'verified'
  | 'expired'
  | 'status_changed'
  | 'deadline_extended'
  | 'information_requested'
  | 'information_received';

export interface PublicRequestStatus {
  reference: string;
  type: RequestType;
  status: RequestStatus;
  receivedOn: string;
  dueOn: string;
  dueExplanation: string;
  language: string;
  /** While on hold: what the privacy team asked, to be answered on the status page. */
  openQuestion: string | null;
  timeline: PublicTimelineEntry[];
  /** Set once the requester's Global Privacy Control signal was honoured (CCPA §7025 asks us to show it). */
  gpc: { honouredAt: string } | null;
}

// Audit actions the requester may see, and the names they see them by. Anything else (officer
// notes, internal system steps) stays off the public timeline.
const PUBLIC_EVENTS: Record<string, PublicEvent> = {
  request_received: 'received',
  request_logged: 'received',
  verification_resent: 'verification_resent',
  request_verified: 'verified',
  request_expired: 'expired',
  deadline_extended: 'deadline_extended',
  information_requested: 'information_requested',
  information_received: 'information_received',
};

const NOT_FOUND = 'No request matches this reference and link.';

@Injectable()
export class RequestStatusService {
  constructor(
    private readonly requests: PrivacyRequestRepository,
    private readonly audit: AuditRepository,
    private readonly messages: RequestMessageRepository,
    private readonly cipher: FieldCipher,
    private readonly hash: KeyedHash,
    private readonly gpcSignals: GpcSignals,
  ) {}

  /**
   * The request a status link opens. Unknown reference and wrong token are the same `not_found`, so
   * neither can be probed; a minimized request answers the same way: for its requester it is gone.
   */
  async findByLink(referenceInput: string, statusToken: string): Promise<PrivacyRequestEntity> {
    const reference = normalizeReference(referenceInput);
    const request = reference ? await this.requests.findByReference(reference) : null;
    const tokenHash = this.hash.token(statusToken);
    if (!request || request.minimizedAt !== null || statusToken.length === 0 || !sameHash(request.statusTokenHash, tokenHash)) {
      throw new RequestException('not_found', NOT_FOUND);
    }
    return request;
  }

  /** With `gpc`, the page carried `Sec-GPC: 1`: once the link is proven, the signal is honoured first. */
  async publicStatus(referenceInput: string, statusToken: string, signal: { gpc?: boolean } = {}): Promise<PublicRequestStatus> {
    const request = await this.findByLink(referenceInput, statusToken);
    if (signal.gpc) {
      await this.gpcSignals.honourForRequest(request, 'status_page');
    }
    const events = await this.audit.findByRequest(request.id);
    const gpcHonouredAt = await this.gpcSignals.honouredAt(request);
    return {
      reference: request.reference,
      type: request.type,
      status: request.status,
      receivedOn: request.receivedOn,
      dueOn: request.dueOn,
      dueExplanation: request.dueExplanation,
      language: request.language,
      openQuestion: request.status === 'on_hold' ? await this.openQuestion(request.id) : null,
      timeline: events
        .map((event) => ({ event, name: PUBLIC_EVENTS[event.action] ?? (event.fromStatus !== event.toStatus && event.toStatus ? 'status_changed' : null) }))
        .filter((entry): entry is { event: (typeof events)[number]; name: PublicEvent } => entry.name !== null)
        .map(({ event, name }) => ({ at: event.occurredAt.toISOString(), event: name, status: (event.toStatus as RequestStatus | null) ?? null })),
      gpc: gpcHonouredAt ? { honouredAt: gpcHonouredAt.toISOString() } : null,
    };
  }

  // The newest question is the one the hold waits on.
  private async openQuestion(requestId: string): Promise<string | null> {
    const questions = await this.messages.listByRequest(requestId, ['information_request']);
    const last = questions.at(-1);
    return last ? this.cipher.decryptJson<string>(last.body) : null;
  }
}
