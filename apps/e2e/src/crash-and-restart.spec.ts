import { freePort, startRedis, withPostgresClient, type RunningService } from '@rightsdesk/local-services';
import { type AppProcess, startAppProcess, startSmtpSink, testEnv, type SmtpSink } from '@rightsdesk/testing';

// The built api and worker as separate processes, as `npm start` and production run them: the
// whole lifecycle over HTTP, then a worker killed with SIGKILL and a Redis restarted mid-flight.
describe('api and worker processes: crashes and restarts lose nothing', () => {
  let sink: SmtpSink;
  let redis: RunningService;
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  let api: AppProcess;
  let worker: AppProcess;
  let apiPort: number;
  let workerPort: number;

  const base = () => `http://127.0.0.1:${apiPort}`;
  const startWorker = () => startAppProcess('worker', env, workerPort);
  const db = <T>(sql: string, params: unknown[] = []) =>
    withPostgresClient(env.DATABASE_URL, async (client) => (await client.query(sql, params)).rows as T[]);

  async function file(email: string): Promise<string> {
    const response = await fetch(`${base()}/api/v1/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'erasure', email, country: 'FR' }),
    });
    expect(response.status).toBe(202);
    return ((await response.json()) as { reference: string }).reference;
  }

  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 1500));
  }

  beforeAll(async () => {
    sink = await startSmtpSink();
    redis = await startRedis({});
    [apiPort, workerPort] = [await freePort(), await freePort()];
    const made = await testEnv({
      SMTP_URL: sink.url,
      REDIS_URL: redis.url,
      PORT: String(apiPort),
      PUBLIC_URL: `http://127.0.0.1:${apiPort}`,
      WORKER_HEALTH_PORT: String(workerPort),
      OUTBOX_POLL_INTERVAL_MS: '100',
      OUTBOX_RECOVER_AFTER_SECONDS: '2',
      RATE_LIMIT_ENABLED: 'true',
      RATE_LIMIT_INTAKE_PER_IP_PER_HOUR: '1000',
      LOG_LEVEL: 'warn',
    });
    env = made.env;
    cleanup = made.cleanup;
    api = await startAppProcess('api', env, apiPort);
    worker = await startWorker();
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.stop();
    await redis?.stop();
    await sink?.stop();
    await cleanup?.();
  });

  it('takes a request from intake through the emailed link to awaiting_review', async () => {
    const reference = await file('e2e@example.com');
    const mail = await sink.waitForMessage((m) => (m.subject ?? '').includes(reference));
    const link = new URL((mail.text ?? '').match(/http:\/\/\S+\/requests\/verify\?\S+/)![0]);
    // What the link's page does when its button is pressed.
    const confirm = await fetch(`${base()}/api/v1/requests/${link.searchParams.get('ref')!}/verification`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: link.searchParams.get('token')! }),
    });
    expect(confirm.status).toBe(200);
    const { statusToken } = (await confirm.json()) as { statusToken: string };
    const status = await fetch(`${base()}/api/v1/requests/${reference}`, {
      headers: { 'x-status-token': statusToken },
    });
    expect(await status.json()).toMatchObject({
      reference,
      status: 'awaiting_review',
      dueExplanation: expect.stringContaining('GDPR Art. 12(3), one month from receipt'),
    });
    await sink.waitForMessage(
      (m) => (m.subject ?? '').includes(reference) && /working on/.test(m.subject ?? ''),
    );
  });

  it('delivers every message once after the worker is killed during an SMTP outage', async () => {
    await sink.pause();
    const references = [
      await file('crash-0@example.com'),
      await file('crash-1@example.com'),
      await file('crash-2@example.com'),
    ];
    // Wait until the worker has tried (and failed) to send each of them.
    for (const deadline = Date.now() + 15_000; ;) {
      const rows = await db<{ n: number }>(
        `SELECT count(*)::int AS n FROM outbox_message o JOIN privacy_request r ON r.id = o.request_id
          WHERE r.reference = ANY($1) AND o.attempts >= 1 AND o.status = 'pending'`,
        [references],
      );
      if (rows[0].n === 3) {
        break;
      }
      if (Date.now() > deadline) {
        throw new Error(`the worker never attempted the sends:\n${worker.output()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await worker.crash();
    await sink.resume();
    worker = await startWorker();
    for (const reference of references) {
      await sink.waitForMessage((m) => (m.subject ?? '').includes(reference), 30_000);
    }
    await settle();
    for (let i = 0; i < 3; i++) {
      expect(sink.messagesTo(`crash-${i}@example.com`)).toHaveLength(1);
    }
  });

  it('keeps accepting requests while Redis restarts, and sends their emails once it is back', async () => {
    const port = redis.port;
    await redis.stop();
    const references = [await file('redis-0@example.com'), await file('redis-1@example.com')];
    redis = await startRedis({ port });
    for (const reference of references) {
      await sink.waitForMessage((m) => (m.subject ?? '').includes(reference), 30_000);
    }
    await settle();
    expect(sink.messagesTo('redis-0@example.com')).toHaveLength(1);
    expect(sink.messagesTo('redis-1@example.com')).toHaveLength(1);
  });
});
