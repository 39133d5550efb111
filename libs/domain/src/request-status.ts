export const REQUEST_STATUSES = [
  'pending_verification',
  'awaiting_review',
  'on_hold',
  'approved',
  'in_progress',
  'completed',
  'failed',
  'denied',
  'cancelled',
  'expired',
] as const;

export type RequestStatus = (typeof REQUEST_STATUSES)[number];

// `failed` is deliberately not terminal: an execution failure can be retried, and the request still
// owes the data subject an answer within the statutory clock.
export const TERMINAL_STATUSES = [
  'completed',
  'denied',
  'cancelled',
  'expired',
] as const satisfies readonly RequestStatus[];

export type TerminalStatus = (typeof TERMINAL_STATUSES)[number];

export function isRequestStatus(value: unknown): value is RequestStatus {
  return typeof value === 'string' && (REQUEST_STATUSES as readonly string[]).includes(value);
}

export function isTerminal(status: RequestStatus): status is TerminalStatus {
  return (TERMINAL_STATUSES as readonly RequestStatus[]).includes(status);
}
