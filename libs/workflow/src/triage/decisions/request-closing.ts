import type { PrivacyRequestEntity, PrivacyRequestPatch } from '@rightsdesk/data-access';
import { endHold, type RequestStatus, toCalendarDate } from '@rightsdesk/domain';

/**
 * What closing a request (denied, cancelled) changes besides its status: the close time, a pending
 * four-eyes proposal withdrawn, an open hold ended, and the dedup key released so an identical
 * request can be filed anew (it is set only while a request awaits verification).
 */
export function closingPatch(request: Pick<PrivacyRequestEntity, 'holds'>, to: RequestStatus, now: Date): PrivacyRequestPatch {
  return {
    status: to,
    closedAt: now,
    approvalProposedBy: null,
    approvalProposedAt: null,
    holds: endHold(request.holds ?? [], toCalendarDate(now)),
    dedupKey: null,
  };
}
