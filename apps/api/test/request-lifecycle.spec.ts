import { DataSource } from 'typeorm';
import { AuditTrail, UnverifiedExpiryService } from '@rightsdesk/workflow';
import { type ApiHarness, emailTo, linkFrom, startApi } from './api-harness';

const REFERENCE =
  /^RD-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

describe('request lifecycle: intake → email verification → awaiting review', () => {
  let h: ApiHarness;

  beforeAll(async () => {
    h = await startApi();
  });

  afterAll(async () => {
    await h.close();
  });

  async function file(body: unknown, headers: Record<string, string> = {}) {
    return h.app.inject({
      method: 'POST',
      url: '/api/v1/requests',
      payload: JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...headers },
    });
  }


  it('files, verifies through the emailed link and shows awaiting_review with its due date', async () => {
    h.clock.set('2026-11-25T10:00:00.000Z');
    const response = await file({ type: 'access', email: 'Ada@Example.com', name: 'Ada', country: 'DE' });
    expect(response.statusCode).toBe(202);
    const receipt = response.json<{ reference: string; status: string }>();
    expect(receipt.reference).toMatch(REFERENCE);
    expect(receipt.status).toBe('pending_verification');
    expect(response.headers['cache-control']).toBe('no-store');

    const mail = await emailTo(h, 'ada@example.com', /Confirm/);
    expect(mail.messageId).toMatch(/@rightsdesk>$/);
    const verifyLink = linkFrom(mail.text ?? '', '/requests/verify');
    expect(verifyLink.searchParams.get('ref')).toBe(receipt.reference);
    const token = verifyLink.searchParams.get('token')!;
    expect(token.length).toBeGreaterThanOrEqual(43); // 256 bits in base64url

    // The link opens the privacy center's page, which only shows a button: a GET never confirms.
    const landing = await h.app.inject({ method: 'GET', url: `${verifyLink.pathname}${verifyLink.search}` });
    expect(landing.statusCode).toBe(200);
    expect(landing.headers['content-type']).toContain('text/html');
    expect(landing.body).toContain('<div id="root"></div>');
    const stillPending = await h.app
      .get(DataSource)
      .query(`SELECT status FROM privacy_request WHERE reference = $1`, [receipt.reference]);
    expect(stillPending[0].status).toBe('pending_verification');

    // The button POSTs the token; the answer carries the status token the page then opens.
    const confirm = await h.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${receipt.reference}/verification`,
      payload: { token },
    });
    expect(confirm.statusCode).toBe(200);
    expect(confirm.json()).toMatchObject({ outcome: 'verified', reference: receipt.reference, status: 'awaiting_review' });
    const statusToken = confirm.json<{ statusToken: string }>().statusToken;
    expect(statusToken.length).toBeGreaterThanOrEqual(43);

    const status = await h.app.inject({
      method: 'GET',
      url: `/api/v1/requests/${receipt.reference}`,
      headers: { 'x-status-token': statusToken },
    });
    expect(status.statusCode).toBe(200);
    expect(status.json()).toMatchObject({
      reference: receipt.reference,
      type: 'access',
      status: 'awaiting_review',
      receivedOn: '2026-11-25',
      dueOn: '2026-12-25',
      dueExplanation: 'due 2026-12-25: GDPR Art. 12(3), one month from receipt on 2026-11-25',
    });
    expect(status.json<{ timeline: Array<{ event: string }> }>().timeline.map((t) => t.event)).toEqual([
      'received',
      'verified',
    ]);

    // The status page the emails link to is the privacy center's, reading the same answer.
    const page = await h.app.inject({ method: 'GET', url: `/requests/status?${new URLSearchParams({ ref: receipt.reference, token: statusToken }).toString()}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<div id="root"></div>');

    const confirmation = await emailTo(h, 'ada@example.com', /working on/);
    expect(linkFrom(confirmation.text ?? '', '/requests/status').searchParams.get('token')).toBe(statusToken);

    // Same link again: single use, but a second click is not an error.
    const again = await h.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${receipt.reference}/verification`,
      payload: { token },
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ outcome: 'already_verified', status: 'awaiting_review' });
    expect(again.json()).not.toHaveProperty('statusToken');

    expect(await h.app.get(AuditTrail).verify()).toMatchObject({ ok: true });
  });

  it('answers identically whether or not the address is known, and de-duplicates a repeat', async () => {
    const first = await file({ type: 'erasure', email: 'known@example.com', country: 'US', region: 'CA' });
    const other = await file({
      type: 'erasure',
      email: 'never-seen@example.com',
      country: 'US',
      region: 'CA',
    });
    const strip = (body: Record<string, unknown>) => ({ ...body, reference: 'X' });
    expect(strip(first.json())).toEqual(strip(other.json()));
    expect(Object.keys(first.headers).sort()).toEqual(Object.keys(other.headers).sort());

    const repeat = await file({ type: 'erasure', email: 'KNOWN@example.com ', country: 'US', region: 'CA' });
    expect(repeat.statusCode).toBe(202);
    expect(repeat.json<{ reference: string }>().reference).toBe(
      first.json<{ reference: string }>().reference,
    );

    const rows = await h.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n, min(regime) AS regime FROM privacy_request WHERE reference = $1`, [
        first.json<{ reference: string }>().reference,
      ]);
    expect(rows[0]).toEqual({ n: 1, regime: 'ccpa' });
  });

  it('keeps personal data out of the database in plaintext', async () => {
    await file({ type: 'access', email: 'plaintext-probe@example.com', name: 'Probe Person', country: 'FR' });
    const hits = await h.app.get(DataSource).query(
      `SELECT count(*)::int AS n FROM privacy_request
        WHERE encode(personal_data, 'escape') LIKE '%plaintext-probe%' OR encode(email_lookup, 'escape') LIKE '%plaintext-probe%'`,
    );
    expect(hits[0].n).toBe(0);
    const outbox = await h.app
      .get(DataSource)
      .query(
        `SELECT count(*)::int AS n FROM outbox_message WHERE encode(payload, 'escape') LIKE '%plaintext-probe%'`,
      );
    expect(outbox[0].n).toBe(0);
    const audit = await h.app
      .get(DataSource)
      .query(
        `SELECT count(*)::int AS n FROM audit_event WHERE data::text LIKE '%plaintext-probe%' OR data::text LIKE '%Probe Person%'`,
      );
    expect(audit[0].n).toBe(0);
  });

  it('answers 404 alike for an unknown reference and a wrong status token', async () => {
    const filed = await file({ type: 'access', email: 'status-probe@example.com', country: 'DE' });
    const reference = filed.json<{ reference: string }>().reference;
    const wrongToken = await h.app.inject({
      method: 'GET',
      url: `/api/v1/requests/${reference}`,
      headers: { 'x-status-token': 'nope' },
    });
    const noToken = await h.app.inject({ method: 'GET', url: `/api/v1/requests/${reference}` });
    const unknown = await h.app.inject({
      method: 'GET',
      url: '/api/v1/requests/RD-0000-0000-0000-0000',
      headers: { 'x-status-token': 'nope' },
    });
    for (const response of [wrongToken, noToken, unknown]) {
      expect(response.statusCode).toBe(404);
      expect({ ...response.json(), requestId: null }).toEqual({
        code: 'not_found',
        message: 'No request matches this reference and link.',
        requestId: null,
      });
    }
  });

  it('locks verification after repeated wrong tokens and refuses expired links', async () => {
    const filed = await file({
      type: 'opt_out',
      email: 'locked@example.com',
      country: 'US',
      region: 'VA',
      details: { channels: ['email'] },
    });
    const reference = filed.json<{ reference: string }>().reference;
    const wrong = () =>
      h.app.inject({
        method: 'POST',
        url: `/api/v1/requests/${reference}/verification`,
        payload: { token: 'x'.repeat(43) },
      });
    for (let i = 0; i < h.config.verification.maxAttempts; i++) {
      expect((await wrong()).json()).toMatchObject({ code: 'verification_invalid' });
    }
    const locked = await wrong();
    expect(locked.statusCode).toBe(403);
    expect(locked.json()).toMatchObject({ code: 'verification_locked' });

    h.clock.set('2026-11-25T10:00:00.000Z');
    await file({
      type: 'opt_out',
      email: 'late@example.com',
      country: 'US',
      region: 'VA',
      details: { channels: ['all'] },
    });
    const mail = await emailTo(h, 'late@example.com', /Confirm/);
    const link = linkFrom(mail.text ?? '', '/requests/verify');
    h.clock.advance((h.config.verification.ttlHours + 1) * 3600_000);
    const expired = await h.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${link.searchParams.get('ref')}/verification`,
      payload: { token: link.searchParams.get('token') },
    });
    expect(expired.statusCode).toBe(410);
    expect(expired.json()).toMatchObject({ code: 'verification_expired' });
  });
});

describe('unverified requests', () => {
  let h: ApiHarness;

  beforeAll(async () => {
    h = await startApi();
  });

  afterAll(async () => {
    await h.close();
  });

  const file = () =>
    h.app.inject({
      method: 'POST',
      url: '/api/v1/requests',
      payload: { type: 'access', email: 'never-confirms@example.com', country: 'DE' },
    });

  it('expire after the configured days, and the same request can then be filed afresh', async () => {
    h.clock.set('2026-11-25T10:00:00.000Z');
    const first = (await file()).json<{ reference: string }>().reference;
    const expiry = h.app.get(UnverifiedExpiryService);

    h.clock.set('2026-12-01T10:00:00.000Z'); // six days: not yet
    expect(await expiry.expireDue()).toBe(0);
    h.clock.set('2026-12-02T10:00:01.000Z'); // seven days and a second
    expect(await expiry.expireDue()).toBe(1);
    expect(await expiry.expireDue()).toBe(0);

    const rows = await h.app
      .get(DataSource)
      .query(
        `SELECT status, dedup_key, closed_at IS NOT NULL AS closed FROM privacy_request WHERE reference = $1`,
        [first],
      );
    expect(rows[0]).toEqual({ status: 'expired', dedup_key: null, closed: true });
    const actions = await h.app
      .get(DataSource)
      .query(
        `SELECT e.action, e.actor_type, e.to_status FROM audit_event e JOIN privacy_request r ON r.id = e.request_id WHERE r.reference = $1 ORDER BY e.id`,
        [first],
      );
    expect(actions).toEqual([
      { action: 'request_received', actor_type: 'requester', to_status: 'pending_verification' },
      { action: 'request_expired', actor_type: 'system', to_status: 'expired' },
    ]);

    const again = (await file()).json<{ reference: string }>().reference;
    expect(again).not.toBe(first);
    expect(await h.app.get(AuditTrail).verify()).toMatchObject({ ok: true, checked: 3 });
  });

  it('older than 24 hours but not yet expired: an identical request is filed as a new one', async () => {
    h.clock.set('2027-01-10T10:00:00.000Z');
    const payload = { type: 'erasure', email: 'asks-twice@example.com', country: 'DE' };
    const first = (await h.app.inject({ method: 'POST', url: '/api/v1/requests', payload })).json<{
      reference: string;
    }>().reference;
    h.clock.set('2027-01-11T10:00:01.000Z');
    const second = (await h.app.inject({ method: 'POST', url: '/api/v1/requests', payload })).json<{
      reference: string;
    }>().reference;
    expect(second).not.toBe(first);
    const rows = await h.app
      .get(DataSource)
      .query(
        `SELECT reference, status, dedup_key IS NULL AS cleared FROM privacy_request WHERE reference = ANY($1) ORDER BY received_at`,
        [[first, second]],
      );
    expect(rows).toEqual([
      { reference: first, status: 'pending_verification', cleared: true },
      { reference: second, status: 'pending_verification', cleared: false },
    ]);
  });

  it('re-sends the link for a repeat, at most once per resend interval', async () => {
    h.clock.set('2027-02-01T10:00:00.000Z');
    const payload = { type: 'access', email: 'lost-the-email@example.com', country: 'DE' };
    const post = async () =>
      (await h.app.inject({ method: 'POST', url: '/api/v1/requests', payload })).json<{ reference: string }>()
        .reference;
    const first = await post();
    h.clock.advance(60_000);
    expect(await post()).toBe(first); // within the interval: same request, no new email
    h.clock.advance(h.config.verification.resendIntervalSeconds * 1000);
    expect(await post()).toBe(first);
    const rows = await h.app.get(DataSource).query(
      `SELECT (SELECT count(*)::int FROM outbox_message o WHERE o.request_id = r.id) AS emails,
              (SELECT count(*)::int FROM verification_token t WHERE t.request_id = r.id) AS tokens,
              (SELECT array_agg(e.action ORDER BY e.id) FROM audit_event e WHERE e.request_id = r.id) AS actions
         FROM privacy_request r WHERE r.reference = $1`,
      [first],
    );
    expect(rows[0]).toEqual({ emails: 2, tokens: 2, actions: ['request_received', 'verification_resent'] });
  });
});
