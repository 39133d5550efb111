import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort, withPostgresClient } from '@rightsdesk/local-services';
import {
  type AppProcess,
  companyDataMap,
  type CompanyDataMapOptions,
  createScratchDatabase,
  createTestBucket,
  type SmtpSink,
  startAppProcess,
  startSmtpSink,
  testEnv,
  type TestBucket,
  type TestDatabase,
} from '@rightsdesk/testing';
import { runCli, seedAvatars, seedCompany } from './execution-fixtures';

export interface WebStack {
  /** http://127.0.0.1:<port>, the PUBLIC_URL every emailed link starts with. */
  base: string;
  sink: SmtpSink;
  env: Record<string, string>;
  /** A query on Rightsdesk's own database. */
  db<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** A query on the company's database (the data map's `shop` system). */
  shop<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** An officer account made with the built CLI, as an operator makes one. */
  officer(role: 'admin' | 'officer' | 'auditor', email: string, name: string): Promise<{ email: string; password: string }>;
  stop(): Promise<void>;
}

// The product as `npm start` runs it, for the browser tests: the built api (serving the built web
// app) and worker as processes, with a company database and S3 bucket described by a data map,
// on the test harness's PostgreSQL and Redis and an SMTP sink that stands in for the mail catcher.
export async function startWebStack(
  options: { customers?: number; pageViewRetention?: CompanyDataMapOptions['pageViewRetention']; env?: Record<string, string> } = {},
): Promise<WebStack> {
  const sink = await startSmtpSink();
  const company: TestDatabase = await createScratchDatabase();
  await seedCompany(company.url, { customers: options.customers ?? 5, ordersEach: 2, pageViewsEach: 3 });
  const bucket: TestBucket = await createTestBucket();
  await seedAvatars(company.url, bucket);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rightsdesk-web-'));
  const envPrefix = `RDWEB_${randomBytes(4).toString('hex').toUpperCase()}`;
  const dataMapPath = path.join(dir, 'datamap.yaml');
  await writeFile(dataMapPath, companyDataMap({ bucket: bucket.name, envPrefix, shopConcurrency: 2, pageViewRetention: options.pageViewRetention }));
  const [apiPort, workerPort] = [await freePort(), await freePort()];
  const base = `http://127.0.0.1:${apiPort}`;
  const made = await testEnv({
    SMTP_URL: sink.url,
    PORT: String(apiPort),
    PUBLIC_URL: base,
    WORKER_HEALTH_PORT: String(workerPort),
    DATAMAP_PATH: dataMapPath,
    PACKAGE_DIR: path.join(dir, 'packages'),
    OUTBOX_POLL_INTERVAL_MS: '100',
    RECONCILE_INTERVAL_SECONDS: '2',
    LOG_LEVEL: 'warn',
    [`${envPrefix}_COMPANY_URL`]: company.url,
    [`${envPrefix}_S3_ENDPOINT`]: bucket.endpoint,
    [`${envPrefix}_S3_KEY`]: 'S3RVER',
    [`${envPrefix}_S3_SECRET`]: 'S3RVER',
    ...options.env,
  });
  const env = made.env;
  let api: AppProcess | undefined;
  let worker: AppProcess | undefined;
  try {
    api = await startAppProcess('api', env, apiPort);
    worker = await startAppProcess('worker', env, workerPort);
  } catch (error) {
    await api?.stop();
    throw error;
  }
  return {
    base,
    sink,
    env,
    db: <T>(sql: string, params: unknown[] = []) => withPostgresClient(env.DATABASE_URL, async (client) => (await client.query(sql, params)).rows as T[]),
    shop: <T>(sql: string, params: unknown[] = []) => withPostgresClient(company.url, async (client) => (await client.query(sql, params)).rows as T[]),
    async officer(role, email, name) {
      const password = `${role} passphrase ${randomBytes(6).toString('hex')}`;
      const made = await runCli(['officer', 'create', '--email', email, '--name', name, '--role', role, '--password-stdin'], env, `${password}\n`);
      if (made.code !== 0) {
        throw new Error(`officer create failed: ${made.output}`);
      }
      return { email, password };
    },
    async stop() {
      await worker?.stop();
      await api?.stop();
      await sink.stop();
      await made.cleanup();
      await company.drop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
