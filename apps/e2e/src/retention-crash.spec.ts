import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort, withPostgresClient } from '@rightsdesk/local-services';
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
import { seedCompany } from './execution-fixtures';

const BATCH = 500;
const OLD_VIEWS = 12_000;

interface RunRow {
  status: string;
  rows_affected: string;
  batches: number;
  resumes: number;
  cursor: string | null;
  errors: number;
}

// The built worker deleting page views past retention, as production runs it, killed with SIGKILL
// in the middle of the run and started again. The run must finish from the cursor it had saved:
// every old page view deleted exactly once, no batch done twice, the recent ones untouched.
describe('retention: a worker killed mid-run resumes the run where it stopped', () => {
  let sink: SmtpSink;
  let company: TestDatabase;
  let bucket: TestBucket;
  let dir: string;
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  let worker: AppProcess | null = null;
  let workerPort: number;

  const db = <T>(sql: string, params: unknown[] = []) =>
    withPostgresClient(env.DATABASE_URL, async (client) => (await client.query(sql, params)).rows as T[]);
  const shop = <T>(sql: string, params: unknown[] = []) =>
    withPostgresClient(company.url, async (client) => (await client.query(sql, params)).rows as T[]);

  beforeAll(async () => {
    sink = await startSmtpSink();
    company = await createScratchDatabase();
    await seedCompany(company.url, { customers: 20, ordersEach: 1, pageViewsEach: 100 });
    // Old page views, spread over the whole key range between recent ones so that every batch
    // deletes some and skips others.
    await shop(
      `INSERT INTO page_views (customer_id, page, ip, viewed_at)
       SELECT (SELECT min(id) FROM customers) + g % 20, '/old/' || g, '10.2.3.4', now() - interval '200 days'
         FROM generate_series(1, $1::int) g`,
      [OLD_VIEWS],
    );
    await shop('ANALYZE');
    bucket = await createTestBucket();
    dir = await mkdtemp(path.join(os.tmpdir(), 'rightsdesk-e2e-retention-'));
    const envPrefix = `RDE2E_${randomBytes(4).toString('hex').toUpperCase()}`;
    const dataMapPath = path.join(dir, 'datamap.yaml');
    // Schedules that do not fire during the test: the run is started the way an officer's click or
    // a lost job leaves it, as a running run nobody works on, which the reconciler hands to a worker.
    await writeFile(
      dataMapPath,
      companyDataMap({ bucket: bucket.name, envPrefix, pageViewRetention: { anonymizeCron: '0 3 1 1 *', deleteCron: '0 3 1 1 *' } }),
    );
    workerPort = await freePort();
    const made = await testEnv({
      SMTP_URL: sink.url,
      WORKER_HEALTH_PORT: String(workerPort),
      DATAMAP_PATH: dataMapPath,
      PACKAGE_DIR: path.join(dir, 'packages'),
      RETENTION_BATCH_SIZE: String(BATCH),
      // Slow enough that the kill lands mid-run.
      RETENTION_BATCH_PAUSE_MS: '150',
      RETENTION_LEASE_SECONDS: '2',
      RECONCILE_INTERVAL_SECONDS: '1',
      LOG_LEVEL: 'warn',
      [`${envPrefix}_COMPANY_URL`]: company.url,
      [`${envPrefix}_S3_ENDPOINT`]: bucket.endpoint,
      [`${envPrefix}_S3_KEY`]: 'S3RVER',
      [`${envPrefix}_S3_SECRET`]: 'S3RVER',
    });
    env = made.env;
    cleanup = made.cleanup;
  }, 120_000);

  afterAll(async () => {
    await worker?.stop();
    await sink?.stop();
    await cleanup?.();
    await bucket?.drop();
    await company?.drop();
    if (dir) {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('finishes the run after a SIGKILL and a restart, without redoing finished batches', async () => {
    worker = await startAppProcess('worker', env, workerPort);
    const runId = randomUUID();
    await db(
      `INSERT INTO retention_run (id, rule_id, trigger, status, as_of, started_at, updated_at)
       VALUES ($1, 'shop.page_views.delete', 'manual', 'running', now(), now(), now())`,
      [runId],
    );
    const run = async () => (await db<RunRow>('SELECT * FROM retention_run WHERE id = $1', [runId]))[0];

    const beforeKill = await waitFor('a few batches done', async () => {
      const current = await run();
      return current.batches >= 4 ? current : undefined;
    }, 60_000, () => worker?.output() ?? '');
    await worker.crash();
    worker = null;
    const atKill = await run();
    expect(atKill.status).toBe('running');
    expect(atKill.batches).toBeGreaterThanOrEqual(beforeKill.batches);
    const oldLeft = Number((await shop<{ n: string }>(`SELECT count(*) AS n FROM page_views WHERE page LIKE '/old/%'`))[0].n);
    // Each saved batch deleted a full batch; at most the one in flight is not saved yet.
    expect(Number(atKill.rows_affected)).toBe(atKill.batches * BATCH);
    expect(OLD_VIEWS - oldLeft - Number(atKill.rows_affected)).toBeLessThanOrEqual(BATCH);
    expect(oldLeft).toBeGreaterThan(0);
    // Recent views below the saved cursor, made due now: a run that started over would delete
    // them; one that goes on from its cursor leaves them to the next run.
    const [{ n: belowCursor }] = await shop<{ n: number }>(
      `WITH aged AS (UPDATE page_views SET viewed_at = now() - interval '300 days'
                      WHERE page LIKE '/page/%' AND id < $1::bigint RETURNING 1)
       SELECT count(*)::int AS n FROM aged`,
      [atKill.cursor],
    );
    expect(belowCursor).toBeGreaterThan(0);

    worker = await startAppProcess('worker', env, workerPort);
    const done = await waitFor('the run to complete after the restart', async () => {
      const current = await run();
      return current.status === 'completed' ? current : undefined;
    }, 60_000, () => worker?.output() ?? '');

    // Every saved batch was a full one and none was saved twice. A batch the kill caught after its
    // delete committed but before its cursor was saved is the one thing the record can miss: the
    // resumed run finds those rows already gone.
    const counted = Number(done.rows_affected);
    expect([OLD_VIEWS, OLD_VIEWS - BATCH]).toContain(counted);
    expect(done.batches).toBe(counted / BATCH + 1);
    expect(done.resumes).toBeGreaterThanOrEqual(1);
    expect(done.errors).toBe(0);
    expect((await shop<{ n: string }>(`SELECT count(*) AS n FROM page_views WHERE page LIKE '/old/%'`))[0].n).toBe('0');
    expect((await shop<{ n: string }>(`SELECT count(*) AS n FROM page_views`))[0].n).toBe(String(20 * 100));
    // The views aged below the cursor survived: the run went on from where it stopped.
    expect((await shop<{ n: number }>(`SELECT count(*)::int AS n FROM page_views WHERE viewed_at < now() - interval '250 days'`))[0].n).toBe(belowCursor);
    const [event] = await db<{ data: { rowsAffected: number; resumes: number } }>(
      `SELECT data FROM audit_event WHERE action = 'retention_run_completed' AND data->>'runId' = $1`,
      [runId],
    );
    expect(event.data).toMatchObject({ rowsAffected: counted, resumes: done.resumes });
  }, 180_000);
});
