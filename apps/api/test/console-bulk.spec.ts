import { randomUUID } from 'node:crypto';
import { AuditTrail } from '@rightsdesk/workflow';
import { type ApiHarness, emailTo } from './api-harness';
import { anOfficer, type ConsoleSession, signIn, type TestOfficer } from './console-harness';
import { auditActions, auditEvents, type DecisionHarness, outboxTemplates, putOnHold, requestRow, startDecisionApi } from './decision-fixtures';
import { fileVerified } from './execution-fixtures';

const BULK = '/api/v1/console/requests/bulk';

// Bulk approve / deny / assign: each request decided on its own, as the single action would, with
// one result per request; a refusal of one leaves the others done and itself untouched.
describe('console: bulk decisions', () => {
  let d: DecisionHarness;
  let h: ApiHarness;
  let officerA: TestOfficer;
  let officerB: TestOfficer;
  let auditor: TestOfficer;
  let asA: ConsoleSession;
  let asB: ConsoleSession;

  beforeAll(async () => {
    d = await startDecisionApi();
    h = d.h;
    h.clock.set('2026-11-25T10:00:00.000Z');
    officerA = await anOfficer(h, 'officer');
    officerB = await anOfficer(h, 'admin');
    auditor = await anOfficer(h, 'auditor');
    [asA, asB] = await Promise.all([signIn(h, officerA), signIn(h, officerB)]);
  });

  afterAll(async () => {
    await d?.close();
  });

  it('approves a mixed selection: each on its own, four-eyes per request, refusals named and untouched', async () => {
    const access = await fileVerified(h, { type: 'access', email: 'bulk-access@example.com' });
    const erasure = await fileVerified(h, { type: 'erasure', email: 'bulk-erasure@example.com' });
    const proposedByMe = await fileVerified(h, { type: 'erasure', email: 'bulk-mine@example.com' });
    expect((await asA.post(`/api/v1/console/requests/${proposedByMe.id}/approve`)).json()).toMatchObject({ outcome: 'proposed' });
    const denied = await fileVerified(h, { type: 'access', email: 'bulk-denied@example.com' });
    expect((await asA.post(`/api/v1/console/requests/${denied.id}/deny`, { reason: 'excessive', message: 'Asked daily.' })).statusCode).toBe(200);
    const unknown = randomUUID();

    const response = await asA.post(BULK, { action: 'approve', requestIds: [access.id, erasure.id, proposedByMe.id, unknown, denied.id] });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      results: [
        { requestId: access.id, ok: true, outcome: 'approved' },
        { requestId: erasure.id, ok: true, outcome: 'proposed' },
        { requestId: proposedByMe.id, ok: false, code: 'four_eyes_required', message: expect.any(String) },
        { requestId: unknown, ok: false, code: 'not_found', message: 'No such request.' },
        { requestId: denied.id, ok: false, code: 'illegal_transition', message: expect.stringContaining('Cannot approve a request in status denied') },
      ],
    });
    expect((await requestRow(h, access.id)).status).toBe('approved');
    expect(await requestRow(h, erasure.id)).toMatchObject({ status: 'awaiting_review', approval_proposed_by: officerA.id });
    expect(await requestRow(h, proposedByMe.id)).toMatchObject({ status: 'awaiting_review', approval_proposed_by: officerA.id });
    expect((await requestRow(h, denied.id)).status).toBe('denied');
    expect((await auditActions(h, proposedByMe.id)).filter((a) => a === 'approval_proposed')).toHaveLength(1);

    // The second officer completes both proposals in one go.
    const second = await asB.post(BULK, { action: 'approve', requestIds: [erasure.id, proposedByMe.id] });
    expect(second.json<{ results: unknown[] }>().results).toEqual([
      { requestId: erasure.id, ok: true, outcome: 'approved' },
      { requestId: proposedByMe.id, ok: true, outcome: 'approved' },
    ]);
    for (const id of [erasure.id, proposedByMe.id]) {
      expect((await requestRow(h, id)).status).toBe('approved');
      expect((await auditEvents(h, id)).find((e) => e.action === 'request_approved')).toMatchObject({ actorId: officerB.id, data: { proposedBy: officerA.id } });
    }
  });

  it('denies a mixed selection: each denied one closed and emailed, the refused ones unchanged and silent', async () => {
    const waiting = await fileVerified(h, { type: 'access', email: 'bulk-deny-1@example.com' });
    const onHold = await fileVerified(h, { type: 'erasure', email: 'bulk-deny-2@example.com', language: 'de' });
    await putOnHold(h, onHold.id, '2026-11-25');
    const approved = await fileVerified(h, { type: 'access', email: 'bulk-deny-3@example.com' });
    expect((await asA.post(`/api/v1/console/requests/${approved.id}/approve`)).statusCode).toBe(200);

    const response = await asA.post(BULK, {
      action: 'deny',
      requestIds: [waiting.id, approved.id, onHold.id],
      reason: 'manifestly_unfounded',
      message: 'These requests were filed by an automated script.',
    });
    expect(response.json<{ results: unknown[] }>().results).toEqual([
      { requestId: waiting.id, ok: true, outcome: 'denied' },
      { requestId: approved.id, ok: false, code: 'illegal_transition', message: expect.stringContaining('allowed: start, cancel') },
      { requestId: onHold.id, ok: true, outcome: 'denied' },
    ]);
    expect(await requestRow(h, waiting.id)).toMatchObject({ status: 'denied', deny_reason: 'manifestly_unfounded' });
    expect(await requestRow(h, onHold.id)).toMatchObject({ status: 'denied', deny_reason: 'manifestly_unfounded' });
    expect(await requestRow(h, approved.id)).toMatchObject({ status: 'approved', deny_reason: null });

    expect((await emailTo(h, 'bulk-deny-1@example.com', /We cannot carry out/)).text).toContain('These requests were filed by an automated script.');
    expect((await emailTo(h, 'bulk-deny-2@example.com', /nicht ausführen/)).text).toContain('offenkundig unbegründet');
    expect(await outboxTemplates(h, approved.id)).not.toContain('request_denied');
  });

  it('assigns a selection, refuses an assignee who cannot act as a whole, and unassigns', async () => {
    const one = await fileVerified(h, { type: 'access', email: 'bulk-assign-1@example.com' });
    const two = await fileVerified(h, { type: 'opt_out', email: 'bulk-assign-2@example.com', details: { channels: ['email'] } });
    const unknown = randomUUID();

    const refused = await asA.post(BULK, { action: 'assign', requestIds: [one.id, two.id], officerId: auditor.id });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'validation_failed', fieldErrors: [{ path: 'officerId', code: 'invalid_assignee' }] });
    expect((await requestRow(h, one.id)).assignee_id).toBeNull();

    const assigned = await asA.post(BULK, { action: 'assign', requestIds: [one.id, unknown, two.id], officerId: officerB.id });
    expect(assigned.json<{ results: unknown[] }>().results).toEqual([
      { requestId: one.id, ok: true, outcome: 'assigned' },
      { requestId: unknown, ok: false, code: 'not_found', message: 'No such request.' },
      { requestId: two.id, ok: true, outcome: 'assigned' },
    ]);
    for (const id of [one.id, two.id]) {
      expect((await requestRow(h, id)).assignee_id).toBe(officerB.id);
    }

    const unassigned = await asB.post(BULK, { action: 'assign', requestIds: [one.id, two.id], officerId: null });
    expect(unassigned.json<{ results: Array<{ outcome: string }> }>().results.map((r) => r.outcome)).toEqual(['unassigned', 'unassigned']);
    expect((await requestRow(h, two.id)).assignee_id).toBeNull();
    expect((await auditActions(h, one.id)).filter((a) => a === 'request_assigned')).toHaveLength(2);
  });

  it('validates the selection and the fields each action needs', async () => {
    const { id } = await fileVerified(h, { type: 'access', email: 'bulk-invalid@example.com' });
    const hundredAndOne = Array.from({ length: 101 }, () => randomUUID());
    for (const body of [
      { action: 'approve', requestIds: [] },
      { action: 'approve', requestIds: hundredAndOne },
      { action: 'approve', requestIds: [id, id] },
      { action: 'approve', requestIds: [id, id.toUpperCase()] },
      { action: 'approve', requestIds: ['not-a-uuid'] },
      { action: 'approve', requestIds: id },
      { action: 'approve', requestIds: [id], reason: 'other' },
      { action: 'deny', requestIds: [id], reason: 'other' },
      { action: 'deny', requestIds: [id], message: 'Why not.' },
      { action: 'deny', requestIds: [id], reason: 'nope', message: 'Why not.' },
      { action: 'assign', requestIds: [id] },
      { action: 'assign', requestIds: [id], officerId: 'someone' },
      { action: 'cancel', requestIds: [id] },
      { requestIds: [id] },
    ]) {
      const response = await asA.post(BULK, body);
      expect([JSON.stringify(body).slice(0, 80), response.statusCode, response.json().code]).toEqual([JSON.stringify(body).slice(0, 80), 422, 'validation_failed']);
    }
    expect(await requestRow(h, id)).toMatchObject({ status: 'awaiting_review', assignee_id: null, approval_proposed_by: null });
  });

  it('is refused to auditors and to callers without a session', async () => {
    const { id } = await fileVerified(h, { type: 'access', email: 'bulk-auditor@example.com' });
    const asAuditor = await signIn(h, auditor);
    for (const body of [
      { action: 'approve', requestIds: [id] },
      { action: 'deny', requestIds: [id], reason: 'other', message: 'No.' },
      { action: 'assign', requestIds: [id], officerId: officerA.id },
    ]) {
      const response = await asAuditor.post(BULK, body);
      expect([response.statusCode, response.json().code]).toEqual([403, 'forbidden']);
      expect((await h.app.inject({ method: 'POST', url: BULK, payload: body })).statusCode).toBe(401);
    }
    expect(await requestRow(h, id)).toMatchObject({ status: 'awaiting_review', assignee_id: null });
  });

  it('leaves an audit chain that verifies', async () => {
    expect(await h.app.get(AuditTrail).verify()).toMatchObject({ ok: true });
  });
});
