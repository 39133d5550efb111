import { isRequestStatus, isTerminal, REQUEST_STATUSES, TERMINAL_STATUSES } from './request-status';

describe('request statuses', () => {
  it('lists every status once', () => {
    expect(REQUEST_STATUSES).toEqual([
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
    ]);
    expect(new Set(REQUEST_STATUSES).size).toBe(REQUEST_STATUSES.length);
  });

  it('treats completed, denied, cancelled and expired as terminal', () => {
    expect([...TERMINAL_STATUSES].sort()).toEqual(['cancelled', 'completed', 'denied', 'expired']);
  });

  it.each([
    ['pending_verification', false],
    ['awaiting_review', false],
    ['on_hold', false],
    ['approved', false],
    ['in_progress', false],
    ['completed', true],
    ['failed', false],
    ['denied', true],
    ['cancelled', true],
    ['expired', true],
  ] as const)('isTerminal(%s) is %s', (status, terminal) => {
    expect(isTerminal(status)).toBe(terminal);
  });

  it('recognises statuses and rejects anything else', () => {
    expect(isRequestStatus('on_hold')).toBe(true);
    expect(isRequestStatus('ON_HOLD')).toBe(false);
    expect(isRequestStatus('closed')).toBe(false);
    expect(isRequestStatus(undefined)).toBe(false);
  });
});
