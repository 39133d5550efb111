import { createHash } from 'node:crypto';
import { emptyIdentities, type Subject } from '../../src/connector';
import { createConnector } from '../../src/create-connector';
import { type OpenDsrSystem } from '../../src/datamap/datamap.types';
import { OpenDsrConnector } from '../../src/opendsr/opendsr.connector';
import { type OpenDsrProcessor, startOpenDsrProcessor } from '@rightsdesk/testing';
import { parseOpenDsrSystem } from './opendsr-datamap';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const CALLBACK_URL = 'https://privacy.example.com/api/v1/opendsr/ads/callbacks';

function subject(email = 'ada@example.com'): Subject {
  return { identities: { ...emptyIdentities(), email: [email] }, keys: {} };
}

function context(requestId: string, run = 1) {
  return { requestId, requestType: 'erasure' as const, hashSalt: Buffer.from('salt-for-tests'), callbackUrl: CALLBACK_URL, run };
}

const sink = { write: () => Promise.resolve() };

// The connector against a real (loopback) processor: real HTTP, real certificate, real signatures.
describe('OpenDsrConnector', () => {
  let v2: OpenDsrProcessor;
  let v1: OpenDsrProcessor;
  const env: Record<string, string> = {};

  beforeAll(async () => {
    [v2, v1] = await Promise.all([startOpenDsrProcessor(), startOpenDsrProcessor({ version: 1 })]);
    env.V2_CERT = v2.certificatePem;
    env.V1_CERT = v1.certificatePem;
    env.ADS_TOKEN = 'test-token-123';
  });

  afterAll(async () => {
    await Promise.all([v2?.stop(), v1?.stop()]);
  });

  function connectorFor(processor: OpenDsrProcessor, extra = '', connection = ''): OpenDsrConnector {
    const system: OpenDsrSystem = parseOpenDsrSystem(
      `url: ${processor.url}
       version: ${processor.version}
       allowedDomains: [${processor.domain}]
       trustedCertificates: { env: ${processor.version === 2 ? 'V2_CERT' : 'V1_CERT'} }
       timeoutMs: 2000
       ${connection}`,
      extra,
    );
    const connector = createConnector(system, { env });
    if (!(connector instanceof OpenDsrConnector)) {
      throw new Error('createConnector did not build an OpenDsrConnector');
    }
    return connector;
  }

  it('sends a v2 erasure with the fields of spec 7.1.1 and waits for the processor under its subject_request_id', async () => {
    const sut = connectorFor(v2, '    extensions:\n      localhost: { property_id: "123456" }', 'token: { env: ADS_TOKEN }');
    const result = await sut.erase(subject(), context('11111111-1111-4111-8111-111111111111'));
    expect(result).toEqual({ state: 'pending', providerReference: expect.stringMatching(UUID_V4) });
    const id = (result as { providerReference: string }).providerReference;
    expect(v2.requests.get(id)?.body).toEqual({
      subject_request_id: id,
      subject_request_type: 'erasure',
      regulation: 'gdpr',
      submitted_time: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
      subject_identities: [{ identity_type: 'email', identity_value: 'ada@example.com', identity_format: 'raw' }],
      api_version: '2.0',
      status_callback_urls: [CALLBACK_URL],
      extensions: { localhost: { property_id: '123456' } },
    });
    expect(v2.calls.filter((c) => c.path === '/v2/requests').at(-1)).toEqual({ method: 'POST', path: '/v2/requests', authorization: 'Bearer test-token-123' });
    expect(sut.subjectRequestId(context('11111111-1111-4111-8111-111111111111'))).toBe(id);
  });

  it('sends the same subject_request_id again on a retry of the run (409 is still pending) and a new one for a new run', async () => {
    const sut = connectorFor(v2);
    const first = await sut.erase(subject(), context('22222222-2222-4222-8222-222222222222'));
    const again = await sut.erase(subject(), context('22222222-2222-4222-8222-222222222222'));
    const nextRun = await sut.erase(subject(), context('22222222-2222-4222-8222-222222222222', 2));
    expect(again).toEqual(first);
    expect(nextRun).not.toEqual(first);
    expect(nextRun).toMatchObject({ state: 'pending' });
  });

  it('reads discovery once and reuses it (and the certificate) for later requests', async () => {
    const processor = await startOpenDsrProcessor();
    env.FRESH_CERT = processor.certificatePem;
    try {
      const system = parseOpenDsrSystem(`url: ${processor.url}\nallowedDomains: [localhost]\ntrustedCertificates: { env: FRESH_CERT }`);
      const sut = createConnector(system, { env }) as OpenDsrConnector;
      await sut.erase(subject('a@example.com'), context('33333333-3333-4333-8333-333333333333'));
      await sut.erase(subject('b@example.com'), context('44444444-4444-4444-8444-444444444444'));
      expect(processor.calls.map((c) => `${c.method} ${c.path}`)).toEqual(['GET /v2/discovery', 'GET /cert.pem', 'POST /v2/requests', 'POST /v2/requests']);
    } finally {
      await processor.stop();
    }
  });

  it('speaks OpenGDPR v1: /v1/opengdpr_requests, X-OpenGDPR headers, no regulation', async () => {
    const sut = connectorFor(v1);
    const result = await sut.erase(subject(), context('55555555-5555-4555-8555-555555555555'));
    const id = (result as { providerReference: string }).providerReference;
    expect(v1.requests.get(id)?.body).toMatchObject({ subject_request_type: 'erasure', api_version: '1.0' });
    expect(v1.requests.get(id)?.body).not.toHaveProperty('regulation');
    expect(v1.calls.map((c) => c.path)).toContain('/v1/opengdpr_requests');
    expect(await sut.status(id)).toBe('pending');
    v1.setStatus(id, 'completed');
    expect(await sut.status(id)).toBe('completed');
  });

  it('asks for the status and cancels per spec 8 and 9', async () => {
    const sut = connectorFor(v2);
    const id = ((await sut.erase(subject(), context('66666666-6666-4666-8666-666666666666'))) as { providerReference: string }).providerReference;
    expect(await sut.status(id)).toBe('pending');
    expect(await sut.cancel(id)).toBe(true);
    expect(v2.requests.get(id)?.status).toBe('cancelled');
    expect(await sut.status(id)).toBe('cancelled');
    // The spec allows cancelling only while pending.
    const done = ((await sut.erase(subject(), context('77777777-7777-4777-8777-777777777777'))) as { providerReference: string }).providerReference;
    v2.setStatus(done, 'completed');
    expect(await sut.cancel(done)).toBe(false);
  });

  it('sends access as portability when the data map says so, and records a note when the processor takes neither', async () => {
    const portability = connectorFor(v2, '    accessAs: portability');
    const result = await portability.access(subject(), sink, { ...context('88888888-8888-4888-8888-888888888888'), requestType: 'access' });
    const id = (result as { providerReference: string }).providerReference;
    expect(v2.requests.get(id)?.body.subject_request_type).toBe('portability');

    const erasureOnly = await startOpenDsrProcessor({ supportedTypes: ['erasure'], supportedIdentities: [{ identity_type: 'email', identity_format: 'sha256' }] });
    env.ERASURE_ONLY_CERT = erasureOnly.certificatePem;
    try {
      const system = parseOpenDsrSystem(`url: ${erasureOnly.url}\nallowedDomains: [localhost]\ntrustedCertificates: { env: ERASURE_ONLY_CERT }`);
      const sut = createConnector(system, { env }) as OpenDsrConnector;
      expect(await sut.access(subject(), sink, { ...context('99999999-9999-4999-8999-999999999999'), requestType: 'access' })).toEqual({
        state: 'done',
        collections: [],
        notes: ['the processor does not take access requests (its discovery document)'],
      });
      // Only sha256 emails: the address never leaves in the clear.
      const erased = await sut.erase(subject('ada@example.com'), context('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'));
      const sent = erasureOnly.requests.get((erased as { providerReference: string }).providerReference)?.body;
      expect(sent?.subject_identities).toEqual([
        { identity_type: 'email', identity_format: 'sha256', identity_value: createHash('sha256').update('ada@example.com').digest('hex') },
      ]);
      expect(JSON.stringify(sent)).not.toContain('ada@example.com');
    } finally {
      await erasureOnly.stop();
    }
  });

  it('refuses an answer signed with a key that is not the certificate, and an HTTP error, with stable codes', async () => {
    const sut = connectorFor(v2);
    v2.signWithOtherKey = true;
    try {
      await expect(sut.erase(subject(), context('bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb'))).rejects.toMatchObject({ code: 'processor_bad_signature' });
    } finally {
      v2.signWithOtherKey = false;
    }
    v2.failSubmissionsWith = 503;
    try {
      const error = await sut.erase(subject(), context('cccccccc-cccc-4ccc-8ccc-cccccccccccc')).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'processor_http_503', transient: true });
      expect(String((error as Error).message)).not.toContain('ada@example.com');
    } finally {
      v2.failSubmissionsWith = undefined;
    }
  });

  describe('verifySigned (callback authentication, security guidelines §1–3)', () => {
    const body = Buffer.from('{"request_status":"completed"}');

    it('accepts the processor signature over the exact bytes, and only those bytes', async () => {
      const sut = connectorFor(v2);
      expect(await sut.verifySigned({ domain: 'localhost', signature: v2.sign(body), body })).toEqual({ ok: true, domain: 'localhost' });
      expect(await sut.verifySigned({ domain: 'LOCALHOST', signature: v2.sign(body), body })).toMatchObject({ ok: true });
      expect(await sut.verifySigned({ domain: 'localhost', signature: v2.sign(body), body: Buffer.concat([body, Buffer.from(' ')]) })).toMatchObject({ ok: false, reason: 'bad_signature' });
    });

    it('refuses another key, a missing or garbled signature, and a domain not allow-listed', async () => {
      const sut = connectorFor(v2);
      expect(await sut.verifySigned({ domain: 'localhost', signature: v2.sign(body, true), body })).toMatchObject({ ok: false, reason: 'bad_signature' });
      expect(await sut.verifySigned({ domain: 'localhost', signature: undefined, body })).toMatchObject({ ok: false, reason: 'bad_signature' });
      expect(await sut.verifySigned({ domain: 'localhost', signature: '%%%not base64', body })).toMatchObject({ ok: false, reason: 'bad_signature' });
      expect(await sut.verifySigned({ domain: 'evil.example', signature: v2.sign(body), body })).toMatchObject({ ok: false, reason: 'domain_not_allowed' });
      expect(await sut.verifySigned({ domain: undefined, signature: v2.sign(body), body })).toMatchObject({ ok: false, reason: 'domain_not_allowed' });
    });

    it('refuses a self-signed certificate nobody trusted, and a certificate issued for another domain', async () => {
      const untrusting = createConnector(parseOpenDsrSystem(`url: ${v2.url}\nallowedDomains: [localhost]`), { env }) as OpenDsrConnector;
      expect(await untrusting.verifySigned({ domain: 'localhost', signature: v2.sign(body), body })).toMatchObject({
        ok: false,
        reason: 'certificate_invalid',
        detail: 'the certificate is not issued by a trusted certificate authority',
      });
      const elsewhere = await startOpenDsrProcessor({ certificateDomain: 'opendsr.other.example' });
      env.ELSEWHERE_CERT = elsewhere.certificatePem;
      try {
        const sut = createConnector(parseOpenDsrSystem(`url: ${elsewhere.url}\nallowedDomains: [localhost]\ntrustedCertificates: { env: ELSEWHERE_CERT }`), { env }) as OpenDsrConnector;
        expect(await sut.verifySigned({ domain: 'localhost', signature: elsewhere.sign(body), body })).toMatchObject({
          ok: false,
          reason: 'certificate_invalid',
          detail: 'the certificate is not issued for the processor domain',
        });
      } finally {
        await elsewhere.stop();
      }
    });

    it('refuses a certificate outside its validity dates', async () => {
      const sut = createConnector(
        parseOpenDsrSystem(`url: ${v2.url}\nallowedDomains: [localhost]\ntrustedCertificates: { env: V2_CERT }`),
        { env },
      ) as OpenDsrConnector;
      // The test certificate is valid for two days from now.
      (sut as unknown as { now: () => Date }).now = () => new Date(Date.now() + 3 * 86_400_000);
      expect(await sut.verifySigned({ domain: 'localhost', signature: v2.sign(body), body })).toMatchObject({
        ok: false,
        reason: 'certificate_invalid',
        detail: 'a certificate in the chain has expired',
      });
    });
  });
});
