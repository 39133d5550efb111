import { Injectable } from '@nestjs/common';
import { AuditRepository, PrivacyRequestRepository } from '@rightsdesk/data-access';
import { normalizeReference, RequestException, type RequestStatus, type RequestType } from '@rightsdesk/domain';
import { KeyedHash, sameHash } from '../security/keyed-hash';

export interface PublicTimelineEntry {
  at: string;
  event: PublicEvent;
  status: RequestStatus | null;
}

export type PublicEvent = 'received' | 'verification_resent' | 'verified' | 'expired' | 'status_changed';

export interface PublicRequestStatus {
  reference: string;
  type: RequestType;
  status: RequestStatus;
  receivedOn: string;
  dueOn: string;
  dueExplanation: string;
  language: string;
  timeline: PublicTimelineEntry[];
}

// Audit actions the requester may see, and the names they see them by. Anything else (officer
// notes, internal system steps) stays off the public timeline.
const PUBLIC_EVENTS: Record<string, PublicEvent> = {
  request_received: 'received',
  verification_resent: 'verification_resent',
  request_verified: 'verified',
  request_expired: 'expired',
};

@Injectable()
export class RequestStatusService {
  constructor(
    private readonly requests: PrivacyRequestRepository,
    private readonly audit: AuditRepository,
    private readonly hash: KeyedHash,
  ) {}

  /** Unknown reference and wrong token are the same `not_found`, so neither can be probed. */
  async publicStatus(referenceInput: string, statusToken: string): Promise<PublicRequestStatus> {
    const reference = normalizeReference(referenceInput);
    const request = reference ? await this.requests.findByReference(reference) : null;
    const tokenHash = this.hash.token(statusToken);
    if (!request || statusToken.length === 0 || !sameHash(request.statusTokenHash, tokenHash)) {
      throw new RequestException('not_found', 'No request matches this reference and link.');
    }
    const events = await this.audit.findByRequest(request.id);
    return {
      reference: request.reference,
      type: request.type,
      status: request.status,
      receivedOn: request.receivedOn,
      dueOn: request.dueOn,
      dueExplanation: request.dueExplanation,
      language: request.language,
      timeline: events
        .map((event) => ({ event, name: PUBLIC_EVENTS[event.action] ?? (event.fromStatus !== event.toStatus && event.toStatus ? 'status_changed' : null) }))
        .filter((entry): entry is { event: (typeof events)[number]; name: PublicEvent } => entry.name !== null)
        .map(({ event, name }) => ({ at: event.occurredAt.toISOString(), event: name, status: (event.toStatus as RequestStatus | null) ?? null })),
    };
  }
}
