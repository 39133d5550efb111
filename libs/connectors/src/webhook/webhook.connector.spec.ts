import { createServer } from 'node:net';
import { WebhookConnector } from './webhook.connector';
import {
  aContext,
  aSubject,
  aWebhookSystem,
  MemorySink,
  PROVIDER_SECRET,
} from './webhook-connector.fixtures.test';
import { startTestProvider, type TestProvider } from './test-provider.test';
import { WebhookProviderError } from './webhook-provider.error';

function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function failure(promise: Promise<unknown>): Promise<WebhookProviderError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(WebhookProviderError);
  return error as WebhookProviderError;
}

describe('WebhookConnector', () => {
  let provider: TestProvider;
  let sut: WebhookConnector;

  beforeEach(async () => {
    provider = await startTestProvider(PROVIDER_SECRET);
    sut = new WebhookConnector(aWebhookSystem(), { url: provider.url, secret: PROVIDER_SECRET });
  });

  afterEach(async () => {
    await sut.close();
    await provider.close();
  });

  it('posts a signed erasure with only the listed identities and maps a synchronous answer', async () => {
    provider.reply = () => ({
      status: 200,
      json: {
        status: 'completed',
        collections: [
          { collection: 'tickets', found: 3, changed: 3 },
          { collection: 'contacts', found: 1, changed: 1 },
        ],
      },
    });

    const result = await sut.erase(aSubject(), aContext());

    expect(result).toEqual({
      state: 'done',
      collections: [
        { collection: 'contacts', found: 1, changed: 1, actions: ['provider:erasure'] },
        { collection: 'tickets', found: 3, changed: 3, actions: ['provider:erasure'] },
      ],
    });
    expect(provider.received).toHaveLength(1);
    const [request] = provider.received;
    expect(request.verification).toEqual({ ok: true });
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/privacy/requests');
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['idempotency-key']).toBe('req-1:crm:erasure');
    expect(request.json).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      type: 'erasure',
      request_id: 'req-1',
      system_key: 'crm',
      // No phone and no username: the data map does not list them for this provider.
      identities: { email: ['ann@example.com'], user_id: ['u-7'], 'shop.customers.id': ['42'] },
      callback_url: 'https://rightsdesk.example.com/api/provider-callbacks',
    });
  });

  it('keeps the idempotency key across deliveries and gives each delivery its own id', async () => {
    await sut.erase(aSubject(), aContext());
    await sut.erase(aSubject(), aContext());
    await sut.optOut(aSubject(), aContext());
    const [first, second, third] = provider.received;
    expect(first.headers['idempotency-key']).toBe(second.headers['idempotency-key']);
    expect(first.json.id).not.toBe(second.json.id);
    expect(third.headers['idempotency-key']).toBe('req-1:crm:opt_out');
    expect(third.json.type).toBe('opt_out');
  });

  it('tells the provider what the person opted out of, so a partner stops selling or sharing too', async () => {
    await sut.optOut(aSubject(), aContext({ requestType: 'opt_out', optOutChannels: ['sale_sharing'] }));
    await sut.optOut(aSubject(), aContext({ requestType: 'opt_out' }));
    await sut.erase(aSubject(), aContext({ optOutChannels: ['all'] }));

    const [saleSharing, unspecified, erasure] = provider.received;
    expect(saleSharing.json).toMatchObject({ type: 'opt_out', opt_out_channels: ['sale_sharing'] });
    expect(unspecified.json).not.toHaveProperty('opt_out_channels');
    expect(erasure.json).not.toHaveProperty('opt_out_channels');
  });

  it('sends the corrections with a rectification', async () => {
    provider.reply = () => ({
      status: 200,
      json: { status: 'completed', collections: [{ collection: 'contacts', found: 1, changed: 1 }] },
    });
    const corrections = [{ collection: 'contacts', field: 'name', value: 'Ann Example' }];

    const result = await sut.rectify(aSubject(), corrections, aContext({ requestType: 'rectification' }));

    expect(provider.received[0].json).toMatchObject({ type: 'rectification', corrections });
    expect(result).toEqual({
      state: 'done',
      collections: [{ collection: 'contacts', found: 1, changed: 1, actions: ['provider:rectification'] }],
      notes: ['the provider did not report collection "tickets"'],
    });
  });

  it('writes the records of declared collections to the export and notes the rest', async () => {
    provider.reply = () => ({
      status: 200,
      json: {
        status: 'completed',
        collections: [
          { collection: 'contacts', found: 1, changed: 0 },
          { collection: 'tickets', found: 2, changed: 0 },
          { collection: 'marketing_scores', found: 1, changed: 0 },
        ],
        records: {
          contacts: [{ email: 'ann@example.com', name: 'Ann' }],
          tickets: [{ subject: 'Where is my order?' }, { subject: 'Thanks!' }],
          marketing_scores: [{ score: 97 }],
        },
      },
    });
    const sink = new MemorySink();

    const result = await sut.access(aSubject(), sink, aContext({ requestType: 'access' }));

    expect(sink.records).toEqual([
      { collection: 'contacts', record: { email: 'ann@example.com', name: 'Ann' } },
      { collection: 'tickets', record: { subject: 'Where is my order?' } },
      { collection: 'tickets', record: { subject: 'Thanks!' } },
    ]);
    expect(result).toEqual({
      state: 'done',
      collections: [
        { collection: 'contacts', found: 1, changed: 0, actions: ['provider:access'] },
        { collection: 'tickets', found: 2, changed: 0, actions: ['provider:access'] },
      ],
      notes: [
        'the provider reported collection "marketing_scores", which the data map does not declare; ignored',
        'the provider sent records for collection "marketing_scores", which the data map does not declare; left out of the export',
      ],
    });
    expect(provider.received[0].json.type).toBe('access');
  });

  it('does not repeat a collection name that is not a plain identifier', async () => {
    provider.reply = () => ({
      status: 200,
      json: { status: 'completed', collections: [{ collection: 'ann@example.com', found: 1, changed: 1 }] },
    });
    const result = await sut.erase(aSubject(), aContext());
    expect(JSON.stringify(result)).not.toContain('ann@example.com');
    expect(result).toEqual({
      state: 'done',
      collections: [],
      notes: [
        'the provider reported 1 collection whose name is not a plain identifier, which the data map does not declare; ignored',
        'the provider did not report collections "contacts", "tickets"',
      ],
    });
  });

  it('returns pending with the provider reference when the provider accepts for later', async () => {
    provider.reply = () => ({ status: 202, json: { status: 'accepted', reference: 'crm-job-981' } });
    expect(await sut.erase(aSubject(), aContext())).toEqual({
      state: 'pending',
      providerReference: 'crm-job-981',
    });
  });

  it('fails with provider_http_500 and keeps the provider’s body out of the message', async () => {
    provider.reply = () => ({ status: 500, json: { error: 'no contact ann@example.com' } });
    const error = await failure(sut.erase(aSubject(), aContext()));
    expect(error.code).toBe('provider_http_500');
    expect(error.transient).toBe(true);
    expect(error.message).toBe('System "crm" (webhook): the provider answered HTTP 500');
  });

  it('fails with provider_http_401 when the provider cannot verify the signature', async () => {
    const wrongSecret = new WebhookConnector(aWebhookSystem(), {
      url: provider.url,
      secret: 'not-the-providers-secret',
    });
    const error = await failure(wrongSecret.erase(aSubject(), aContext()));
    expect(error.code).toBe('provider_http_401');
    expect(error.transient).toBe(false);
    expect(provider.received[0].verification).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('fails with provider_timeout when the provider does not answer in time', async () => {
    const slow = new WebhookConnector(aWebhookSystem({ timeoutMs: 200 }), {
      url: provider.url,
      secret: PROVIDER_SECRET,
    });
    provider.reply = () => 'hang';
    const error = await failure(slow.erase(aSubject(), aContext()));
    expect(error.code).toBe('provider_timeout');
    expect(error.transient).toBe(true);
  });

  it('fails with aborted when the caller cancels', async () => {
    provider.reply = () => 'hang';
    const controller = new AbortController();
    const pending = sut.erase(aSubject(), aContext({ signal: controller.signal }));
    await waitFor(() => provider.received.length === 1);
    controller.abort();
    expect((await failure(pending)).code).toBe('aborted');
  });

  it('fails with provider_unreachable when nobody listens', async () => {
    const port = await closedPort();
    const gone = new WebhookConnector(aWebhookSystem(), {
      url: `http://127.0.0.1:${port}/hook`,
      secret: PROVIDER_SECRET,
    });
    const error = await failure(gone.erase(aSubject(), aContext()));
    expect(error.code).toBe('provider_unreachable');
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('does not follow a redirect', async () => {
    provider.reply = (request) =>
      request.path === '/privacy/requests'
        ? { status: 307, headers: { location: '/elsewhere' } }
        : { status: 200, json: { status: 'completed', collections: [] } };
    const error = await failure(sut.erase(aSubject(), aContext()));
    expect(error.code).toBe('provider_http_307');
    expect(provider.received.map((request) => request.path)).toEqual(['/privacy/requests']);
  });

  it.each([
    ['a body that is not JSON', { status: 200, text: 'OK ann@example.com' }],
    ['a 200 without collections', { status: 200, json: { status: 'completed' } }],
    [
      'a negative count',
      {
        status: 200,
        json: { status: 'completed', collections: [{ collection: 'contacts', found: -1, changed: 0 }] },
      },
    ],
    ['an unknown status', { status: 200, json: { status: 'ann@example.com', collections: [] } }],
    ['a 202 without a reference', { status: 202, json: { status: 'accepted' } }],
    [
      'records that are not objects',
      {
        status: 200,
        json: { status: 'completed', collections: [], records: { contacts: ['ann@example.com'] } },
      },
    ],
  ])('fails with provider_bad_response on %s, naming no value', async (_case, reply) => {
    provider.reply = () => reply;
    const error = await failure(sut.erase(aSubject(), aContext()));
    expect(error.code).toBe('provider_bad_response');
    expect(error.message).toMatch(/^System "crm" \(webhook\): unexpected answer from the provider/);
    expect(error.message).not.toContain('ann@example.com');
  });

  it('fails with provider_failed when the provider says it could not do it', async () => {
    provider.reply = () => ({
      status: 200,
      json: { status: 'failed', reason: 'ann@example.com is under legal hold' },
    });
    const error = await failure(sut.erase(aSubject(), aContext()));
    expect(error.code).toBe('provider_failed');
    expect(error.message).not.toContain('ann@example.com');
  });

  it('counts nothing without asking the provider', async () => {
    expect(await sut.count(aSubject())).toEqual([
      { collection: 'contacts', count: null },
      { collection: 'tickets', count: null },
    ]);
    expect(await sut.resolveKeys(aSubject(), [])).toEqual({});
    expect(provider.received).toHaveLength(0);
  });

  describe('check()', () => {
    it('accepts a valid URL and a long enough secret without calling the provider', async () => {
      expect(await sut.check()).toEqual([]);
      const remote = new WebhookConnector(aWebhookSystem(), {
        url: 'https://crm.example.com/hook',
        secret: PROVIDER_SECRET,
      });
      expect(await remote.check()).toEqual([]);
      expect(provider.received).toHaveLength(0);
    });

    it('reports a URL that does not parse, without repeating it', async () => {
      const broken = new WebhookConnector(aWebhookSystem(), {
        url: 'crm.example.com/hook?token=abc',
        secret: PROVIDER_SECRET,
      });
      const problems = await broken.check();
      expect(problems).toEqual(['System "crm" (webhook): the URL is not a valid absolute URL']);
    });

    it('reports plain http to another host and other schemes', async () => {
      const plain = new WebhookConnector(aWebhookSystem(), {
        url: 'http://crm.example.com/hook',
        secret: PROVIDER_SECRET,
      });
      expect(await plain.check()).toEqual([
        expect.stringMatching(/must use https; identities would cross the network/),
      ]);
      const ftp = new WebhookConnector(aWebhookSystem(), {
        url: 'ftp://crm.example.com/hook',
        secret: PROVIDER_SECRET,
      });
      expect(await ftp.check()).toEqual(['System "crm" (webhook): the URL must use https']);
    });

    it('reports a secret shorter than 16 bytes and refuses to send with it', async () => {
      const weak = new WebhookConnector(aWebhookSystem(), { url: provider.url, secret: 'fifteen-bytes!!' });
      expect(await weak.check()).toEqual([
        'System "crm" (webhook): the signing secret must be at least 16 bytes long',
      ]);
      expect((await failure(weak.erase(aSubject(), aContext()))).code).toBe('config_invalid');
      expect(provider.received).toHaveLength(0);
    });
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let tries = 0; !condition(); tries += 1) {
    if (tries > 500) {
      throw new Error('condition not met');
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
