import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { verifyWebhookSignature } from '@rightsdesk/connectors';
import type { IntakeInput } from '@rightsdesk/domain';
import { startTestProvider, type TestProvider } from '@rightsdesk/testing';
import { ApiKeyService, AuditTrail, ExecutionFinalizer, ExecutionService, GpcSignals, IntakeService, KeyedHash, SystemExecutor } from '@rightsdesk/workflow';
import { type ApiHarness, deliverOutbox, emailTo, linkFrom, startApi } from './api-harness';
import { anAddress, aVerifiedRequest, statusTokenOf } from './clock-actions-fixtures';
import { anOfficer, signIn } from './console-harness';
import { providerDataMap, uniqueEnvName } from './execution-fixtures';

const sha256 = (email: string): Buffer => createHash('sha256').update(email.trim().toLowerCase()).digest();

// Global Privacy Control (11 CCR §7025): `Sec-GPC: 1` from a person we can identify is their
// opt-out of sale and sharing — recorded once, without verification, never withdrawn.
describe('Global Privacy Control and the sale/sharing opt-out', () => {
  const secret = 'gpc-provider-secret-0123456789abcdef';
  const secretEnv = uniqueEnvName('GPC_PROVIDER_SECRET');
  let h: ApiHarness;
  let provider: TestProvider;
  let dir: string;

  beforeAll(async () => {
    provider = await startTestProvider((call) => verifyWebhookSignature({ secret, ...call, now: new Date() }).ok);
    dir = await mkdtemp(path.join(os.tmpdir(), 'rightsdesk-gpc-'));
    const dataMapPath = path.join(dir, 'datamap.yaml');
    await writeFile(dataMapPath, providerDataMap({ providerUrl: provider.url, secretEnv }));
    process.env[secretEnv] = secret;
    h = await startApi({ LOG_LEVEL: process.env.RD_TEST_LOG_LEVEL ?? 'silent', DATAMAP_PATH: dataMapPath, PACKAGE_DIR: path.join(dir, 'packages') });
  });

  afterAll(async () => {
    await h?.close();
    await provider?.stop();
    await rm(dir, { recursive: true, force: true });
    delete process.env[secretEnv];
  });

  const db = () => h.app.get(DataSource);

  /** The GPC opt-outs filed for this person. */
  const gpcFilings = (email: string) =>
    db().query<Array<{ id: string; status: string; type: string; regime: string; verified_at: Date | null }>>(
      `SELECT id, status, type, regime, verified_at FROM privacy_request WHERE channel = 'gpc' AND email_lookup = $1`,
      [h.app.get(KeyedHash).email(email)],
    );

  const lists = async (email: string): Promise<string[]> =>
    (await db().query<Array<{ list: string }>>(`SELECT list FROM suppression_entry WHERE email_sha256 = $1 ORDER BY list`, [sha256(email)])).map((row) => row.list);

  /** What the worker does for an approved request: start, every system, finalize. */
  async function execute(id: string): Promise<void> {
    await h.app.get(ExecutionService).start(id);
    const systems = await db().query<Array<{ system_key: string; run: number }>>(`SELECT system_key, run FROM system_execution WHERE request_id = $1`, [id]);
    for (const system of systems) {
      await h.app.get(SystemExecutor).execute({ requestId: id, systemKey: system.system_key, run: system.run }, 1);
    }
    await h.app.get(ExecutionFinalizer).finalize(id, systems[0]?.run ?? 1);
  }

  /** A verified request of a Californian with the status token from its email. */
  async function identified(label: string, input: Partial<IntakeInput> = {}): Promise<{ email: string; reference: string; token: string; id: string }> {
    const filed = await aVerifiedRequest(h, { type: 'access', email: anAddress(label), country: 'US', region: 'CA', ...input } as IntakeInput);
    const token = statusTokenOf(await emailTo(h, filed.email, /working on/));
    return { ...filed, token };
  }

  const status = (reference: string, token: string, gpc?: string) =>
    h.app.inject({
      method: 'GET',
      url: `/api/v1/requests/${reference}`,
      headers: { 'x-status-token': token, ...(gpc === undefined ? {} : { 'sec-gpc': gpc }) },
    });

  it('serves /.well-known/gpc.json: public, cacheable JSON', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/.well-known/gpc.json' });

    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers['cache-control']).toBe('public, max-age=86400');
    expect(response.json()).toEqual({ gpc: true, lastUpdate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  });

  it('records Sec-GPC: 1 on the status page as one approved opt-out of sale/sharing, which execution puts on that list only', async () => {
    const person = await identified('gpc-status');

    const response = await status(person.reference, person.token, '1');

    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ reference: person.reference, gpc: { honouredAt: h.clock.now().toISOString() } });
    const [filing, ...more] = await gpcFilings(person.email);
    expect(more).toEqual([]);
    expect(filing).toMatchObject({ type: 'opt_out', status: 'approved', regime: 'ccpa', verified_at: h.clock.now() });
    const events = await db().query<Array<{ action: string; actor_type: string; actor_id: string; to_status: string; data: Record<string, unknown> }>>(
      `SELECT action, actor_type, actor_id, to_status, data FROM audit_event WHERE request_id = $1 AND action IN ('request_received', 'gpc_signal_honoured') ORDER BY id`,
      [filing.id],
    );
    expect(events.map((e) => [e.action, e.actor_type, e.actor_id, e.to_status])).toEqual([
      ['request_received', 'system', 'gpc', 'awaiting_review'],
      ['gpc_signal_honoured', 'system', 'gpc', 'approved'],
    ]);
    expect(events[1].data).toEqual({ source: 'status_page', channels: ['sale_sharing'], identifiedBy: person.id });
    // No confirmation link and no "we received it": the completion email is the only one.
    await deliverOutbox(h);
    expect(await db().query(`SELECT template FROM outbox_message WHERE request_id = $1`, [filing.id])).toEqual([]);

    await execute(filing.id);

    expect(await lists(person.email)).toEqual(['sale_sharing']);
    const call = provider.calls.find((c) => c.request_id === filing.id) as unknown as { type: string; opt_out_channels: string[] };
    expect(call).toMatchObject({ type: 'opt_out', opt_out_channels: ['sale_sharing'] });
    const [closed] = await db().query<Array<{ status: string }>>(`SELECT status FROM privacy_request WHERE id = $1`, [filing.id]);
    expect(closed.status).toBe('completed');
    // One email in all: the completion, which says sale and sharing stopped.
    expect(await db().query(`SELECT template FROM outbox_message WHERE request_id = $1`, [filing.id])).toEqual([{ template: 'request_completed' }]);
    const mailer = await h.app.get(ApiKeyService).issue('ad-tech', ['suppressions:read']);
    const lookup = await h.app.inject({ method: 'GET', url: `/api/v1/suppressions/${sha256(person.email).toString('hex')}`, headers: { authorization: `Bearer ${mailer.key}` } });
    expect(lookup.json()).toEqual({ suppressed: false, since: null, saleSharing: { optedOut: true, since: expect.any(String) } });
    expect(await h.app.get(AuditTrail).verify()).toMatchObject({ ok: true });
  });

  it('files one opt-out per person, however often and however concurrently the signal arrives, and never withdraws it', async () => {
    const person = await identified('gpc-repeat');
    const answers = await Promise.all([
      status(person.reference, person.token, '1'),
      status(person.reference, person.token, '1'),
      status(person.reference, person.token, '1'),
      h.app.get(GpcSignals).honourForReference(person.reference, 'status_page'),
      h.app.get(GpcSignals).honourForPerson({ email: person.email.toUpperCase() }, 'test-key'),
    ]);
    expect(answers.slice(0, 3).map((a) => (a as { statusCode: number }).statusCode)).toEqual([200, 200, 200]);
    h.clock.advance(60_000);
    expect((await status(person.reference, person.token, '1')).statusCode).toBe(200);
    expect(await gpcFilings(person.email)).toHaveLength(1);

    // Without the signal, or with 0, the opt-out stands and the page still says so.
    for (const header of [undefined, '0']) {
      const later = await status(person.reference, person.token, header);
      expect(later.json()).toMatchObject({ gpc: { honouredAt: expect.any(String) } });
    }
    expect(await gpcFilings(person.email)).toHaveLength(1);
    expect((await db().query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM gpc_signal WHERE email_lookup = $1`, [h.app.get(KeyedHash).email(person.email)]))[0].n).toBe(1);
  });

  it('does not let an officer cancel a GPC opt-out: the signal is recorded once and must be honoured', async () => {
    const person = await identified('gpc-cancel');
    await status(person.reference, person.token, '1');
    const [filing] = await gpcFilings(person.email);
    const officer = await signIn(h, await anOfficer(h, 'officer'));
    const cancel = await officer.post(`/api/v1/console/requests/${filing.id}/cancel`, { notifyRequester: false });
    expect([cancel.statusCode, cancel.json<{ code: string }>().code]).toEqual([409, 'illegal_transition']);
    expect((await gpcFilings(person.email))[0].status).toBe('approved');
  });

  it.each([['0'], ['true'], ['1, 1'], [''], [' 1'], ['yes'], [undefined]])('records nothing for Sec-GPC: %p', async (header) => {
    const person = await identified('gpc-not-signal');

    const response = await status(person.reference, person.token, header);

    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ gpc: null });
    expect(await gpcFilings(person.email)).toEqual([]);
  });

  it('records nothing for a call that does not prove who is asking, and answers it exactly as without the signal', async () => {
    const person = await identified('gpc-unidentified');
    const before = (await db().query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM gpc_signal`))[0].n;

    for (const token of ['', 'wrong-token', `${person.token}x`]) {
      const withSignal = await status(person.reference, token, '1');
      const without = await status(person.reference, token);
      expect(withSignal.statusCode).toBe(404);
      expect({ ...withSignal.json(), requestId: null }).toEqual({ ...without.json(), requestId: null });
    }
    const unknown = await status('RD-AAAA-BBBB-CCCC-DDDD', person.token, '1');
    expect(unknown.statusCode).toBe(404);
    const verification = await h.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${person.reference}/verification`,
      headers: { 'content-type': 'application/json', 'sec-gpc': '1' },
      payload: JSON.stringify({ token: 'not-the-token' }),
    });
    expect(verification.statusCode).toBe(400);
    const download = await h.app.inject({
      method: 'POST',
      url: '/api/v1/access-packages/lookup',
      headers: { 'content-type': 'application/json', 'sec-gpc': '1' },
      payload: JSON.stringify({ token: 'not-a-package-token' }),
    });
    expect(download.statusCode).toBe(410);

    expect(await gpcFilings(person.email)).toEqual([]);
    expect((await db().query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM gpc_signal`))[0].n).toBe(before);
  });

  it('records the signal on the confirmation link, with the country of the request confirmed', async () => {
    const email = anAddress('gpc-verify');
    const { reference } = await h.app.get(IntakeService).file({ type: 'access', email, country: 'DE', language: 'de' });
    await deliverOutbox(h);
    const mail = await h.sink.waitForMessage((m) => (m.text ?? '').includes(reference) && (m.text ?? '').includes('/requests/verify'));
    const token = linkFrom(mail.text ?? '', '/requests/verify').searchParams.get('token');

    const response = await h.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${reference}/verification`,
      headers: { 'content-type': 'application/json', 'sec-gpc': '1' },
      payload: JSON.stringify({ token }),
    });

    expect(response.statusCode).toBe(200);
    expect(await gpcFilings(email)).toEqual([expect.objectContaining({ regime: 'gdpr', status: 'approved' })]);
  });

  it("records the signal the company's app forwards with a verified request", async () => {
    const filer = await h.app.get(ApiKeyService).issue('shop app', ['requests:create']);
    const email = anAddress('gpc-app');

    const response = await h.app.inject({
      method: 'POST',
      url: '/api/v1/requests/verified',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${filer.key}`, 'sec-gpc': '1' },
      payload: JSON.stringify({ type: 'access', email, country: 'US', region: 'CA' }),
    });

    expect(response.statusCode).toBe(202);
    expect(await gpcFilings(email)).toEqual([expect.objectContaining({ regime: 'ccpa' })]);
  });

  describe('POST /api/v1/gpc-signals', () => {
    const forward = (authorization: string, body: unknown, gpc?: string) =>
      h.app.inject({
        method: 'POST',
        url: '/api/v1/gpc-signals',
        headers: { 'content-type': 'application/json', authorization, ...(gpc === undefined ? {} : { 'sec-gpc': gpc }) },
        payload: JSON.stringify(body),
      });

    it('records a signed-in user’s signal once, with the fallback regime when the country is unknown', async () => {
      const website = await h.app.get(ApiKeyService).issue('website', ['gpc-signals:create']);
      const email = anAddress('gpc-website');

      const first = await forward(`Bearer ${website.key}`, { email }, '1');
      const second = await forward(`Bearer ${website.key}`, { email: ` ${email.toUpperCase()} ` }, '1');

      expect(first.statusCode).toBe(200);
      expect(first.json()).toEqual({ recorded: true, honouredAt: h.clock.now().toISOString() });
      expect(second.json()).toEqual({ recorded: false, honouredAt: h.clock.now().toISOString() });
      expect(await gpcFilings(email)).toEqual([expect.objectContaining({ regime: h.config.regimeFallback })]);
    });

    it('refuses without the header, with a bad body, and with a key of another scope', async () => {
      const website = await h.app.get(ApiKeyService).issue('website 2', ['gpc-signals:create']);
      const filer = await h.app.get(ApiKeyService).issue('app 2', ['requests:create']);
      const email = anAddress('gpc-refused');

      for (const header of [undefined, '0', 'true', '1, 1']) {
        const response = await forward(`Bearer ${website.key}`, { email }, header);
        expect(response.statusCode).toBe(422);
        expect(response.json()).toMatchObject({ code: 'validation_failed', fieldErrors: [expect.objectContaining({ path: 'Sec-GPC' })] });
      }
      for (const body of [{}, { email: 'nope' }, { email, country: 'USA' }, { email, extra: 1 }, { email, country: 'US', region: 'DE-BY' }]) {
        const response = await forward(`Bearer ${website.key}`, body, '1');
        expect({ body, status: response.statusCode }).toEqual({ body, status: 422 });
        expect(response.json()).toMatchObject({ code: 'validation_failed' });
      }
      expect((await forward(`Bearer ${filer.key}`, { email }, '1')).statusCode).toBe(401);
      expect(await gpcFilings(email)).toEqual([]);
    });
  });

  describe('opt-out channels', () => {
    it('takes a sale/sharing-only opt-out from the privacy center without a confirmation link (11 CCR §7026(d))', async () => {
      const email = anAddress('portal-sale-opt-out');
      const file = (channels: string[]) =>
        h.app.inject({ method: 'POST', url: '/api/v1/requests', payload: { type: 'opt_out', email, country: 'US', region: 'CA', language: 'en', details: { channels } } });

      const response = await file(['sale_sharing']);
      expect([response.statusCode, response.json<{ status: string }>().status]).toEqual([202, 'approved']);
      const { reference } = response.json<{ reference: string }>();
      const [row] = await db().query<Array<{ id: string; status: string; verified_at: Date | null }>>(`SELECT id, status, verified_at FROM privacy_request WHERE reference = $1`, [reference]);
      expect(row).toMatchObject({ status: 'approved', verified_at: expect.any(Date) });
      const events = await db().query<Array<{ action: string; actor_type: string }>>(`SELECT action, actor_type FROM audit_event WHERE request_id = $1 ORDER BY id`, [row.id]);
      expect(events).toEqual([
        { action: 'request_received', actor_type: 'requester' },
        { action: 'request_approved', actor_type: 'system' },
      ]);
      // The email is the status link, not a confirmation link.
      await deliverOutbox(h);
      const mail = await emailTo(h, email, /working on/);
      expect(statusTokenOf(mail)).toEqual(expect.any(String));
      expect(mail.text).not.toContain('/requests/verify');

      await execute(row.id);
      expect(await lists(email)).toEqual(['sale_sharing']);

      // With a marketing channel too, the address is confirmed first as for any other request.
      const mixed = await file(['email', 'sale_sharing']);
      expect([mixed.statusCode, mixed.json<{ status: string }>().status]).toEqual([202, 'pending_verification']);
    });

    it.each([
      [['sale_sharing'], ['sale_sharing']],
      [['email'], ['marketing']],
      [['all'], ['marketing', 'sale_sharing']],
    ])('an opt-out of %p lands on %p', async (channels, expected) => {
      const filed = await aVerifiedRequest(h, { type: 'opt_out', country: 'US', region: 'CA', details: { channels } } as IntakeInput);
      await h.app.get(ExecutionService).approve(filed.id, { type: 'officer', id: 'test-officer' });

      await execute(filed.id);

      expect(await lists(filed.email)).toEqual(expected);
      const call = provider.calls.find((c) => c.request_id === filed.id) as unknown as { opt_out_channels: string[] };
      expect(call.opt_out_channels).toEqual(channels);
    });
  });
});
