import { RequestException } from './request-exception';
import { type RequestStatus } from './request-status';

export const REQUEST_ACTIONS = [
  'verify',
  'expire',
  'approve',
  'deny',
  'hold',
  'resume',
  'start',
  'complete',
  'fail',
  'retry',
  'cancel',
] as const;

export type RequestAction = (typeof REQUEST_ACTIONS)[number];

export type StatusTransitions = {
  readonly [S in RequestStatus]: { readonly [A in RequestAction]?: RequestStatus };
};

// Keyed by every status, so adding a status without deciding its transitions fails the type-check.
export const STATUS_TRANSITIONS: StatusTransitions = {
  pending_verification: { verify: 'awaiting_review', expire: 'expired', cancel: 'cancelled' },
  awaiting_review: { approve: 'approved', deny: 'denied', hold: 'on_hold', cancel: 'cancelled' },
  // A request waits on hold for the requester; if they never answer it expires rather than lingering.
  on_hold: { resume: 'awaiting_review', deny: 'denied', cancel: 'cancelled', expire: 'expired' },
  approved: { start: 'in_progress', cancel: 'cancelled' },
  // No cancel once work has started: systems may already have erased or changed data.
  in_progress: { complete: 'completed', fail: 'failed' },
  failed: { retry: 'in_progress', cancel: 'cancelled' },
  completed: {},
  denied: {},
  cancelled: {},
  expired: {},
};

function targetOf(from: RequestStatus, action: RequestAction): RequestStatus | undefined {
  // Guarded with hasOwn because statuses and actions may arrive from the database or a request body.
  if (!Object.hasOwn(STATUS_TRANSITIONS, from)) {
    return undefined;
  }
  const row = STATUS_TRANSITIONS[from];
  return Object.hasOwn(row, action) ? row[action] : undefined;
}

export function canTransition(from: RequestStatus, action: RequestAction): boolean {
  return targetOf(from, action) !== undefined;
}

export function nextStatus(from: RequestStatus, action: RequestAction): RequestStatus {
  const to = targetOf(from, action);
  if (to === undefined) {
    throw new RequestException(
      'illegal_transition',
      `Cannot ${action} a request in status ${from}; allowed: ${allowedActions(from).join(', ') || 'none'}`,
    );
  }
  return to;
}

export function allowedActions(from: RequestStatus): RequestAction[] {
  return REQUEST_ACTIONS.filter((action) => canTransition(from, action));
}
