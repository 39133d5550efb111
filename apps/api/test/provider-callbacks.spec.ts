import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { verifyWebhookSignature } from '@rightsdesk/connectors';
import { AuditRepository, ExecutionRepository, PrivacyRequestRepository } from '@rightsdesk/data-access';
import { startTestProvider, type TestProvider } from '@rightsdesk/testing';
import { AuditTrail, ExecutionFinalizer, ExecutionService, SystemExecutor } from '@rightsdesk/workflow';
import { startApi, type ApiHarness } from './api-harness';
import { fileVerified, providerDataMap, signedHeaders, uniqueEnvName } from './execution-fixtures';

// A provider that accepted our webhook with 202 answers later on the callback URL. Only a body
// signed with the system's secret, fresh, for a system that is waiting, changes anything.
describe('POST /api/v1/providers/{system}/callbacks', () => {
  const secret = 'provider-callback-secret-0123456789abcdef';
  const secretEnv = uniqueEnvName('PROVIDER_SECRET');
  let h: ApiHarness;
  let provider: TestProvider;
  let dir: string;

  beforeAll(async () => {
    provider = await startTestProvider((call) => verifyWebhookSignature({ secret, ...call, now: new Date() }).ok);
    provider.mode = 'accept';
    dir = await mkdtemp(path.join(os.tmpdir(), 'rightsdesk-callbacks-'));
    const dataMapPath = path.join(dir, 'datamap.yaml');
    await writeFile(dataMapPath, providerDataMap({ providerUrl: provider.url, secretEnv }));
    // The data map names the variable; the api reads the secret from its own environment.
    process.env[secretEnv] = secret;
    h = await startApi({ DATAMAP_PATH: dataMapPath, PACKAGE_DIR: path.join(dir, 'packages') });
  });

  afterAll(async () => {
    await h?.close();
    await provider?.stop();
    await rm(dir, { recursive: true, force: true });
    delete process.env[secretEnv];
  });

  /** An approved erasure whose provider answered 202: the mailer system waits for its callback. */
  async function awaitingCallback(email: string): Promise<{ id: string; callbackPath: string }> {
    const { id } = await fileVerified(h, { type: 'erasure', email });
    await h.app.get(ExecutionService).approve(id, { type: 'officer', id: 'test-officer' });
    await h.app.get(ExecutionService).start(id);
    await h.app.get(SystemExecutor).execute({ requestId: id, systemKey: 'mailer', run: 1 }, 1);
    const row = await h.app.get(ExecutionRepository).findSystem(id, 'mailer');
    expect(row).toMatchObject({
      status: 'awaiting_callback',
      providerReference: expect.stringMatching(/^prov-\d+$/),
    });
    const call = provider.calls.find((c) => c.request_id === id);
    expect(call).toMatchObject({
      system_key: 'mailer',
      callback_url: expect.stringMatching(/\/api\/v1\/providers\/mailer\/callbacks$/),
    });
    return { id, callbackPath: new URL(call!.callback_url!).pathname };
  }

  const post = (url: string, body: string, headers: Record<string, string>) =>
    h.app.inject({ method: 'POST', url, payload: body, headers });
  const events = async (requestId: string) =>
    (await h.app.get(AuditRepository).findByRequest(requestId)).map((e) => e.action);
  const system = (requestId: string) => h.app.get(ExecutionRepository).findSystem(requestId, 'mailer');

  function expectError(response: Awaited<ReturnType<typeof post>>, status: number, code: string): void {
    expect({ status: response.statusCode, code: response.json<{ code: string }>().code }).toEqual({
      status,
      code,
    });
    expect(response.headers['content-type']).toContain('application/json');
    expect(response.headers['cache-control']).toBe('no-store');
  }

  it('records a signed completion once, certifies it, and a repeat changes nothing', async () => {
    const { id, callbackPath } = await awaitingCallback('callback-ok@example.com');
    // Odd spacing, key order and non-ASCII text: the signature covers these exact bytes, so a
    // receiver that re-serialized the JSON before checking would refuse it.
    const body = `{ "status":"completed",  "request_id": "${id}", "system_key":"mailer",
      "collections": [ { "changed": 2, "found": 2, "collection": "contacts" } ], "note": "Grüße 👋" }`;
    const headers = signedHeaders(secret, h.clock.now(), body);

    const first = await post(callbackPath, body, headers);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ received: true, outcome: 'recorded' });
    const done = await system(id);
    expect(done).toMatchObject({ status: 'done', errorCode: null });
    expect(done!.outcome).toEqual({
      collections: [{ collection: 'contacts', found: 2, changed: 2, actions: ['provider'] }],
    });
    const certificates = (await h.app.get(AuditRepository).findByRequest(id)).filter(
      (e) => e.action === 'erasure_certificate',
    );
    expect(certificates).toHaveLength(1);
    expect(certificates[0].data).toMatchObject({
      system: 'mailer',
      run: 1,
      collections: [{ collection: 'contacts', found: 2, changed: 2 }],
    });
    expect(JSON.stringify(certificates[0].data)).not.toContain('callback-ok@example.com');

    const auditBefore = (await events(id)).length;
    const again = await post(callbackPath, body, headers);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ received: true, outcome: 'duplicate' });
    expect(await system(id)).toEqual(done);
    expect((await events(id)).length).toBe(auditBefore);

    // With every system recorded, the request completes (the worker's finalize job does this).
    expect(await h.app.get(ExecutionFinalizer).finalize(id, 1)).toBe('completed');
    expect((await h.app.get(PrivacyRequestRepository).findById(id))?.status).toBe('completed');
    expect((await events(id)).filter((a) => a === 'request_completed')).toHaveLength(1);
    // A callback arriving after completion is still only a duplicate.
    const late = await post(callbackPath, body, signedHeaders(secret, h.clock.now(), body));
    expect(late.json()).toEqual({ received: true, outcome: 'duplicate' });
  });

  it('records a failure reported by the provider and the request fails with it', async () => {
    const { id, callbackPath } = await awaitingCallback('callback-failed@example.com');
    const body = JSON.stringify({ request_id: id, status: 'failed', reason: 'account locked' });
    const response = await post(callbackPath, body, signedHeaders(secret, h.clock.now(), body));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ received: true, outcome: 'recorded' });
    expect(await system(id)).toMatchObject({ status: 'failed', errorCode: 'provider_reported_failure' });
    const failed = (await h.app.get(AuditRepository).findByRequest(id)).filter(
      (e) => e.action === 'system_failed',
    );
    expect(failed.map((e) => e.data)).toEqual([
      expect.objectContaining({ system: 'mailer', errorCode: 'provider_reported_failure' }),
    ]);
    // The provider's words may hold personal data: they are not copied into the audit trail.
    expect(JSON.stringify(failed[0].data)).not.toContain('account locked');
    expect(await events(id)).not.toContain('erasure_certificate');

    expect(await h.app.get(ExecutionFinalizer).finalize(id, 1)).toBe('failed');
    expect((await h.app.get(PrivacyRequestRepository).findById(id))?.status).toBe('failed');
  });

  it('refuses a missing, malformed, wrong, stale or replayed signature with 401 and changes nothing', async () => {
    const { id, callbackPath } = await awaitingCallback('callback-unsigned@example.com');
    const body = JSON.stringify({ request_id: id, status: 'completed', collections: [] });
    const now = h.clock.now();
    const good = signedHeaders(secret, now, body);
    const { 'rightsdesk-signature': _signature, ...noSignature } = good;
    const { 'rightsdesk-timestamp': _timestamp, ...noTimestamp } = good;
    const attempts: Array<[string, string, Record<string, string>]> = [
      ['no signature headers', body, { 'content-type': 'application/json' }],
      ['no signature', body, noSignature],
      ['no timestamp', body, noTimestamp],
      ['signed with another secret', body, signedHeaders('not-the-secret', now, body)],
      ['signed over other bytes', body, signedHeaders(secret, now, `${body} `)],
      ['body changed after signing', body.replace('"completed"', '"failed"'), good],
      ['more than five minutes old', body, signedHeaders(secret, new Date(now.getTime() - 301_000), body)],
      ['more than five minutes ahead', body, signedHeaders(secret, new Date(now.getTime() + 301_000), body)],
      [
        'signature for another timestamp',
        body,
        { ...good, 'rightsdesk-timestamp': String(Number(good['rightsdesk-timestamp']) + 1) },
      ],
      ['a timestamp that is not a number', body, { ...good, 'rightsdesk-timestamp': 'yesterday' }],
      [
        'a signature in another scheme',
        body,
        { ...good, 'rightsdesk-signature': good['rightsdesk-signature'].replace('v1=', 'v0=') },
      ],
      [
        'a truncated signature',
        body,
        { ...good, 'rightsdesk-signature': good['rightsdesk-signature'].slice(0, -2) },
      ],
    ];
    for (const [name, payload, headers] of attempts) {
      const response = await post(callbackPath, payload, headers);
      expect({ name, status: response.statusCode }).toEqual({ name, status: 401 });
      expectError(response, 401, 'unauthorized');
    }
    expect(await system(id)).toMatchObject({ status: 'awaiting_callback' });
    expect(await events(id)).not.toContain('erasure_certificate');
    // The same body, properly signed, is still accepted afterwards.
    expect((await post(callbackPath, body, good)).json()).toEqual({ received: true, outcome: 'recorded' });
  });

  it('answers 404 for a system that is not a webhook provider of the data map', async () => {
    const body = JSON.stringify({ request_id: randomUUID(), status: 'completed', collections: [] });
    for (const name of ['nope', 'suppression', 'mailer2', 'MAILER', 'x'.repeat(100)]) {
      const response = await post(
        `/api/v1/providers/${name}/callbacks`,
        body,
        signedHeaders(secret, h.clock.now(), body),
      );
      expectError(response, 404, 'not_found');
    }
  });

  it('answers 400 for a body that is not JSON and 422 for one that breaks the schema; the system keeps waiting', async () => {
    const { id, callbackPath } = await awaitingCallback('callback-malformed@example.com');
    for (const body of ['{"request_id": ', 'not json at all', '']) {
      const response = await post(callbackPath, body, signedHeaders(secret, h.clock.now(), body));
      expectError(response, 400, 'malformed_body');
    }
    const invalid = [
      { request_id: id, status: 'done', collections: [] },
      { request_id: id },
      { status: 'completed', collections: [] },
      {
        request_id: id,
        status: 'completed',
        collections: [{ collection: 'contacts', found: -1, changed: 0 }],
      },
      { request_id: id, status: 'completed', collections: 'contacts' },
      { request_id: '', status: 'completed' },
      [id, 'completed'],
      'completed',
      null,
    ];
    for (const value of invalid) {
      const body = JSON.stringify(value);
      const response = await post(callbackPath, body, signedHeaders(secret, h.clock.now(), body));
      expect({ body, status: response.statusCode }).toEqual({ body, status: 422 });
      expectError(response, 422, 'validation_failed');
    }
    expect(await system(id)).toMatchObject({ status: 'awaiting_callback' });
  });

  it('answers a signed callback for a request nobody is waiting for as a duplicate, without telling whether it exists', async () => {
    const { id: pending } = await fileVerified(h, {
      type: 'erasure',
      email: 'callback-not-approved@example.com',
    });
    for (const requestId of [
      randomUUID(),
      pending,
      'not-a-uuid',
      'RD-0000-0000-0000-0000',
      `${randomUUID()}'--`,
    ]) {
      const body = JSON.stringify({ request_id: requestId, status: 'completed', collections: [] });
      const response = await post(
        '/api/v1/providers/mailer/callbacks',
        body,
        signedHeaders(secret, h.clock.now(), body),
      );
      expect({ requestId, status: response.statusCode }).toEqual({ requestId, status: 200 });
      expect(response.json()).toEqual({ received: true, outcome: 'duplicate' });
    }
    expect((await h.app.get(PrivacyRequestRepository).findById(pending))?.status).toBe('awaiting_review');
  });

  it('leaves an audit chain that verifies', async () => {
    expect(await h.app.get(AuditTrail).verify()).toMatchObject({ ok: true });
  });
});
