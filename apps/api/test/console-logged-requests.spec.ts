import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { AuditTrail, ConsoleSettingsService, UnverifiedExpiryService } from '@rightsdesk/workflow';
import { type ApiHarness, emailTo, linkFrom, startApi } from './api-harness';
import { anAddress, auditOf, statusTokenOf, stored } from './clock-actions-fixtures';
import { anOfficer, type ConsoleSession, signIn, type TestOfficer } from './console-harness';

const NOW = '2026-11-25T10:00:00.000Z';

describe('POST /api/v1/console/requests (requests that came by post, phone or email)', () => {
  let h: ApiHarness;
  let dir: string;
  let account: TestOfficer;
  let officer: ConsoleSession;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'rightsdesk-logged-'));
    const dataMapPath = path.join(dir, 'datamap.yaml');
    await writeFile(dataMapPath, 'version: 1\nsystems:\n  suppression:\n    kind: suppression\n    title: Suppression list\n');
    h = await startApi({ LOG_LEVEL: process.env.RD_TEST_LOG_LEVEL ?? 'silent', DATAMAP_PATH: dataMapPath, PACKAGE_DIR: path.join(dir, 'packages') });
    account = await anOfficer(h, 'officer');
  });

  afterAll(async () => {
    await h?.close();
    await rm(dir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    h.clock.set(NOW);
    officer = await signIn(h, account);
  });

  const log = (session: ConsoleSession, body: Record<string, unknown>) => session.post('/api/v1/console/requests', body);

  it('logs a letter with its real received date: verified at once, the clock from that date, the status link emailed', async () => {
    const email = anAddress('letter');

    const response = await log(officer, { type: 'access', email, name: 'Ada Lovelace', country: 'DE', channel: 'post', receivedOn: '2026-11-20', identityVerified: true });

    expect(response.statusCode).toBe(201);
    const body = response.json<{ id: string; reference: string; status: string }>();
    expect(body).toEqual({ id: expect.any(String), reference: expect.stringMatching(/^RD-/), status: 'awaiting_review' });
    expect(await stored(h, body.id)).toMatchObject({
      status: 'awaiting_review',
      channel: 'post',
      received_on: '2026-11-20',
      received_at: new Date('2026-11-20T00:00:00.000Z'),
      verified_at: new Date(NOW),
      due_on: '2026-12-20',
      due_explanation: 'due 2026-12-20: GDPR Art. 12(3), one month from receipt on 2026-11-20',
    });
    expect(await auditOf(h, body.id, 'request_logged')).toEqual([
      {
        action: 'request_logged',
        actor_type: 'officer',
        actor_id: account.id,
        from_status: null,
        to_status: 'awaiting_review',
        data: { channel: 'post', type: 'access', receivedOn: '2026-11-20', regime: 'gdpr', dueOn: '2026-12-20', identityVerified: true },
      },
    ]);

    const mail = await emailTo(h, email, /working on/);
    expect(mail.subject).toBe(`We are working on your privacy request ${body.reference}`);
    expect(mail.text).toContain('We will respond by 20 December 2026.');
    expect(mail.text).not.toContain('/requests/verify');
    const status = await h.app.inject({ method: 'GET', url: `/api/v1/requests/${body.reference}`, headers: { 'x-status-token': statusTokenOf(mail) } });
    expect(status.statusCode).toBe(200);
    expect(status.json()).toMatchObject({ status: 'awaiting_review', receivedOn: '2026-11-20', dueOn: '2026-12-20' });

    // Personal data stays encrypted, and out of the audit trail.
    const [row] = await h.app.get(DataSource).query<Array<{ personal_data: Buffer }>>(`SELECT personal_data FROM privacy_request WHERE id = $1`, [body.id]);
    expect(row.personal_data.toString('latin1')).not.toContain('Ada');
    expect(JSON.stringify(await auditOf(h, body.id, 'request_logged'))).not.toMatch(/Ada|@example/);
    expect(await h.app.get(AuditTrail).verify()).toMatchObject({ ok: true });
  });

  it('runs the CCPA clock from the day of the phone call', async () => {
    const response = await log(officer, { type: 'erasure', email: anAddress('call'), country: 'US', region: 'CA', channel: 'phone', receivedOn: '2026-11-01', identityVerified: true });

    expect(response.statusCode).toBe(201);
    // 45 days from 1 November; the 10-business-day receipt confirmation is already overdue.
    expect(await stored(h, response.json<{ id: string }>().id)).toMatchObject({ due_on: '2026-12-16', channel: 'phone' });
  });

  it('sends the usual confirmation link when the officer could not check who is asking', async () => {
    const email = anAddress('unchecked');

    const response = await log(officer, { type: 'erasure', email, country: 'FR', channel: 'email', receivedOn: '2026-11-24', identityVerified: false });

    expect(response.statusCode).toBe(201);
    const body = response.json<{ id: string; reference: string; status: string }>();
    expect(body.status).toBe('pending_verification');
    expect(await stored(h, body.id)).toMatchObject({ status: 'pending_verification', channel: 'email', verified_at: null, due_on: '2026-12-24' });
    expect((await auditOf(h, body.id, 'request_logged'))[0]).toMatchObject({ to_status: 'pending_verification', data: { identityVerified: false } });

    const mail = await emailTo(h, email, /Confirm/);
    const link = linkFrom(mail.text ?? '', '/requests/verify');
    const confirm = await h.app.inject({ method: 'POST', url: `/api/v1/requests/${body.reference}/verification`, payload: { token: link.searchParams.get('token') } });
    expect(confirm.statusCode).toBe(200);
    expect(confirm.json()).toMatchObject({ outcome: 'verified', status: 'awaiting_review' });
    // Confirming later does not move the clock: it counts from receipt.
    expect(await stored(h, body.id)).toMatchObject({ status: 'awaiting_review', due_on: '2026-12-24' });
  });

  it('gives a back-dated unconfirmed request the full days to confirm, counted from the link', async () => {
    const email = anAddress('late-letter');
    const response = await log(officer, { type: 'access', email, country: 'DE', channel: 'post', receivedOn: '2026-11-01', identityVerified: false });
    const { id } = response.json<{ id: string }>();
    const expiry = h.app.get(UnverifiedExpiryService);

    await expiry.expireDue();
    expect(await stored(h, id)).toMatchObject({ status: 'pending_verification' });
    h.clock.advance(6 * 24 * 3600_000);
    await expiry.expireDue();
    expect(await stored(h, id)).toMatchObject({ status: 'pending_verification' });
    h.clock.advance(24 * 3600_000 + 1000);
    await expiry.expireDue();
    expect(await stored(h, id)).toMatchObject({ status: 'expired' });
  });

  it('writes to a German requester in German', async () => {
    const email = anAddress('brief');

    const response = await log(officer, { type: 'access', email, country: 'DE', language: 'de', channel: 'post', receivedOn: '2026-11-25', identityVerified: true });

    expect(response.statusCode).toBe(201);
    const mail = await emailTo(h, email, /Datenschutzanfrage/);
    expect(mail.subject).toBe(`Wir bearbeiten Ihre Datenschutzanfrage ${response.json().reference}`);
    expect(mail.text).toContain('Wir antworten spätestens bis zum 25. Dezember 2026.');
  });

  it('refuses a received date in the future or more than a year ago', async () => {
    const base = { type: 'access', email: anAddress('dates'), country: 'DE', channel: 'post', identityVerified: true };

    const future = await log(officer, { ...base, receivedOn: '2026-11-26' });
    const old = await log(officer, { ...base, receivedOn: '2025-11-24' });
    const oneYear = await log(officer, { ...base, receivedOn: '2025-11-25' });

    expect(future.statusCode).toBe(422);
    expect(future.json().fieldErrors).toEqual([{ path: 'receivedOn', code: 'too_big', message: 'Must not be in the future (today is 2026-11-25).' }]);
    expect(old.statusCode).toBe(422);
    expect(old.json().fieldErrors).toEqual([{ path: 'receivedOn', code: 'too_small', message: 'Must not be more than a year ago (2025-11-25 or later).' }]);
    expect(oneYear.statusCode).toBe(201);
    expect(await stored(h, oneYear.json<{ id: string }>().id)).toMatchObject({ due_on: '2025-12-25' });
  });

  it('validates the intake fields and the logging fields together, field by field', async () => {
    const response = await log(officer, { type: 'access', email: 'not-an-email', country: 'DE', channel: 'web', receivedOn: '2026-02-30', surprise: 1 });

    expect(response.statusCode).toBe(422);
    const paths = response.json<{ fieldErrors: Array<{ path: string; code: string }> }>().fieldErrors.map((e) => `${e.path}:${e.code}`).sort();
    expect(paths).toEqual(['channel:invalid_value', 'email:invalid_email', 'identityVerified:required', 'receivedOn:invalid_date', 'surprise:unknown_field']);
    const missing = await log(officer, { type: 'access', email: anAddress('missing'), country: 'DE' });
    expect(missing.json<{ fieldErrors: Array<{ path: string; code: string }> }>().fieldErrors.map((e) => `${e.path}:${e.code}`).sort()).toEqual([
      'channel:required',
      'identityVerified:required',
      'receivedOn:required',
    ]);
    const notObject = await officer.post('/api/v1/console/requests', ['x']);
    expect(notObject.statusCode).toBe(422);
    const rows = await h.app.get(DataSource).query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM privacy_request WHERE channel = 'web'`);
    expect(rows[0].n).toBe(0);
  });

  it('applies the auto-approval policy to a request whose identity the officer checked, as to a confirmed one', async () => {
    await h.app.get(ConsoleSettingsService).update({ autoApprove: ['opt_out'], fourEyes: ['erasure', 'child_data_removal'] }, account.id);
    try {
      const base = { type: 'opt_out', country: 'US', region: 'VA', details: { channels: ['email'] }, channel: 'phone', receivedOn: '2026-11-25' };
      const checked = await log(officer, { ...base, email: anAddress('optout-checked'), identityVerified: true });
      const unchecked = await log(officer, { ...base, email: anAddress('optout-unchecked'), identityVerified: false });

      expect(checked.json()).toMatchObject({ status: 'approved' });
      expect(await stored(h, checked.json<{ id: string }>().id)).toMatchObject({ status: 'approved' });
      expect(unchecked.json()).toMatchObject({ status: 'pending_verification' });
    } finally {
      await h.app.get(ConsoleSettingsService).update({ autoApprove: [], fourEyes: ['erasure', 'child_data_removal'] }, account.id);
    }
  });

  it('is for officers and admins: auditors get 403, strangers 401, a missing CSRF token 403', async () => {
    const body = { type: 'access', email: anAddress('roles'), country: 'DE', channel: 'post', receivedOn: '2026-11-25', identityVerified: true };
    const auditor = await signIn(h, await anOfficer(h, 'auditor'));
    const admin = await signIn(h, await anOfficer(h, 'admin'));

    const forbidden = await log(auditor, body);
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().code).toBe('forbidden');
    expect((await h.app.inject({ method: 'POST', url: '/api/v1/console/requests', payload: body })).statusCode).toBe(401);
    expect((await h.app.inject({ method: 'POST', url: '/api/v1/console/requests', headers: { cookie: officer.cookie }, payload: body })).statusCode).toBe(403);
    const count = async () => (await h.app.get(DataSource).query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'request_logged' AND actor_id = $1`, [auditor.officer.id]))[0].n;
    expect(await count()).toBe(0);

    const logged = await log(admin, body);
    expect(logged.statusCode).toBe(201);
    expect((await auditOf(h, logged.json<{ id: string }>().id, 'request_logged'))[0].actor_id).toBe(admin.officer.id);
  });
});
