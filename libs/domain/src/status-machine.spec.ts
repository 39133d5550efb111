import { RequestException } from './request-exception';
import { REQUEST_STATUSES, type RequestStatus } from './request-status';
import {
  allowedActions,
  canTransition,
  nextStatus,
  REQUEST_ACTIONS,
  type RequestAction,
} from './status-machine';

// Written out by hand from the product specification, independently of STATUS_TRANSITIONS.
const LEGAL: ReadonlyArray<[RequestStatus, RequestAction, RequestStatus]> = [
  ['pending_verification', 'verify', 'awaiting_review'],
  ['pending_verification', 'expire', 'expired'],
  ['pending_verification', 'cancel', 'cancelled'],
  ['awaiting_review', 'approve', 'approved'],
  ['awaiting_review', 'deny', 'denied'],
  ['awaiting_review', 'hold', 'on_hold'],
  ['awaiting_review', 'cancel', 'cancelled'],
  ['on_hold', 'resume', 'awaiting_review'],
  ['on_hold', 'deny', 'denied'],
  ['on_hold', 'cancel', 'cancelled'],
  ['on_hold', 'expire', 'expired'],
  ['approved', 'start', 'in_progress'],
  ['approved', 'cancel', 'cancelled'],
  ['in_progress', 'complete', 'completed'],
  ['in_progress', 'fail', 'failed'],
  ['failed', 'retry', 'in_progress'],
  ['failed', 'cancel', 'cancelled'],
];

const STATUSES: RequestStatus[] = [
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
];
const ACTIONS: RequestAction[] = [
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
];

const legalTarget = (from: RequestStatus, action: RequestAction): RequestStatus | undefined =>
  LEGAL.find(([f, a]) => f === from && a === action)?.[2];

const everyPair = STATUSES.flatMap((from) => ACTIONS.map((action) => [from, action] as const));
const illegalPairs = everyPair.filter(([from, action]) => legalTarget(from, action) === undefined);

describe('status machine', () => {
  it('covers the same statuses and actions as the test', () => {
    expect([...REQUEST_STATUSES]).toEqual(STATUSES);
    expect([...REQUEST_ACTIONS]).toEqual(ACTIONS);
    expect(everyPair).toHaveLength(110);
    expect(illegalPairs).toHaveLength(110 - LEGAL.length);
  });

  it.each(LEGAL)('%s --%s--> %s', (from, action, to) => {
    expect(nextStatus(from, action)).toBe(to);
    expect(canTransition(from, action)).toBe(true);
  });

  it.each(illegalPairs)('%s --%s--> is illegal', (from, action) => {
    expect(canTransition(from, action)).toBe(false);
    let thrown: unknown;
    try {
      nextStatus(from, action);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RequestException);
    const exception = thrown as RequestException;
    expect(exception.code).toBe('illegal_transition');
    expect(exception.message).toContain(from);
    expect(exception.message).toContain(action);
  });

  it.each(STATUSES)('allowedActions(%s) lists exactly the legal actions', (from) => {
    const expected = LEGAL.filter(([f]) => f === from).map(([, action]) => action);
    expect([...allowedActions(from)].sort()).toEqual([...expected].sort());
  });

  it('allows nothing from a terminal status', () => {
    for (const status of ['completed', 'denied', 'cancelled', 'expired'] as const) {
      expect(allowedActions(status)).toEqual([]);
    }
  });

  it('treats unknown values from outside the type system as illegal instead of crashing', () => {
    expect(canTransition('archived' as RequestStatus, 'verify')).toBe(false);
    expect(canTransition('pending_verification', 'toString' as RequestAction)).toBe(false);
    expect(canTransition('constructor' as RequestStatus, 'verify')).toBe(false);
    expect(() => nextStatus('archived' as RequestStatus, 'verify')).toThrow(RequestException);
  });

  it('names the actions that are allowed in the error message', () => {
    expect(() => nextStatus('approved', 'complete')).toThrow(
      'Cannot complete a request in status approved; allowed: start, cancel',
    );
    expect(() => nextStatus('completed', 'retry')).toThrow('allowed: none');
  });
});
