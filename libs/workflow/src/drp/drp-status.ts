import type { DrpRequestEntity, PrivacyRequestEntity } from '@rightsdesk/data-access';
import type { DenyReason, RequestStatus } from '@rightsdesk/domain';

/** DRP 1.0 §3.02 request states. */
export type DrpState = 'open' | 'in_progress' | 'fulfilled' | 'revoked' | 'denied' | 'expired';

/** DRP 1.0 §3.02 reasons. */
export type DrpReason =
  | 'need_user_verification'
  | 'suspected_fraud'
  | 'insuf_verification'
  | 'no_match'
  | 'claim_not_covered'
  | 'outside_jurisdiction'
  | 'too_many_requests'
  | 'other';

/** The Exercise Status object of §3.03, with the Permission Slip profile's `cb_request_id`. */
export interface DrpStatusObject {
  request_id: string;
  status: DrpState;
  reason?: DrpReason;
  received_at: string;
  expected_by?: string;
  processing_details?: string;
  agent_request_id?: string;
  cb_request_id?: string;
  expires_at?: string;
}

export const FINAL_DRP_STATES: readonly DrpState[] = ['fulfilled', 'revoked', 'denied', 'expired'];

export interface DrpStatusFacts {
  drp: Pick<DrpRequestEntity, 'id' | 'agentRequestId' | 'drpVersion' | 'exercise' | 'finalStatus' | 'finalReason' | 'revokedAt' | 'receivedAt'>;
  /** The privacy request it became; null when refused at once, or when its record was minimized away. */
  request: Pick<PrivacyRequestEntity, 'status' | 'type' | 'receivedAt' | 'dueOn' | 'extended' | 'denyReason' | 'closedAt'> | null;
  /** When a fulfilled access request's download link stops working. */
  packageExpiresAt: Date | null;
  /** How long we keep a closed request's record (REQUEST_RECORD_RETENTION), as a function of its close time. */
  recordKeptUntil: (closedAt: Date) => Date;
}

// Our codes are finer than DRP's; where DRP has no equivalent the state is `other` and the
// processing details name ours. Free text an officer wrote is never sent: it may hold personal data.
const DENY_TO_DRP: Record<DenyReason, DrpReason> = {
  identity_not_verified: 'insuf_verification',
  not_parent_or_guardian: 'insuf_verification',
  manifestly_unfounded: 'other',
  excessive: 'too_many_requests',
  legal_obligation: 'claim_not_covered',
  legal_claims: 'claim_not_covered',
  rights_of_others: 'claim_not_covered',
  not_covered: 'claim_not_covered',
  other: 'other',
};

const DENY_DETAILS: Record<DenyReason, string> = {
  identity_not_verified: 'We could not verify the identity of the person making the request.',
  not_parent_or_guardian: 'The requester could not show they are the child’s parent or guardian.',
  manifestly_unfounded: 'The request was found manifestly unfounded.',
  excessive: 'The request was found excessive, in particular repetitive.',
  legal_obligation: 'A legal obligation requires us to keep the data.',
  legal_claims: 'The data is needed for legal claims.',
  rights_of_others: 'Answering would adversely affect the rights and freedoms of others.',
  not_covered: 'The right asked for does not apply to this data or this business.',
  other: 'The request was denied; the consumer was told why by email.',
};

function inProgressDetails(status: RequestStatus): string {
  switch (status) {
    case 'on_hold':
      return 'We asked the consumer for more information by email and are waiting for their answer.';
    case 'approved':
    case 'in_progress':
      return 'Approved; being carried out in our systems.';
    case 'failed':
      return 'Being carried out; a system did not finish and is being retried.';
    default:
      return 'Received; a privacy officer is reviewing it.';
  }
}

function fulfilledDetails(exercise: string, packageExpiresAt: Date | null): string {
  if (exercise.startsWith('access')) {
    return packageExpiresAt
      ? `The data was sent to the consumer's email address as a download link valid until ${timestamp(packageExpiresAt)}.`
      : "The data was sent to the consumer's email address.";
  }
  if (exercise === 'deletion') {
    return 'The personal information was deleted, except what the law requires us to keep.';
  }
  return 'The consumer is opted out of the sale and sharing of their personal information.';
}

/** ISO 8601 with an explicit offset and whole seconds, which every agent's parser reads. */
export function timestamp(at: Date): string {
  return `${at.toISOString().slice(0, 19)}+00:00`;
}

/** The end of the statutory due day: agents expect a time, our clock keeps a date. */
function endOfDay(date: string): string {
  return `${date}T23:59:59+00:00`;
}

export function drpStatus(facts: DrpStatusFacts): DrpStatusObject {
  const { drp, request } = facts;
  const base: DrpStatusObject = {
    request_id: drp.id,
    status: 'open',
    received_at: timestamp(request?.receivedAt ?? drp.receivedAt),
    ...(drp.agentRequestId === null ? {} : { agent_request_id: drp.agentRequestId }),
    ...(drp.drpVersion === '1.0.PS' ? { cb_request_id: drp.id } : {}),
  };
  if (drp.revokedAt !== null || drp.finalStatus === 'revoked') {
    return { ...base, status: 'revoked', ...final(facts, drp.revokedAt) };
  }
  if (drp.finalStatus === 'denied' || request === null) {
    return {
      ...base,
      status: 'denied',
      reason: (drp.finalReason as DrpReason | null) ?? 'other',
      processing_details:
        drp.finalStatus === 'denied' && drp.exercise === 'sale:opt-in'
          ? 'Opting back in to sale or sharing needs the consumer’s own two-step confirmation (11 CCR §7028); it cannot be made through an agent.'
          : 'The request record is no longer kept.',
    };
  }
  const expectedBy = { expected_by: endOfDay(request.dueOn) };
  const extension = request.extended ? ` The deadline was extended as the law allows; we now expect to answer by ${request.dueOn}.` : '';
  switch (request.status) {
    case 'pending_verification':
      return { ...base, ...expectedBy };
    case 'completed':
      return {
        ...base,
        status: 'fulfilled',
        processing_details: fulfilledDetails(drp.exercise, facts.packageExpiresAt),
        ...final(facts, request.closedAt),
      };
    case 'denied': {
      const reason = request.denyReason ?? 'other';
      return { ...base, status: 'denied', reason: DENY_TO_DRP[reason], processing_details: DENY_DETAILS[reason], ...final(facts, request.closedAt) };
    }
    case 'cancelled':
      return { ...base, status: 'denied', reason: 'other', processing_details: 'The request was closed without being carried out; the consumer was told by email.', ...final(facts, request.closedAt) };
    case 'expired':
      // Ours expires when the consumer never answered our question (on hold): DRP's `expired` is
      // about the message's expires_at, so this is the failed-verification denial of §3.02.
      return {
        ...base,
        status: 'denied',
        reason: 'insuf_verification',
        processing_details: 'We asked the consumer for information and did not receive it in time.',
        ...final(facts, request.closedAt),
      };
    default:
      return { ...base, status: 'in_progress', ...expectedBy, processing_details: inProgressDetails(request.status) + extension };
  }
}

/** A final state's `expires_at`: how long we keep the record of it. */
function final(facts: DrpStatusFacts, closedAt: Date | null): Pick<DrpStatusObject, 'expires_at'> {
  return closedAt ? { expires_at: timestamp(facts.recordKeptUntil(closedAt)) } : {};
}
