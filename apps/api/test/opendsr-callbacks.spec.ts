import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AuditRepository, ExecutionRepository, PrivacyRequestRepository } from '@rightsdesk/data-access';
import { type OpenDsrProcessor, startOpenDsrProcessor } from '@rightsdesk/testing';
import { AuditTrail, ExecutionFinalizer, ExecutionReconciler, ExecutionService, SystemExecutor } from '@rightsdesk/workflow';
import { startApi, type ApiHarness } from './api-harness';
import { fileVerified, uniqueEnvName } from './execution-fixtures';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function openDsrDataMap(options: { processorUrl: string; certificateEnv: string }): string {
  return `version: 1
systems:
  ads:
    kind: opendsr
    title: Ad attribution
    connection:
      url: ${options.processorUrl}
      allowedDomains: [localhost]
      trustedCertificates: { env: ${options.certificateEnv} }
      timeoutMs: 2000
      callbackDeadlineHours: 1
      pollIntervalMinutes: 1
    collections:
      devices:
        fields:
          email: { category: contact.email }
  suppression:
    kind: suppression
    title: Suppression list
`;
}

// An OpenDSR processor that accepted our request reports back on the callback URL. Only an
// allow-listed domain whose certificate signed the exact bytes, for a system still waiting, changes
// anything; a lost callback is made up for by polling the status.
describe('POST /api/v1/opendsr/{system}/callbacks', () => {
  const certificateEnv = uniqueEnvName('OPENDSR_CERT');
  let h: ApiHarness;
  let processor: OpenDsrProcessor;
  let dir: string;

  beforeAll(async () => {
    processor = await startOpenDsrProcessor();
    dir = await mkdtemp(path.join(os.tmpdir(), 'rightsdesk-opendsr-'));
    const dataMapPath = path.join(dir, 'datamap.yaml');
    await writeFile(dataMapPath, openDsrDataMap({ processorUrl: processor.url, certificateEnv }));
    // Test-only trust in the processor's self-signed certificate (the spec wants a CA-issued one).
    process.env[certificateEnv] = processor.certificatePem;
    h = await startApi({ DATAMAP_PATH: dataMapPath, PACKAGE_DIR: path.join(dir, 'packages') });
  });

  afterAll(async () => {
    await h?.close();
    await processor?.stop();
    await rm(dir, { recursive: true, force: true });
    delete process.env[certificateEnv];
  });

  /** An approved erasure submitted to the processor: the ads system waits for its callback. */
  async function awaitingCallback(email: string): Promise<{ id: string; subjectRequestId: string; callbackPath: string }> {
    const { id } = await fileVerified(h, { type: 'erasure', email });
    await h.app.get(ExecutionService).approve(id, { type: 'officer', id: 'test-officer' });
    await h.app.get(ExecutionService).start(id);
    await h.app.get(SystemExecutor).execute({ requestId: id, systemKey: 'ads', run: 1 }, 1);
    const row = await h.app.get(ExecutionRepository).findSystem(id, 'ads');
    expect(row).toMatchObject({ status: 'awaiting_callback', providerReference: expect.stringMatching(UUID_V4) });
    const subjectRequestId = row!.providerReference!;
    const sent = processor.requests.get(subjectRequestId)?.body;
    expect(sent).toMatchObject({
      subject_request_type: 'erasure',
      regulation: 'gdpr',
      subject_identities: [{ identity_type: 'email', identity_value: email, identity_format: 'raw' }],
      status_callback_urls: [`${h.config.http.publicUrl}/api/v1/opendsr/ads/callbacks`],
    });
    return { id, subjectRequestId, callbackPath: new URL(sent!.status_callback_urls![0]).pathname };
  }

  const post = (url: string, body: string | Buffer, headers: Record<string, string>) => h.app.inject({ method: 'POST', url, payload: body, headers });
  const events = async (requestId: string) => (await h.app.get(AuditRepository).findByRequest(requestId)).map((e) => e.action);
  const system = (requestId: string) => h.app.get(ExecutionRepository).findSystem(requestId, 'ads');

  function expectError(response: Awaited<ReturnType<typeof post>>, status: number, code: string): void {
    expect({ status: response.statusCode, code: response.json<{ code: string }>().code }).toEqual({ status, code });
    expect(response.headers['content-type']).toContain('application/json');
  }

  it('records a signed completion once, certifies it, completes the request, and a replay changes nothing', async () => {
    const { id, subjectRequestId, callbackPath } = await awaitingCallback('opendsr-ok@example.com');
    const [callback] = processor.setStatus(subjectRequestId, 'completed');

    const first = await post(callbackPath, callback.body, callback.headers);
    expect(first.statusCode).toBe(202);
    expect(first.json()).toEqual({ received: true, outcome: 'recorded' });
    const done = await system(id);
    expect(done).toMatchObject({ status: 'done', errorCode: null });
    expect(done!.outcome).toEqual({ collections: [{ collection: 'devices', found: 0, changed: 0, actions: ['opendsr:erasure'] }] });
    const certificates = (await h.app.get(AuditRepository).findByRequest(id)).filter((e) => e.action === 'erasure_certificate');
    expect(certificates).toHaveLength(1);
    expect(certificates[0].data).toMatchObject({ system: 'ads', run: 1, protocol: 'opendsr-v2', subjectRequestId, confirmedBy: 'callback' });
    expect(JSON.stringify(certificates[0].data)).not.toContain('opendsr-ok@example.com');

    const auditBefore = (await events(id)).length;
    const again = await post(callbackPath, callback.body, callback.headers);
    expect(again.statusCode).toBe(202);
    expect(again.json()).toEqual({ received: true, outcome: 'duplicate' });
    expect(await system(id)).toEqual(done);
    expect((await events(id)).length).toBe(auditBefore);

    expect(await h.app.get(ExecutionFinalizer).finalize(id, 1)).toBe('completed');
    expect((await h.app.get(PrivacyRequestRepository).findById(id))?.status).toBe('completed');
    const late = await post(callbackPath, callback.body, callback.headers);
    expect(late.json()).toEqual({ received: true, outcome: 'duplicate' });
    expect((await events(id)).filter((a) => a === 'request_completed')).toHaveLength(1);
  });

  it('takes the signed bytes whatever the Content-Type, and the OpenGDPR header names', async () => {
    const { id, subjectRequestId, callbackPath } = await awaitingCallback('opendsr-text@example.com');
    const [callback] = processor.setStatus(subjectRequestId, 'in_progress');
    const asText = await post(callbackPath, callback.body, { ...callback.headers, 'content-type': 'text/plain' });
    expect(asText.statusCode).toBe(202);
    expect(asText.json()).toEqual({ received: true, outcome: 'in_progress' });
    expect(await system(id)).toMatchObject({ status: 'awaiting_callback' });

    const [completed] = processor.setStatus(subjectRequestId, 'completed');
    const response = await post(callbackPath, completed.body, {
      'x-opengdpr-processor-domain': 'localhost',
      'x-opengdpr-signature': processor.sign(completed.body),
    });
    expect(response.json()).toEqual({ received: true, outcome: 'recorded' });
    expect(await system(id)).toMatchObject({ status: 'done' });
  });

  it('records a cancellation by the processor as a failure an officer sees', async () => {
    const { id, subjectRequestId, callbackPath } = await awaitingCallback('opendsr-cancelled@example.com');
    const [callback] = processor.setStatus(subjectRequestId, 'cancelled');
    expect((await post(callbackPath, callback.body, callback.headers)).json()).toEqual({ received: true, outcome: 'recorded' });
    expect(await system(id)).toMatchObject({ status: 'failed', errorCode: 'processor_cancelled' });
    expect(await events(id)).not.toContain('erasure_certificate');
    expect(await h.app.get(ExecutionFinalizer).finalize(id, 1)).toBe('failed');
  });

  it('refuses a wrong signature with 403 and an unlisted domain with 401, before reading the body, and changes nothing', async () => {
    const { id, subjectRequestId, callbackPath } = await awaitingCallback('opendsr-forged@example.com');
    const [callback] = processor.setStatus(subjectRequestId, 'completed');
    const { 'x-opendsr-signature': _signature, ...unsigned } = callback.headers;
    const forbidden: Array<[string, string, Record<string, string>]> = [
      ['signed by another key', callback.body, { ...callback.headers, 'x-opendsr-signature': processor.sign(callback.body, true) }],
      ['no signature', callback.body, unsigned],
      ['body changed after signing', callback.body.replace('"completed"', '"cancelled"'), callback.headers],
      ['signature over other bytes', callback.body, { ...callback.headers, 'x-opendsr-signature': processor.sign(`${callback.body} `) }],
      ['a signature that is not base64', callback.body, { ...callback.headers, 'x-opendsr-signature': '!!!' }],
      ['not JSON, wrongly signed', '{"subject_request_id": ', callback.headers],
    ];
    for (const [name, body, headers] of forbidden) {
      const response = await post(callbackPath, body, headers);
      expect({ name, status: response.statusCode }).toEqual({ name, status: 403 });
      expectError(response, 403, 'forbidden');
    }
    const unauthorized: Array<[string, Record<string, string>]> = [
      ['a domain not allow-listed', { ...callback.headers, 'x-opendsr-processor-domain': 'evil.example' }],
      ['no domain', { 'content-type': 'application/json', 'x-opendsr-signature': processor.sign(callback.body) }],
      ['a look-alike domain', { ...callback.headers, 'x-opendsr-processor-domain': 'localhost.evil.example' }],
    ];
    for (const [name, headers] of unauthorized) {
      const response = await post(callbackPath, callback.body, headers);
      expect({ name, status: response.statusCode }).toEqual({ name, status: 401 });
      expectError(response, 401, 'unauthorized');
    }
    expect(await system(id)).toMatchObject({ status: 'awaiting_callback' });
    expect(await events(id)).not.toContain('erasure_certificate');
    // The genuine callback is still accepted afterwards.
    expect((await post(callbackPath, callback.body, callback.headers)).json()).toEqual({ received: true, outcome: 'recorded' });
  });

  it('answers 404 for a system that is not an opendsr system of the data map', async () => {
    const body = JSON.stringify({ subject_request_id: randomUUID(), request_status: 'completed' });
    for (const name of ['nope', 'suppression', 'ADS', 'ads2', 'x'.repeat(100)]) {
      expectError(await post(`/api/v1/opendsr/${name}/callbacks`, body, processor.callbackHeaders(body)), 404, 'not_found');
    }
  });

  it('answers 400 for a signed body that is not JSON and 422 for one that is not a callback for this receiver; the system keeps waiting', async () => {
    const { id, subjectRequestId, callbackPath } = await awaitingCallback('opendsr-malformed@example.com');
    for (const body of ['{"subject_request_id": ', 'not json at all', '', '\u0000']) {
      expectError(await post(callbackPath, body, processor.callbackHeaders(body)), 400, 'malformed_body');
    }
    const [good] = processor.setStatus(subjectRequestId, 'completed');
    const valid = JSON.parse(good.body) as Record<string, unknown>;
    const invalid: unknown[] = [
      { ...valid, request_status: 'done' },
      { ...valid, subject_request_id: subjectRequestId.toUpperCase() },
      { ...valid, subject_request_id: 'not-a-uuid' },
      { ...valid, expected_completion_time: 'tomorrow' },
      { ...valid, status_callback_url: 'https://someone-else.example/opendsr/callbacks' },
      { request_status: 'completed', subject_request_id: subjectRequestId },
      [subjectRequestId, 'completed'],
      'completed',
      null,
    ];
    for (const value of invalid) {
      const body = JSON.stringify(value);
      const response = await post(callbackPath, body, processor.callbackHeaders(body));
      expect({ body, status: response.statusCode }).toEqual({ body, status: 422 });
      expectError(response, 422, 'validation_failed');
    }
    expect(await system(id)).toMatchObject({ status: 'awaiting_callback' });
  });

  it('answers a signed callback for a request nobody is waiting for as a duplicate', async () => {
    const body = JSON.stringify({
      controller_id: 'c',
      expected_completion_time: '2026-12-01T00:00:00Z',
      status_callback_url: `${h.config.http.publicUrl}/api/v1/opendsr/ads/callbacks`,
      subject_request_id: randomUUID(),
      request_status: 'completed',
    });
    const response = await post('/api/v1/opendsr/ads/callbacks', body, processor.callbackHeaders(body));
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({ received: true, outcome: 'duplicate' });
  });

  it('completes the request by polling the status when the callback is lost', async () => {
    // The wait is counted from when the system started waiting, by the clock that recorded it.
    const start = Date.now();
    h.clock.set(new Date(start).toISOString());
    const { id, subjectRequestId } = await awaitingCallback('opendsr-lost@example.com');
    // The processor finishes but its callback never arrives.
    processor.setStatus(subjectRequestId, 'in_progress');
    // Waiting less than pollIntervalMinutes: nobody asks yet.
    h.clock.set(new Date(start + 10_000).toISOString());
    await h.app.get(ExecutionReconciler).reconcile();
    expect(processor.calls.filter((c) => c.method === 'GET' && c.path.endsWith(subjectRequestId))).toHaveLength(0);
    // After the interval the reconciler asks; in_progress changes nothing and is asked again later.
    h.clock.set(new Date(start + 2 * 60_000).toISOString());
    await h.app.get(ExecutionReconciler).reconcile();
    expect(processor.calls.filter((c) => c.method === 'GET' && c.path.endsWith(subjectRequestId))).toHaveLength(1);
    expect(await system(id)).toMatchObject({ status: 'awaiting_callback' });

    processor.setStatus(subjectRequestId, 'completed');
    h.clock.set(new Date(start + 4 * 60_000).toISOString());
    await h.app.get(ExecutionReconciler).reconcile();
    expect(await system(id)).toMatchObject({ status: 'done', errorCode: null });
    const certificate = (await h.app.get(AuditRepository).findByRequest(id)).find((e) => e.action === 'erasure_certificate');
    expect(certificate?.data).toMatchObject({ system: 'ads', subjectRequestId, confirmedBy: 'status_poll' });
    expect(await h.app.get(ExecutionFinalizer).finalize(id, 1)).toBe('completed');
    expect((await h.app.get(PrivacyRequestRepository).findById(id))?.status).toBe('completed');
  });

  it('leaves an audit chain that verifies', async () => {
    expect(await h.app.get(AuditTrail).verify()).toMatchObject({ ok: true });
  });
});
