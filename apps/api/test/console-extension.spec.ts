import { DataSource } from 'typeorm';
import { AuditTrail } from '@rightsdesk/workflow';
import { type ApiHarness, emailTo, startApi } from './api-harness';
import { auditOf, aVerifiedRequest, messagesOf, statusTokenOf, stored } from './clock-actions-fixtures';
import { anOfficer, type ConsoleSession, signIn, type TestOfficer } from './console-harness';

const RECEIVED = '2026-11-25T10:00:00.000Z';

describe('POST /api/v1/console/requests/{id}/extend', () => {
  let h: ApiHarness;
  let account: TestOfficer;
  let officer: ConsoleSession;

  beforeAll(async () => {
    h = await startApi({ LOG_LEVEL: process.env.RD_TEST_LOG_LEVEL ?? 'silent' });
    h.clock.set(RECEIVED);
    account = await anOfficer(h, 'officer');
  });

  /** Moves the clock; sessions end when idle, so the officer signs in again on the new day. */
  async function at(iso: string): Promise<void> {
    h.clock.set(iso);
    officer = await signIn(h, account);
  }

  afterAll(async () => {
    await h?.close();
  });

  beforeEach(async () => {
    await at(RECEIVED);
  });

  const extend = (session: ConsoleSession, id: string, reason: unknown = 'Your data is held in many systems and a provider must answer too.') =>
    session.post(`/api/v1/console/requests/${id}/extend`, { reason });

  it('GDPR: one month becomes three from receipt; the requester is told the date and the reason', async () => {
    const request = await aVerifiedRequest(h, { type: 'access', country: 'DE' });
    await at('2026-12-10T09:00:00.000Z');

    const response = await extend(officer, request.id, 'Your data is held in many systems.\nA service provider must answer too.');

    expect(response.statusCode).toBe(200);
    const explanation = 'due 2027-02-25: GDPR Art. 12(3), one month from receipt on 2026-11-25, extended by two further months';
    expect(response.json()).toEqual({
      id: request.id,
      extended: true,
      previousDueOn: '2026-12-25',
      dueOn: '2027-02-25',
      dueExplanation: explanation,
      messageId: expect.any(String),
    });
    expect(await stored(h, request.id)).toMatchObject({ status: 'awaiting_review', extended: true, due_on: '2027-02-25', due_explanation: explanation });

    const [message] = await messagesOf(h, request.id);
    expect(message).toMatchObject({ id: response.json().messageId, kind: 'extension', author_type: 'officer', author_id: officer.officer.id });
    expect(message.text).toBe('Your data is held in many systems.\nA service provider must answer too.');
    expect(message.raw.toString('latin1')).not.toContain('many systems');

    const mail = await emailTo(h, request.email, /more time/);
    expect(mail.subject).toBe(`We need more time for your privacy request ${request.reference}`);
    expect(mail.text).toContain('We will now respond by 25 February 2027.');
    expect(mail.text).toContain(explanation);
    expect(mail.text).toContain('Why we need more time:\n\nYour data is held in many systems.\n\nA service provider must answer too.');
    // The link in the notice opens the request and shows the extension.
    const status = await h.app.inject({ method: 'GET', url: `/api/v1/requests/${request.reference}`, headers: { 'x-status-token': statusTokenOf(mail) } });
    expect(status.statusCode).toBe(200);
    expect(status.json()).toMatchObject({ dueOn: '2027-02-25', dueExplanation: explanation });
    expect(status.json<{ timeline: Array<{ event: string }> }>().timeline.map((t) => t.event)).toContain('deadline_extended');

    const [event] = await auditOf(h, request.id, 'deadline_extended');
    expect(event).toEqual({
      action: 'deadline_extended',
      actor_type: 'officer',
      actor_id: officer.officer.id,
      from_status: null,
      to_status: null,
      data: { previousDueOn: '2026-12-25', dueOn: '2027-02-25', messageId: message.id },
    });
    expect(JSON.stringify(event)).not.toContain('many systems');
    expect(await h.app.get(AuditTrail).verify()).toMatchObject({ ok: true });
  });

  it('refuses a second extension, saying it was already extended', async () => {
    const request = await aVerifiedRequest(h, { type: 'erasure', country: 'FR' });
    expect((await extend(officer, request.id)).statusCode).toBe(200);

    const again = await extend(officer, request.id);

    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'extension_unavailable', message: expect.stringContaining('already extended') });
    expect(await auditOf(h, request.id, 'deadline_extended')).toHaveLength(1);
    expect((await messagesOf(h, request.id)).filter((m) => m.kind === 'extension')).toHaveLength(1);
  });

  it('writes the notice in German for a German request', async () => {
    const request = await aVerifiedRequest(h, { type: 'access', country: 'DE', language: 'de' });

    expect((await extend(officer, request.id, 'Ihre Daten liegen in vielen Systemen.')).statusCode).toBe(200);

    const mail = await emailTo(h, request.email, /mehr Zeit/);
    expect(mail.subject).toBe(`Wir benötigen mehr Zeit für Ihre Datenschutzanfrage ${request.reference}`);
    expect(mail.text).toContain('Wir antworten nun spätestens bis zum 25. Februar 2027.');
    expect(mail.text).toContain('Die Gründe für die Verlängerung:\n\nIhre Daten liegen in vielen Systemen.');
  });

  it('CCPA: 45 days become 90 from receipt', async () => {
    const request = await aVerifiedRequest(h, { type: 'erasure', country: 'US', region: 'CA' });
    expect((await stored(h, request.id)).due_on).toBe('2027-01-09');
    await at('2027-01-09T20:00:00.000Z');

    const response = await extend(officer, request.id);

    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ previousDueOn: '2027-01-09', dueOn: '2027-02-23' });
    expect(response.json<{ dueExplanation: string }>().dueExplanation).toMatch(
      /^due 2027-02-23: Cal\. Civ\. Code §1798\.130\(a\)\(2\), 45 days from receipt on 2026-11-25, extended by a further 45 days/,
    );
    const mail = await emailTo(h, request.email, /more time/);
    expect(mail.text).toContain('We will now respond by 23 February 2027.');
  });

  it('refuses where the regime has no extension (LGPD) and for CCPA opt-outs, saying why', async () => {
    const lgpd = await aVerifiedRequest(h, { type: 'access', country: 'BR' });
    const optOut = await aVerifiedRequest(h, { type: 'opt_out', country: 'US', region: 'CA', details: { channels: ['email'] } });

    const refusedLgpd = await extend(officer, lgpd.id);
    const refusedOptOut = await extend(officer, optOut.id);

    expect(refusedLgpd.statusCode).toBe(409);
    expect(refusedLgpd.json()).toMatchObject({ code: 'extension_unavailable', message: 'LGPD (Brazil) allows no extension of the response period (LGPD Art. 19).' });
    expect(refusedOptOut.statusCode).toBe(409);
    expect(refusedOptOut.json()).toMatchObject({ code: 'extension_unavailable', message: expect.stringContaining('15 business days (11 CCR §7026(f)); there is no extension') });
    for (const request of [lgpd, optOut]) {
      expect(await stored(h, request.id)).toMatchObject({ extended: false });
      expect(await messagesOf(h, request.id)).toEqual([]);
    }
  });

  it('refuses once the notice deadline has passed', async () => {
    const request = await aVerifiedRequest(h, { type: 'access', country: 'IE' });
    await at('2026-12-26T00:00:01.000Z');

    const late = await extend(officer, request.id);

    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'extension_unavailable', message: 'Too late: an extension had to be taken, and the requester told, by 2026-12-25.' });
    expect(await stored(h, request.id)).toMatchObject({ extended: false, due_on: '2026-12-25' });
  });

  it('refuses a closed request', async () => {
    const request = await aVerifiedRequest(h, { type: 'access', country: 'DE' });
    await h.app.get(DataSource).query(`UPDATE privacy_request SET status = 'completed' WHERE id = $1`, [request.id]);

    const closed = await extend(officer, request.id);

    expect(closed.statusCode).toBe(409);
    expect(closed.json()).toMatchObject({ code: 'illegal_transition' });
  });

  it('validates the reason', async () => {
    const request = await aVerifiedRequest(h, { type: 'access', country: 'DE' });
    for (const body of [{}, { reason: '   ' }, { reason: 'x'.repeat(2001) }, { reason: 'ok', extra: 1 }, { reason: 42 }]) {
      const response = await officer.post(`/api/v1/console/requests/${request.id}/extend`, body);
      expect(response.statusCode).toBe(422);
      expect(response.json().code).toBe('validation_failed');
    }
    expect((await extend(officer, request.id, 'x'.repeat(2000))).statusCode).toBe(200);
  });

  it('answers 404 for an unknown or malformed id, and keeps auditors and strangers out', async () => {
    const request = await aVerifiedRequest(h, { type: 'access', country: 'DE' });
    const auditor = await signIn(h, await anOfficer(h, 'auditor'));
    const admin = await signIn(h, await anOfficer(h, 'admin'));

    expect((await extend(officer, '4a0c8d57-3a2e-4d38-9b7c-2f2f1e0e5d11')).statusCode).toBe(404);
    const malformed = await extend(officer, 'not-a-uuid');
    expect(malformed.statusCode).toBe(404);
    expect(malformed.json().code).toBe('not_found');
    expect((await extend(officer, "1' OR '1'='1")).statusCode).toBe(404);

    const forbidden = await extend(auditor, request.id);
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().code).toBe('forbidden');
    const anonymous = await h.app.inject({ method: 'POST', url: `/api/v1/console/requests/${request.id}/extend`, payload: { reason: 'x' } });
    expect(anonymous.statusCode).toBe(401);
    expect(await stored(h, request.id)).toMatchObject({ extended: false });

    expect((await extend(admin, request.id)).statusCode).toBe(200);
    expect(await h.app.get(AuditTrail).verify()).toMatchObject({ ok: true });
  });
});
