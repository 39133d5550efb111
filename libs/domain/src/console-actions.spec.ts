import { consoleActionsFor } from './console-actions';

describe('consoleActionsFor', () => {
  it('offers the triage actions on a request awaiting review', () => {
    expect(consoleActionsFor({ role: 'officer', status: 'awaiting_review', type: 'erasure', canExtend: true })).toEqual([
      'assign',
      'note',
      'approve',
      'deny',
      'extend',
      'request_information',
      'cancel',
    ]);
  });

  it('offers nothing to an auditor', () => {
    expect(consoleActionsFor({ role: 'auditor', status: 'awaiting_review', type: 'access', canExtend: true })).toEqual([]);
  });

  it('follows the status machine: on hold, failed, running, closed', () => {
    expect(consoleActionsFor({ role: 'admin', status: 'on_hold', type: 'access', canExtend: false })).toEqual(['assign', 'note', 'deny', 'cancel']);
    expect(consoleActionsFor({ role: 'officer', status: 'failed', type: 'erasure', canExtend: false })).toEqual(['assign', 'note', 'cancel', 'retry']);
    expect(consoleActionsFor({ role: 'officer', status: 'in_progress', type: 'erasure', canExtend: true })).toEqual(['assign', 'note', 'extend']);
    expect(consoleActionsFor({ role: 'officer', status: 'denied', type: 'access', canExtend: true })).toEqual(['assign', 'note']);
  });

  it('offers a new download link only for completed access requests', () => {
    expect(consoleActionsFor({ role: 'officer', status: 'completed', type: 'access', canExtend: false })).toContain('resend_access_link');
    expect(consoleActionsFor({ role: 'officer', status: 'completed', type: 'erasure', canExtend: false })).not.toContain('resend_access_link');
  });
});
