import type { PrivacyRequestEntity } from '@rightsdesk/data-access';
import type { DenyReason, RegimeId, RequestStatus, RequestType } from '@rightsdesk/domain';

/** What an action answers: the request as it stands after it, without any personal data. */
export interface RequestState {
  id: string;
  reference: string;
  type: RequestType;
  status: RequestStatus;
  regime: RegimeId;
  dueOn: string;
  assigneeId: string | null;
  /** Four-eyes: who proposed approval and when, while the proposal stands (kept once approved). */
  approvalProposedBy: string | null;
  approvalProposedAt: string | null;
  denyReason: DenyReason | null;
  closedAt: string | null;
}

export function requestState(request: PrivacyRequestEntity): RequestState {
  return {
    id: request.id,
    reference: request.reference,
    type: request.type,
    status: request.status,
    regime: request.regime,
    dueOn: request.dueOn,
    assigneeId: request.assigneeId,
    approvalProposedBy: request.approvalProposedBy,
    approvalProposedAt: request.approvalProposedAt?.toISOString() ?? null,
    denyReason: request.denyReason,
    closedAt: request.closedAt?.toISOString() ?? null,
  };
}
