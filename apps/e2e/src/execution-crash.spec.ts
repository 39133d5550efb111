import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ListObjectsCommand } from '@aws-sdk/client-s3';
import { Redis } from 'ioredis';
import { freePort, startRedis, withPostgresClient, type RunningService } from '@rightsdesk/local-services';
import {
  type AppProcess,
  companyDataMap,
  createScratchDatabase,
  createTestBucket,
  startAppProcess,
  startSmtpSink,
  testEnv,
  type SmtpSink,
  type TestBucket,
  type TestDatabase,
  waitFor,
} from '@rightsdesk/testing';
import {
  companySnapshot,
  customerEmail,
  type CustomerHoldings,
  inBatches,
  runCli,
  seedAvatars,
  seedCompany,
} from './execution-fixtures';

const CUSTOMERS = 70;
const ORDERS_EACH = 50;
const PAGE_VIEWS_EACH = 2000;
// Customers 0–47 are data subjects of the tests below; these never are.
const BYSTANDERS = Array.from({ length: 22 }, (_, i) => customerEmail(48 + i));

// The built worker executing approved erasures against a company database and an S3 bucket, as
// production runs it: killed with SIGKILL in the middle of the flows, and restarted against a Redis
// that lost every job. The database is the source of truth: every request must still complete, each
// system must act and certify exactly once, and the customers nobody asked about must be untouched.
describe('execution: the worker killed mid-flow and Redis emptied lose nothing and double nothing', () => {
  let sink: SmtpSink;
  let redis: RunningService;
  let company: TestDatabase;
  let bucket: TestBucket;
  let dir: string;
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  let api: AppProcess;
  let worker: AppProcess | null = null;
  let apiPort: number;
  let workerPort: number;
  let seeded: Record<string, CustomerHoldings>;
  let customerIds: Record<string, string>;

  const base = () => `http://127.0.0.1:${apiPort}`;
  const db = <T>(sql: string, params: unknown[] = []) =>
    withPostgresClient(env.DATABASE_URL, async (client) => (await client.query(sql, params)).rows as T[]);
  const startWorker = async () => {
    worker = await startAppProcess('worker', env, workerPort);
    return worker;
  };
  const stopWorker = async () => {
    await worker?.stop();
    worker = null;
  };
  const workerOutput = () => worker?.output() ?? '(no worker running)';

  beforeAll(async () => {
    sink = await startSmtpSink();
    // A Redis of its own: the test empties it.
    redis = await startRedis({});
    company = await createScratchDatabase();
    await seedCompany(company.url, {
      customers: CUSTOMERS,
      ordersEach: ORDERS_EACH,
      pageViewsEach: PAGE_VIEWS_EACH,
    });
    bucket = await createTestBucket();
    await seedAvatars(company.url, bucket);
    seeded = await companySnapshot(company.url);
    customerIds = Object.fromEntries(
      (
        await withPostgresClient(company.url, (c) =>
          c.query<{ id: string; email: string }>('SELECT id::text, email FROM customers'),
        )
      ).rows.map((r) => [r.email, r.id]),
    );

    dir = await mkdtemp(path.join(os.tmpdir(), 'rightsdesk-e2e-exec-'));
    const envPrefix = `RDE2E_${randomBytes(4).toString('hex').toUpperCase()}`;
    const dataMapPath = path.join(dir, 'datamap.yaml');
    await writeFile(dataMapPath, companyDataMap({ bucket: bucket.name, envPrefix, shopConcurrency: 1 }));
    [apiPort, workerPort] = [await freePort(), await freePort()];
    const made = await testEnv({
      SMTP_URL: sink.url,
      REDIS_URL: redis.url,
      PORT: String(apiPort),
      PUBLIC_URL: `http://127.0.0.1:${apiPort}`,
      WORKER_HEALTH_PORT: String(workerPort),
      DATAMAP_PATH: dataMapPath,
      PACKAGE_DIR: path.join(dir, 'packages'),
      OUTBOX_POLL_INTERVAL_MS: '100',
      // Outbox rows marked relayed whose job died with the worker are sent again after this long.
      OUTBOX_RECOVER_AFTER_SECONDS: '2',
      EXECUTION_ATTEMPTS: '5',
      EXECUTION_BACKOFF_MS: '200',
      RECONCILE_INTERVAL_SECONDS: '1',
      RECONCILE_AFTER_SECONDS: '1',
      LOG_LEVEL: 'warn',
      // The data map names these; the processes read them from their environment.
      [`${envPrefix}_COMPANY_URL`]: company.url,
      [`${envPrefix}_S3_ENDPOINT`]: bucket.endpoint,
      [`${envPrefix}_S3_KEY`]: 'S3RVER',
      [`${envPrefix}_S3_SECRET`]: 'S3RVER',
    });
    env = made.env;
    cleanup = made.cleanup;
    api = await startAppProcess('api', env, apiPort);
    await startWorker();
  }, 120_000);

  afterAll(async () => {
    await worker?.stop();
    await api?.stop();
    await redis?.stop();
    await sink?.stop();
    await cleanup?.();
    await bucket?.drop();
    await company?.drop();
    if (dir) {
      await rm(dir, { recursive: true, force: true });
    }
  });

  /** Files an erasure per address over HTTP and confirms each through its emailed link. */
  async function fileVerified(emails: string[]): Promise<string[]> {
    // The worker sends the verification emails.
    if (!worker) {
      await startWorker();
    }
    const references: string[] = [];
    await inBatches(emails, 8, async (email) => {
      const filed = await fetch(`${base()}/api/v1/requests`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'erasure', email, country: 'FR' }),
      });
      expect(filed.status).toBe(202);
      const { reference } = (await filed.json()) as { reference: string };
      const mail = await sink.waitForMessage(
        (m) => (m.subject ?? '').includes(reference) && (m.text ?? '').includes('/requests/verify'),
        30_000,
      );
      const link = new URL(/http:\/\/\S+\/requests\/verify\?\S+/.exec(mail.text ?? '')![0]);
      const confirm = await fetch(`${base()}/api/v1/requests/${link.searchParams.get('ref')!}/verification`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: link.searchParams.get('token')! }),
      });
      expect(confirm.status).toBe(200);
      references.push(reference);
    });
    expect(await statuses(references)).toEqual({ awaiting_review: emails.length });
    return references;
  }

  /** Approves the requests as an officer would from the shell: `rightsdesk request approve RD-… RD-…`. */
  async function approve(references: string[]): Promise<void> {
    const result = await runCli(['request', 'approve', ...references], env);
    expect({ code: result.code, output: result.code === 0 ? '' : result.output }).toEqual({ code: 0, output: '' });
    expect(result.output.match(/ approved;/g)).toHaveLength(references.length);
  }

  async function statuses(references: string[]): Promise<Record<string, number>> {
    const rows = await db<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM privacy_request WHERE reference = ANY($1) GROUP BY status`,
      [references],
    );
    return Object.fromEntries(rows.map((row) => [row.status, row.n]));
  }

  async function waitUntilCompleted(references: string[], timeoutMs: number): Promise<void> {
    let last: Record<string, number> = {};
    await waitFor(
      `${references.length} requests to complete`,
      async () => {
        last = await statuses(references);
        return last.completed === references.length;
      },
      timeoutMs,
      () => `statuses: ${JSON.stringify(last)}\nworker output:\n${workerOutput()}`,
    );
  }

  /** Starts the worker on approved requests and kills it (SIGKILL) once some, not all, are done. */
  async function startAndKillMidFlow(references: string[]): Promise<Record<string, number>> {
    const running = await startWorker();
    for (const deadline = Date.now() + 60_000; ;) {
      const now = await statuses(references);
      if (Date.now() > deadline) {
        throw new Error(`no request completed: ${JSON.stringify(now)}\n${running.output()}`);
      }
      if ((now.completed ?? 0) >= 1) {
        await running.crash();
        worker = null;
        const atCrash = await statuses(references);
        if ((atCrash.completed ?? 0) >= references.length) {
          throw new Error(
            'every request completed before the worker could be killed: give the company more rows per customer',
          );
        }
        return atCrash;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async function emptyRedis(): Promise<void> {
    const client = new Redis(redis.url, { maxRetriesPerRequest: 1 });
    try {
      await client.flushall();
      expect(await client.dbsize()).toBe(0);
    } finally {
      client.disconnect();
    }
  }

  /** Every subject is gone, each system certified each request once, nobody else was touched. */
  async function expectErasedExactlyOnce(references: string[], subjects: string[]): Promise<void> {
    const now = await companySnapshot(company.url);
    for (const email of subjects) {
      expect({ email, held: now[email] }).toEqual({ email, held: undefined });
    }
    // Customers nobody asked about keep every row, byte for byte (the other tests' subjects may
    // or may not be erased yet, so they are left out).
    for (const email of BYSTANDERS) {
      expect({ email, held: now[email] }).toEqual({ email, held: seeded[email] });
    }
    const [orders] = await withPostgresClient(
      company.url,
      async (client) =>
        (
          await client.query<{ total: number; anonymized: number; views: number }>(
            `SELECT count(*)::int AS total,
                  count(*) FILTER (WHERE customer_id IS NULL AND shipping_address = '[erased]')::int AS anonymized,
                  (SELECT count(*)::int FROM page_views) AS views
             FROM orders`,
          )
        ).rows,
    );
    // Orders are kept for tax law, anonymized once per erased customer; page views are deleted.
    const gone = CUSTOMERS - Object.keys(now).length;
    expect(orders).toEqual({
      total: CUSTOMERS * ORDERS_EACH,
      anonymized: gone * ORDERS_EACH,
      views: (CUSTOMERS - gone) * PAGE_VIEWS_EACH,
    });

    const listed = await bucket.client.send(
      new ListObjectsCommand({ Bucket: bucket.name, Prefix: 'avatars/', MaxKeys: 1000 }),
    );
    const keys = new Set((listed.Contents ?? []).map((object) => object.Key));
    for (const email of [...subjects, ...BYSTANDERS]) {
      expect({ email, avatar: keys.has(`avatars/${customerIds[email]}/avatar.png`) }).toEqual({
        email,
        avatar: !subjects.includes(email),
      });
    }

    const events = await db<{ reference: string; action: string; system: string | null; n: number }>(
      `SELECT r.reference, e.action, e.data->>'system' AS system, count(*)::int AS n
         FROM audit_event e JOIN privacy_request r ON r.id = e.request_id
        WHERE r.reference = ANY($1) AND e.action IN ('erasure_certificate', 'request_completed', 'request_failed', 'system_failed')
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      [references],
    );
    const byReference = new Map<string, string[]>();
    for (const event of events) {
      byReference.set(event.reference, [
        ...(byReference.get(event.reference) ?? []),
        `${event.action}${event.system ? `:${event.system}` : ''} ×${event.n}`,
      ]);
    }
    for (const reference of references) {
      expect({ reference, events: byReference.get(reference) }).toEqual({
        reference,
        events: ['erasure_certificate:avatars ×1', 'erasure_certificate:shop ×1', 'request_completed ×1'],
      });
    }
    const systems = await db<{ status: string; n: number }>(
      `SELECT s.status, count(*)::int AS n FROM system_execution s JOIN privacy_request r ON r.id = s.request_id
        WHERE r.reference = ANY($1) GROUP BY s.status`,
      [references],
    );
    expect(systems).toEqual([{ status: 'done', n: references.length * 2 }]);

    const verify = await runCli(['audit', 'verify'], env);
    expect({ code: verify.code, output: verify.output.trim() }).toEqual({
      code: 0,
      output: expect.stringMatching(/^audit trail intact: \d+ event\(s\) verified$/),
    });

    // The requester is told once: one completion message per request in the outbox. A send the
    // crash interrupted stays claimed for its lease (so two senders never both send) and goes out
    // when recover-outbox finds it afterwards; waiting minutes for that would prove nothing more.
    const completionMessages = () =>
      db<{ reference: string; status: string; claimed: boolean; n: number }>(
        `SELECT r.reference, o.status, coalesce(o.claimed_until > now(), false) AS claimed, count(*)::int AS n
           FROM outbox_message o JOIN privacy_request r ON r.id = o.request_id
          WHERE r.reference = ANY($1) AND o.template = 'request_completed'
          GROUP BY 1, 2, 3 ORDER BY 1`,
        [references],
      );
    let outbox: Awaited<ReturnType<typeof completionMessages>> = [];
    await waitFor(
      'every completion message to be sent or held by a sender',
      async () => {
        outbox = await completionMessages();
        return outbox.every((row) => row.status === 'sent' || (row.status === 'pending' && row.claimed));
      },
      30_000,
      () => JSON.stringify(outbox),
    );
    expect(outbox.map((row) => `${row.reference} ×${row.n}`)).toEqual(
      [...references].sort().map((r) => `${r} ×1`),
    );
    for (const row of outbox.filter((r) => r.status === 'sent')) {
      await sink.waitForMessage(
        (m) => (m.subject ?? '').includes(row.reference) && /is complete/.test(m.subject ?? ''),
        10_000,
      );
    }
  }

  it('finishes every erasure exactly once after the worker is SIGKILLed in the middle of the flows', async () => {
    const emails = Array.from({ length: 30 }, (_, i) => customerEmail(i));
    const references = await fileVerified(emails);
    // Approved while the worker is down, so all 30 flows start together when it comes up.
    await stopWorker();
    await approve(references);
    expect(await statuses(references)).toEqual({ approved: 30 });

    const atCrash = await startAndKillMidFlow(references);
    expect(atCrash.completed).toBeGreaterThanOrEqual(1);
    expect(atCrash.completed).toBeLessThan(30);

    // The jobs the dead worker held stay locked in Redis until BullMQ sees them stalled (30 s
    // locks): the new worker takes them over then.
    await startWorker();
    await waitUntilCompleted(references, 150_000);
    await expectErasedExactlyOnce(references, emails);
  }, 300_000);

  it('completes approved requests whose jobs Redis lost, from the database alone (the reconciler)', async () => {
    const emails = Array.from({ length: 6 }, (_, i) => customerEmail(30 + i));
    const references = await fileVerified(emails);
    await stopWorker();
    await approve(references);
    const client = new Redis(redis.url);
    try {
      const ids = await db<{ id: string }>(`SELECT id FROM privacy_request WHERE reference = ANY($1)`, [
        references,
      ]);
      const queued = await Promise.all(
        ids.map(({ id }) => client.exists(`${env.QUEUE_PREFIX}:execution:start-execution.${id}.0`)),
      );
      expect(queued).toEqual(ids.map(() => 1));
    } finally {
      client.disconnect();
    }
    await emptyRedis();

    await startWorker();
    await waitUntilCompleted(references, 60_000);
    await expectErasedExactlyOnce(references, emails);
  }, 180_000);

  it('recovers flows in flight when the worker is SIGKILLed and Redis comes back empty', async () => {
    const emails = Array.from({ length: 8 }, (_, i) => customerEmail(40 + i));
    const references = await fileVerified(emails);
    await stopWorker();
    await approve(references);
    const atCrash = await startAndKillMidFlow(references);
    expect(atCrash.completed).toBeLessThan(8);
    await emptyRedis();

    await startWorker();
    await waitUntilCompleted(references, 60_000);
    await expectErasedExactlyOnce(references, emails);
  }, 180_000);
});
