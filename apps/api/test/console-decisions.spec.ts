import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ExecutionRepository, PrivacyRequestRepository } from '@rightsdesk/data-access';
import { DEFAULT_CONSOLE_SETTINGS, type IntakeInput, type RequestType } from '@rightsdesk/domain';
import { COMPLAINT_RIGHTS, DENY_REASON_EXPLANATIONS } from '@rightsdesk/mail';
import { executionJobId, QueueService } from '@rightsdesk/queue';
import {
  AuditTrail,
  ConsoleSettingsService,
  ExecutionFinalizer,
  ExecutionService,
  IntakeService,
  OfficerAccounts,
  SystemExecutor,
  VerificationService,
} from '@rightsdesk/workflow';
import { type ApiHarness, deliverOutbox, emailTo, linkFrom } from './api-harness';
import { anOfficer, type ConsoleSession, signIn, type TestOfficer } from './console-harness';
import {
  anUpload,
  auditActions,
  auditEvents,
  type DecisionHarness,
  messagesOf,
  outboxTemplates,
  putOnHold,
  requestRow,
  startDecisionApi,
  uploadsHeld,
} from './decision-fixtures';
import { fileVerified } from './execution-fixtures';

const NOW = '2026-11-25T10:00:00.000Z';
const url = (id: string, action: string) => `/api/v1/console/requests/${encodeURIComponent(id)}/${action}`;

// The decisions officers take on a request, through the API: each a status-machine transition (or
// none), audited, with the requester emailed where they must know, and nothing half-applied.
describe('console: decisions on a request', () => {
  let d: DecisionHarness;
  let h: ApiHarness;
  let admin: TestOfficer;
  let officerA: TestOfficer;
  let officerB: TestOfficer;
  let auditor: TestOfficer;
  let asAdmin: ConsoleSession;
  let asA: ConsoleSession;
  let asB: ConsoleSession;
  let asAuditor: ConsoleSession;

  beforeAll(async () => {
    d = await startDecisionApi();
    h = d.h;
    h.clock.set(NOW);
    admin = await anOfficer(h, 'admin');
    officerA = await anOfficer(h, 'officer');
    officerB = await anOfficer(h, 'officer');
    auditor = await anOfficer(h, 'auditor');
    [asAdmin, asA, asB, asAuditor] = await Promise.all([signIn(h, admin), signIn(h, officerA), signIn(h, officerB), signIn(h, auditor)]);
  });

  afterAll(async () => {
    await d?.close();
  });

  beforeEach(() => {
    h.clock.set(NOW);
    d.provider.mode = 'complete';
  });

  const lastEvent = async (id: string, action: string) => (await auditEvents(h, id)).filter((e) => e.action === action).at(-1);
  const startJob = (id: string) => h.app.get(QueueService).jobState({ name: 'start-execution', data: { requestId: id } }, executionJobId('start-execution', id));

  /** Files and confirms a request without assuming where verification leaves it (auto-approval may move it on). */
  async function fileAndVerify(input: { type: RequestType; email: string; [field: string]: unknown }) {
    const { reference } = await h.app.get(IntakeService).file({ country: 'DE', language: 'en', ...input } as IntakeInput);
    await deliverOutbox(h);
    const mail = await h.sink.waitForMessage((m) => (m.text ?? '').includes(reference) && (m.text ?? '').includes('/requests/verify'));
    const token = linkFrom(mail.text ?? '', '/requests/verify').searchParams.get('token')!;
    const result = await h.app.get(VerificationService).verify(reference, token);
    const request = await h.app.get(PrivacyRequestRepository).findByReference(reference);
    return { id: request!.id, reference, result };
  }

  describe('assign', () => {
    it('assigns to an active officer, refuses auditors, disabled and unknown accounts, unassigns; audited, no email', async () => {
      const { id } = await fileVerified(h, { type: 'access', email: 'assign@example.com' });
      const emailsBefore = await outboxTemplates(h, id);

      const assigned = await asA.post(url(id, 'assign'), { officerId: officerB.id });
      expect(assigned.statusCode).toBe(200);
      expect(assigned.json()).toMatchObject({ outcome: 'assigned', request: { id, status: 'awaiting_review', assigneeId: officerB.id } });
      expect((await requestRow(h, id)).assignee_id).toBe(officerB.id);

      const disabled = await anOfficer(h, 'officer');
      await h.app.get(OfficerAccounts).update(disabled.id, { disabled: true }, { type: 'system', id: 'cli' });
      for (const officerId of [auditor.id, disabled.id, randomUUID()]) {
        const refused = await asA.post(url(id, 'assign'), { officerId });
        expect(refused.statusCode).toBe(422);
        expect(refused.json()).toMatchObject({ code: 'validation_failed', fieldErrors: [{ path: 'officerId', code: 'invalid_assignee' }] });
      }
      for (const body of [{ officerId: 'not-a-uuid' }, {}, { officerId: officerB.id, extra: 1 }]) {
        const invalid = await asA.post(url(id, 'assign'), body);
        expect(invalid.statusCode).toBe(422);
        expect(invalid.json().code).toBe('validation_failed');
      }
      expect((await requestRow(h, id)).assignee_id).toBe(officerB.id);

      const unassigned = await asAdmin.post(url(id, 'assign'), { officerId: null });
      expect(unassigned.json()).toMatchObject({ outcome: 'unassigned', request: { assigneeId: null } });
      expect((await asAdmin.post(url(id, 'assign'), { officerId: null })).json()).toMatchObject({ outcome: 'unchanged' });

      // Refusals and the no-op wrote nothing; each real change is one event with ids only.
      const events = (await auditEvents(h, id)).filter((e) => e.action === 'request_assigned');
      expect(events.map((e) => ({ actor: e.actorId, data: e.data, from: e.fromStatus, to: e.toStatus }))).toEqual([
        { actor: officerA.id, data: { assigneeId: officerB.id, previousAssigneeId: null }, from: null, to: null },
        { actor: admin.id, data: { assigneeId: null, previousAssigneeId: officerB.id }, from: null, to: null },
      ]);
      expect(await outboxTemplates(h, id)).toEqual(emailsBefore);
    });
  });

  describe('notes', () => {
    it('stores an internal note encrypted, audits it by id only, and accepts notes on closed requests', async () => {
      const { id } = await fileVerified(h, { type: 'access', email: 'notes@example.com' });
      const text = 'Requester phoned from +44 20 7946 0018:\nwants it before Christmas.';

      const response = await asA.post(url(id, 'notes'), { text: `  ${text}  ` });
      expect(response.statusCode).toBe(200);
      const { messageId } = response.json<{ messageId: string }>();
      expect(response.json()).toMatchObject({ outcome: 'noted', request: { id, status: 'awaiting_review' } });
      expect(await messagesOf(h, id, 'note')).toEqual([{ id: messageId, authorId: officerA.id, text }]);

      const [stored] = await h.app.get(DataSource).query<Array<{ body: Buffer }>>(`SELECT body FROM request_message WHERE id = $1`, [messageId]);
      expect(stored.body.toString('utf8')).not.toContain('7946');
      const event = await lastEvent(id, 'note_added');
      expect(event).toMatchObject({ actorType: 'officer', actorId: officerA.id, data: { messageId }, fromStatus: null, toStatus: null });
      expect(JSON.stringify(await auditEvents(h, id))).not.toMatch(/7946|Christmas/);

      for (const body of [{ text: '' }, { text: '   ' }, { text: 'x'.repeat(5001) }, { text: 'ok', kind: 'denial' }, { note: 'wrong field' }]) {
        const invalid = await asA.post(url(id, 'notes'), body);
        expect(invalid.statusCode).toBe(422);
      }
      expect(await messagesOf(h, id, 'note')).toHaveLength(1);

      expect((await asA.post(url(id, 'cancel'), { notifyRequester: false })).statusCode).toBe(200);
      expect((await asB.post(url(id, 'notes'), { text: 'Called back after cancelling.' })).statusCode).toBe(200);
      expect(await messagesOf(h, id, 'note')).toHaveLength(2);
    });
  });

  describe('approve', () => {
    it('approves a type without four-eyes at once: status, audit, execution queued, uploads erased', async () => {
      const { id } = await fileVerified(h, { type: 'access', email: 'approve-access@example.com' });
      await anUpload(h, id);
      expect(await uploadsHeld(h, id)).toEqual([true]);
      expect(await startJob(id)).toBeNull();

      const response = await asA.post(url(id, 'approve'));
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ outcome: 'approved', request: { id, status: 'approved' } });
      expect((await requestRow(h, id)).status).toBe('approved');
      expect(await lastEvent(id, 'request_approved')).toMatchObject({
        actorType: 'officer',
        actorId: officerA.id,
        fromStatus: 'awaiting_review',
        toStatus: 'approved',
        data: null,
      });
      expect(await uploadsHeld(h, id)).toEqual([false]);
      expect(await startJob(id)).not.toBeNull();

      const again = await asB.post(url(id, 'approve'));
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({ code: 'illegal_transition', message: expect.stringContaining('allowed: start, cancel') });
      expect((await auditActions(h, id)).filter((a) => a === 'request_approved')).toHaveLength(1);
    });

    it('four-eyes: the first officer proposes, the same officer is refused, a second officer approves and the proposer is recorded', async () => {
      const { id } = await fileVerified(h, { type: 'erasure', email: 'four-eyes@example.com' });

      const proposed = await asA.post(url(id, 'approve'));
      expect(proposed.statusCode).toBe(200);
      expect(proposed.json()).toMatchObject({
        outcome: 'proposed',
        request: { status: 'awaiting_review', approvalProposedBy: officerA.id, approvalProposedAt: NOW },
      });
      expect(await lastEvent(id, 'approval_proposed')).toMatchObject({ actorType: 'officer', actorId: officerA.id, fromStatus: null, toStatus: null });

      const same = await asA.post(url(id, 'approve'));
      expect(same.statusCode).toBe(409);
      expect(same.json().code).toBe('four_eyes_required');
      expect((await requestRow(h, id)).status).toBe('awaiting_review');
      expect(await startJob(id)).toBeNull();

      h.clock.advance(3_600_000);
      // A session idles out in 30 minutes: the second officer signs in when they come to it.
      const approved = await (await signIn(h, officerB)).post(url(id, 'approve'));
      expect(approved.statusCode).toBe(200);
      expect(approved.json()).toMatchObject({ outcome: 'approved', request: { status: 'approved', approvalProposedBy: officerA.id } });
      expect(await lastEvent(id, 'request_approved')).toMatchObject({
        actorType: 'officer',
        actorId: officerB.id,
        fromStatus: 'awaiting_review',
        toStatus: 'approved',
        data: { proposedBy: officerA.id },
      });
      expect((await auditActions(h, id)).filter((a) => a === 'approval_proposed' || a === 'request_approved')).toEqual(['approval_proposed', 'request_approved']);
      expect(await startJob(id)).not.toBeNull();
    });

    it("four-eyes applies to a child's data too, and an admin counts as a second officer", async () => {
      const { id } = await fileVerified(h, {
        type: 'child_data_removal',
        email: 'parent@example.com',
        details: { child: { email: 'kid@example.com' }, relationship: 'parent', childAge: 9 },
      });
      expect((await asB.post(url(id, 'approve'))).json()).toMatchObject({ outcome: 'proposed' });
      expect((await asAdmin.post(url(id, 'approve'))).json()).toMatchObject({ outcome: 'approved', request: { status: 'approved' } });
      expect(await lastEvent(id, 'request_approved')).toMatchObject({ actorId: admin.id, data: { proposedBy: officerB.id } });
    });

    it('two clicks at once by the same officer make one proposal; two officers at once make a proposal and an approval', async () => {
      const first = await fileVerified(h, { type: 'erasure', email: 'double-click@example.com' });
      const clicks = await Promise.all([asA.post(url(first.id, 'approve')), asA.post(url(first.id, 'approve'))]);
      expect(clicks.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      expect((await auditActions(h, first.id)).filter((a) => a === 'approval_proposed')).toHaveLength(1);

      const second = await fileVerified(h, { type: 'erasure', email: 'two-officers@example.com' });
      const both = await Promise.all([asA.post(url(second.id, 'approve')), asB.post(url(second.id, 'approve'))]);
      expect(both.map((r) => r.json<{ outcome: string }>().outcome).sort()).toEqual(['approved', 'proposed']);
      expect((await requestRow(h, second.id)).status).toBe('approved');
    });

    it('approving and denying at once: one wins whole, the other is refused', async () => {
      const { id } = await fileVerified(h, { type: 'access', email: 'race@example.com' });
      const [approve, deny] = await Promise.all([
        asA.post(url(id, 'approve')),
        asB.post(url(id, 'deny'), { reason: 'excessive', message: 'Third request this month.' }),
      ]);
      expect([approve.statusCode, deny.statusCode].sort()).toEqual([200, 409]);
      const status = (await requestRow(h, id)).status;
      const actions = await auditActions(h, id);
      expect(status).toBe(approve.statusCode === 200 ? 'approved' : 'denied');
      expect(actions.filter((a) => a === 'request_approved' || a === 'request_denied')).toEqual([status === 'approved' ? 'request_approved' : 'request_denied']);
      expect((await outboxTemplates(h, id)).includes('request_denied')).toBe(status === 'denied');
    });
  });

  describe('auto-approval', () => {
    afterAll(async () => {
      await h.app.get(ConsoleSettingsService).update(DEFAULT_CONSOLE_SETTINGS, admin.id);
    });

    it("approves a verified opt-out as the system when the settings say so, never a child's data, nor other types", async () => {
      await h.app.get(ConsoleSettingsService).update({ autoApprove: ['opt_out'], fourEyes: ['erasure', 'child_data_removal'] }, admin.id);

      const optOut = await fileAndVerify({ type: 'opt_out', email: 'auto-opt-out@example.com', details: { channels: ['email'] } });
      expect(optOut.result).toMatchObject({ outcome: 'verified', status: 'approved' });
      expect((await requestRow(h, optOut.id)).status).toBe('approved');
      expect(await lastEvent(optOut.id, 'request_approved')).toMatchObject({ actorType: 'system', actorId: 'auto-approval', fromStatus: 'awaiting_review', toStatus: 'approved' });
      expect(await startJob(optOut.id)).not.toBeNull();

      const child = await fileAndVerify({
        type: 'child_data_removal',
        email: 'auto-parent@example.com',
        details: { child: { username: 'kid9' }, relationship: 'legal_guardian', childAge: 9 },
      });
      const access = await fileAndVerify({ type: 'access', email: 'auto-access@example.com' });
      for (const { id, result } of [child, access]) {
        expect(result).toMatchObject({ outcome: 'verified', status: 'awaiting_review' });
        expect((await requestRow(h, id)).status).toBe('awaiting_review');
        expect(await auditActions(h, id)).not.toContain('request_approved');
      }
      await expect(
        h.app.get(ConsoleSettingsService).update({ autoApprove: ['opt_out', 'child_data_removal'], fourEyes: ['erasure'] }, admin.id),
      ).rejects.toThrow(/officer's approval/);
    });
  });

  describe('deny', () => {
    it('denies a German request: closed with its reason, proposal withdrawn, uploads erased, message stored, email in German', async () => {
      const { id, reference } = await fileVerified(h, { type: 'erasure', email: 'verweigert@example.com', language: 'de' });
      expect((await asA.post(url(id, 'approve'))).json()).toMatchObject({ outcome: 'proposed' });
      await anUpload(h, id);
      const message = 'Ihre Rechnungen aus 2025 müssen wir zehn Jahre aufbewahren.\nAlles andere ist bereits gelöscht.';

      const response = await asB.post(url(id, 'deny'), { reason: 'legal_obligation', message });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        outcome: 'denied',
        request: { status: 'denied', denyReason: 'legal_obligation', approvalProposedBy: null, approvalProposedAt: null, closedAt: NOW },
      });
      const row = await requestRow(h, id);
      expect(row).toMatchObject({ status: 'denied', deny_reason: 'legal_obligation', approval_proposed_by: null, approval_proposed_at: null });
      expect(row.closed_at?.toISOString()).toBe(NOW);
      expect(await uploadsHeld(h, id)).toEqual([false]);
      const [stored] = await messagesOf(h, id, 'denial');
      expect(stored).toMatchObject({ authorId: officerB.id, text: message });
      expect(await lastEvent(id, 'request_denied')).toMatchObject({
        actorType: 'officer',
        actorId: officerB.id,
        fromStatus: 'awaiting_review',
        toStatus: 'denied',
        data: { reason: 'legal_obligation', messageId: stored.id },
      });
      expect(JSON.stringify(await auditEvents(h, id))).not.toMatch(/Rechnungen|verweigert@/);

      const mail = await emailTo(h, 'verweigert@example.com', /nicht ausführen/);
      expect(mail.subject).toBe(`Wir können Ihre Datenschutzanfrage ${reference} nicht ausführen`);
      const text = mail.text ?? '';
      expect(text).toContain(`Der Grund: ${DENY_REASON_EXPLANATIONS.legal_obligation.de}`);
      expect(text).toContain('Ihre Rechnungen aus 2025 müssen wir zehn Jahre aufbewahren.\n\nAlles andere ist bereits gelöscht.');
      expect(text).toContain(COMPLAINT_RIGHTS.gdpr.de);
      expect(text).toContain('Datenschutz-Aufsichtsbehörde');
      expect(text).toContain('gerichtlichen Rechtsbehelf');
      expect(mail.html).toContain('<html lang="de"');

      // The link in the email opens the status page, which shows the decision.
      const statusToken = linkFrom(text, '/requests/status').searchParams.get('token')!;
      const status = await h.app.inject({ method: 'GET', url: `/api/v1/requests/${reference}`, headers: { 'x-status-token': statusToken } });
      expect(status.json()).toMatchObject({ reference, status: 'denied' });

      const again = await asA.post(url(id, 'deny'), { reason: 'other', message: 'Again.' });
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('illegal_transition');
      expect((await outboxTemplates(h, id)).filter((t) => t === 'request_denied')).toHaveLength(1);
    });

    it('denies from on hold, closing the hold; a UK request names the ICO', async () => {
      const { id } = await fileVerified(h, { type: 'access', email: 'uk-deny@example.com', country: 'GB' });
      await putOnHold(h, id, '2026-11-25');
      h.clock.set('2026-11-28T09:00:00.000Z');

      const response = await (await signIn(h, officerA)).post(url(id, 'deny'), { reason: 'identity_not_verified', message: 'The ID you sent does not match the account.' });
      expect(response.statusCode).toBe(200);
      expect(await requestRow(h, id)).toMatchObject({ status: 'denied', holds: [{ from: '2026-11-25', to: '2026-11-28' }] });
      expect(await lastEvent(id, 'request_denied')).toMatchObject({ fromStatus: 'on_hold', toStatus: 'denied', data: { reason: 'identity_not_verified' } });

      const mail = await emailTo(h, 'uk-deny@example.com', /We cannot carry out/);
      expect(mail.text).toContain(`The reason: ${DENY_REASON_EXPLANATIONS.identity_not_verified.en}`);
      expect(mail.text).toContain('The ID you sent does not match the account.');
      expect(mail.text).toContain("Information Commissioner's Office (ICO)");
      expect(mail.text).toContain(COMPLAINT_RIGHTS.uk_gdpr.en);
    });

    it('names the regulator of a Californian request and refuses where the status machine refuses, writing nothing', async () => {
      const ca = await fileVerified(h, { type: 'access', email: 'ca-deny@example.com', country: 'US', region: 'CA' });
      expect((await asA.post(url(ca.id, 'deny'), { reason: 'not_covered', message: 'We do not sell personal information.' })).statusCode).toBe(200);
      const mail = await emailTo(h, 'ca-deny@example.com', /We cannot carry out/);
      expect(mail.text).toContain('California Privacy Protection Agency');
      expect(mail.text).not.toContain('supervisory authority');

      const { id } = await fileVerified(h, { type: 'access', email: 'deny-approved@example.com' });
      expect((await asA.post(url(id, 'approve'))).statusCode).toBe(200);
      const templates = await outboxTemplates(h, id);
      const refused = await asB.post(url(id, 'deny'), { reason: 'other', message: 'Too late.' });
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({ code: 'illegal_transition', message: expect.stringContaining('allowed: start, cancel') });
      expect(await requestRow(h, id)).toMatchObject({ status: 'approved', deny_reason: null, closed_at: null });
      expect(await messagesOf(h, id, 'denial')).toEqual([]);
      expect(await outboxTemplates(h, id)).toEqual(templates);
    });

    it('validates the reason code and the message', async () => {
      const { id } = await fileVerified(h, { type: 'access', email: 'deny-invalid@example.com' });
      for (const body of [
        { reason: 'because', message: 'x' },
        { reason: 'other', message: '' },
        { reason: 'other', message: ' \n ' },
        { reason: 'other', message: 'x'.repeat(5001) },
        { reason: 'other' },
        { message: 'no reason' },
        { reason: 'other', message: 'x', note: 'extra' },
      ]) {
        const response = await asA.post(url(id, 'deny'), body);
        expect([JSON.stringify(body), response.statusCode, response.json().code]).toEqual([JSON.stringify(body), 422, 'validation_failed']);
      }
      expect((await requestRow(h, id)).status).toBe('awaiting_review');
    });
  });

  describe('cancel', () => {
    it('cancels an unverified request, tells the requester, and lets an identical request be filed again', async () => {
      const input = { type: 'access', email: 'cancel-pending@example.com', country: 'DE', language: 'en' } as IntakeInput;
      const { reference } = await h.app.get(IntakeService).file(input);
      const id = (await h.app.get(PrivacyRequestRepository).findByReference(reference))!.id;
      expect((await requestRow(h, id)).dedup_key).not.toBeNull();

      const response = await asA.post(url(id, 'cancel'), {});
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ outcome: 'cancelled', request: { status: 'cancelled', closedAt: NOW } });
      expect(await requestRow(h, id)).toMatchObject({ status: 'cancelled', dedup_key: null });
      expect(await lastEvent(id, 'request_cancelled')).toMatchObject({
        actorId: officerA.id,
        fromStatus: 'pending_verification',
        toStatus: 'cancelled',
        data: { messageId: null, requesterNotified: true },
      });

      const mail = await emailTo(h, 'cancel-pending@example.com', /has been cancelled/);
      expect(mail.text).toContain(`(reference ${reference}). We will not carry it out any further.`);
      expect(mail.text).toContain('you can file a new request at any time');
      expect(mail.text).toContain(COMPLAINT_RIGHTS.gdpr.en);
      expect(mail.text).not.toContain('Some steps may already have been carried out');
      expect(linkFrom(mail.text ?? '', '/requests/status').searchParams.get('ref')).toBe(reference);

      const again = await h.app.get(IntakeService).file(input);
      expect(again.reference).not.toBe(reference);
    });

    it('keeps an internal note, sends nothing when told not to, erases uploads and withdraws a proposal', async () => {
      const { id } = await fileVerified(h, { type: 'erasure', email: 'cancel-quiet@example.com' });
      expect((await asA.post(url(id, 'approve'))).json()).toMatchObject({ outcome: 'proposed' });
      await anUpload(h, id);

      const response = await asB.post(url(id, 'cancel'), { note: 'Requester withdrew by phone.', notifyRequester: false });
      expect(response.statusCode).toBe(200);
      expect(await requestRow(h, id)).toMatchObject({ status: 'cancelled', approval_proposed_by: null, approval_proposed_at: null });
      expect(await uploadsHeld(h, id)).toEqual([false]);
      const [note] = await messagesOf(h, id, 'cancellation');
      expect(note).toMatchObject({ authorId: officerB.id, text: 'Requester withdrew by phone.' });
      expect(await lastEvent(id, 'request_cancelled')).toMatchObject({ fromStatus: 'awaiting_review', data: { messageId: note.id, requesterNotified: false } });
      expect(await outboxTemplates(h, id)).not.toContain('request_cancelled');

      const again = await asA.post(url(id, 'cancel'), {});
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({ code: 'illegal_transition', message: expect.stringContaining('allowed: none') });
    });

    it('cancels an approved request before it starts (the start job then does nothing), but never one in progress', async () => {
      const approved = await fileVerified(h, { type: 'access', email: 'cancel-approved@example.com' });
      expect((await asA.post(url(approved.id, 'approve'))).statusCode).toBe(200);
      expect((await asA.post(url(approved.id, 'cancel'), { notifyRequester: false })).statusCode).toBe(200);
      await h.app.get(ExecutionService).start(approved.id);
      expect((await requestRow(h, approved.id)).status).toBe('cancelled');
      expect(await h.app.get(ExecutionRepository).findExecution(approved.id)).toBeNull();

      const running = await fileVerified(h, { type: 'access', email: 'cancel-running@example.com' });
      expect((await asA.post(url(running.id, 'approve'))).statusCode).toBe(200);
      await h.app.get(ExecutionService).start(running.id);
      const refused = await asA.post(url(running.id, 'cancel'), {});
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({ code: 'illegal_transition', message: expect.stringContaining('allowed: complete, fail') });
      expect((await requestRow(h, running.id)).status).toBe('in_progress');
      expect(await messagesOf(h, running.id, 'cancellation')).toEqual([]);
    });

    it('cancels a failed request and tells the requester that parts may already have been carried out', async () => {
      const { id } = await fileVerified(h, { type: 'opt_out', email: 'cancel-failed@example.com', details: { channels: ['email'] } });
      expect((await asA.post(url(id, 'approve'))).statusCode).toBe(200);
      await h.app.get(ExecutionService).start(id);
      d.provider.mode = 'fail';
      await expect(h.app.get(SystemExecutor).execute({ requestId: id, systemKey: 'mailer', run: 1 }, h.config.execution.attempts)).rejects.toThrow();
      await h.app.get(SystemExecutor).execute({ requestId: id, systemKey: 'suppression', run: 1 }, 1);
      expect(await h.app.get(ExecutionFinalizer).finalize(id, 1)).toBe('failed');

      expect((await asB.post(url(id, 'cancel'), { note: 'Requester asked us to stop.' })).statusCode).toBe(200);
      expect(await lastEvent(id, 'request_cancelled')).toMatchObject({ fromStatus: 'failed', toStatus: 'cancelled', data: { requesterNotified: true } });
      const mail = await emailTo(h, 'cancel-failed@example.com', /has been cancelled/);
      expect(mail.text).toContain('Some steps may already have been carried out before the request was cancelled.');
    });

    it('validates the body', async () => {
      const { id } = await fileVerified(h, { type: 'access', email: 'cancel-invalid@example.com' });
      for (const body of [{ note: '' }, { note: 'x'.repeat(2001) }, { notifyRequester: 'no' }, { reason: 'other' }]) {
        expect((await asA.post(url(id, 'cancel'), body)).statusCode).toBe(422);
      }
      expect((await requestRow(h, id)).status).toBe('awaiting_review');
    });
  });

  describe('retry', () => {
    it('retries the failed system of a failed request as the officer, and refuses other states', async () => {
      const { id } = await fileVerified(h, { type: 'opt_out', email: 'retry@example.com', details: { channels: ['email'] } });
      expect((await asA.post(url(id, 'approve'))).json()).toMatchObject({ outcome: 'approved' });
      expect((await asA.post(url(id, 'retry'), {})).json()).toMatchObject({ code: 'illegal_transition' });

      await h.app.get(ExecutionService).start(id);
      d.provider.mode = 'fail';
      await expect(h.app.get(SystemExecutor).execute({ requestId: id, systemKey: 'mailer', run: 1 }, h.config.execution.attempts)).rejects.toThrow();
      await h.app.get(SystemExecutor).execute({ requestId: id, systemKey: 'suppression', run: 1 }, 1);
      expect(await h.app.get(ExecutionFinalizer).finalize(id, 1)).toBe('failed');
      d.provider.mode = 'complete';

      const notFailed = await asA.post(url(id, 'retry'), { systemKey: 'suppression' });
      expect(notFailed.statusCode).toBe(409);
      expect(notFailed.json().code).toBe('conflict');
      for (const body of [{ systemKey: 5 }, { systemKey: '' }, { system: 'mailer' }]) {
        expect((await asA.post(url(id, 'retry'), body)).statusCode).toBe(422);
      }

      const response = await asB.post(url(id, 'retry'), { systemKey: 'mailer' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ outcome: 'retried', systems: ['mailer'], request: { status: 'in_progress' } });
      expect(await lastEvent(id, 'execution_retried')).toMatchObject({
        actorType: 'officer',
        actorId: officerB.id,
        fromStatus: 'failed',
        toStatus: 'in_progress',
        data: { systems: ['mailer'], run: 2 },
      });
      expect(await h.app.get(ExecutionRepository).findSystem(id, 'mailer')).toMatchObject({ status: 'pending', run: 2 });
      expect(await h.app.get(ExecutionRepository).findSystem(id, 'suppression')).toMatchObject({ status: 'done' });
      expect((await asB.post(url(id, 'retry'), {})).json().code).toBe('illegal_transition');
    });
  });

  describe('access-link', () => {
    it('re-sends a working link to the same package; the old link stops working, downloads and expiry stay', async () => {
      const { id, reference } = await fileVerified(h, { type: 'access', email: 'download-again@example.com' });
      expect((await asA.post(url(id, 'access-link'))).json()).toMatchObject({ code: 'package_unavailable' });
      expect((await asA.post(url(id, 'approve'))).statusCode).toBe(200);
      await h.app.get(ExecutionService).start(id);
      for (const systemKey of ['mailer', 'suppression']) {
        await h.app.get(SystemExecutor).execute({ requestId: id, systemKey, run: 1 }, 1);
      }
      expect(await h.app.get(ExecutionFinalizer).finalize(id, 1)).toBe('completed');
      const first = await emailTo(h, 'download-again@example.com', /Your data is ready/);
      const oldToken = linkFrom(first.text ?? '', '/requests/download').searchParams.get('token')!;
      // What the download page asks before it offers the button: whether the link works.
      const page = (token: string) => h.app.inject({ method: 'POST', url: '/api/v1/access-packages/lookup', payload: { token } });
      expect((await page(oldToken)).statusCode).toBe(200);
      const packageRow = () =>
        h.app
          .get(DataSource)
          .query<Array<{ id: string; token_hash: Buffer; expires_at: Date; downloads_remaining: number }>>(
            `SELECT id, token_hash, expires_at, downloads_remaining FROM access_package WHERE request_id = $1`,
            [id],
          );
      const [before] = await packageRow();

      h.clock.advance(86_400_000);
      const later = await signIn(h, officerA);
      const response = await later.post(url(id, 'access-link'));
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        outcome: 'resent',
        package: { packageId: before.id, expiresAt: before.expires_at.toISOString(), downloadsRemaining: before.downloads_remaining },
        request: { status: 'completed', reference },
      });
      const [after] = await packageRow();
      expect(after).toMatchObject({ id: before.id, expires_at: before.expires_at, downloads_remaining: before.downloads_remaining });
      expect(after.token_hash.equals(before.token_hash)).toBe(false);
      expect(await lastEvent(id, 'access_link_resent')).toMatchObject({ actorType: 'officer', actorId: officerA.id, data: { packageId: before.id } });

      await deliverOutbox(h);
      const second = await h.sink.waitForMessage((m) => JSON.stringify(m.to ?? '').includes('download-again@example.com') && (m.text ?? '').includes('replaces'));
      expect(second.subject).toBe(`Your data is ready: privacy request ${reference}`);
      const newToken = linkFrom(second.text ?? '', '/requests/download').searchParams.get('token')!;
      expect(newToken).not.toBe(oldToken);
      expect((await page(oldToken)).statusCode).toBe(410);
      expect((await page(newToken)).statusCode).toBe(200);

      // A package used up or past its expiry cannot be sent again.
      await h.app.get(DataSource).query(`UPDATE access_package SET downloads_remaining = 0 WHERE request_id = $1`, [id]);
      const usedUp = await later.post(url(id, 'access-link'));
      expect(usedUp.statusCode).toBe(410);
      expect(usedUp.json().code).toBe('package_unavailable');
      await h.app.get(DataSource).query(`UPDATE access_package SET downloads_remaining = 1, expires_at = $2 WHERE request_id = $1`, [id, new Date(Date.parse(NOW) - 1000)]);
      expect((await later.post(url(id, 'access-link'))).json().code).toBe('package_unavailable');
      expect((await auditActions(h, id)).filter((a) => a === 'access_link_resent')).toHaveLength(1);
    });

    it('answers package_unavailable for a request that is not a completed access request', async () => {
      const { id } = await fileVerified(h, { type: 'erasure', email: 'no-package@example.com' });
      const response = await asA.post(url(id, 'access-link'));
      expect(response.statusCode).toBe(410);
      expect(response.json().code).toBe('package_unavailable');
      expect(await auditActions(h, id)).not.toContain('access_link_resent');
    });
  });

  describe('who may act, and on what', () => {
    const bodies = (officerId: string): Array<[string, unknown]> => [
      ['assign', { officerId }],
      ['notes', { text: 'A note.' }],
      ['approve', {}],
      ['deny', { reason: 'other', message: 'No.' }],
      ['cancel', {}],
      ['retry', {}],
      ['access-link', {}],
    ];

    it('auditors get 403 on every action and nothing changes', async () => {
      const { id } = await fileVerified(h, { type: 'erasure', email: 'audited-only@example.com' });
      const actionsBefore = await auditActions(h, id);
      for (const [action, body] of bodies(officerA.id)) {
        const response = await asAuditor.post(url(id, action), body);
        expect([action, response.statusCode, response.json().code]).toEqual([action, 403, 'forbidden']);
        const anonymous = await h.app.inject({ method: 'POST', url: url(id, action), payload: body as object });
        expect([action, anonymous.statusCode]).toEqual([action, 401]);
      }
      const bulk = await asAuditor.post('/api/v1/console/requests/bulk', { action: 'approve', requestIds: [id] });
      expect([bulk.statusCode, bulk.json().code]).toEqual([403, 'forbidden']);
      expect(await requestRow(h, id)).toMatchObject({ status: 'awaiting_review', assignee_id: null, approval_proposed_by: null });
      expect(await auditActions(h, id)).toEqual(actionsBefore);
      expect(await messagesOf(h, id, 'note')).toEqual([]);
    });

    it('answers 404 not_found for unknown and malformed ids on every action, never a 500', async () => {
      const ids = [randomUUID(), 'not-a-uuid', '12345', 'x'.repeat(300), "1'; DROP TABLE privacy_request; --", '00000000-0000-0000-0000-00000000000g', 'RD-7K3M-Q9PX-4D2F-8HJN'];
      for (const id of ids) {
        for (const [action, body] of bodies(officerB.id)) {
          const response = await asA.post(url(id, action), body);
          expect([id, action, response.statusCode, response.json().code]).toEqual([id, action, 404, 'not_found']);
        }
      }
    });
  });

  it('leaves an audit chain that verifies', async () => {
    expect(await h.app.get(AuditTrail).verify()).toMatchObject({ ok: true });
  });
});
