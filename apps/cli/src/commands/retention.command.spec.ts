import { readFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { withPostgresClient } from '@rightsdesk/local-services';
import { createScratchDatabase, createTestBucket, testEnv, type TestBucket, type TestDatabase } from '@rightsdesk/testing';
import { Client } from 'pg';
import { createDemoCompanySchema, demoAvatarOwnerIds, seedDemoAvatars, seedDemoCompany } from '../embedded/demo-company';
import { workspacePaths } from '../embedded/workspace-paths';
import { retentionCommand } from './retention.command';
import { runCaptured } from './run-captured.test';

function run(argv: string[]): ReturnType<typeof runCaptured> {
  return runCaptured(retentionCommand, argv);
}

/** The `due` column of the plan table for one rule. */
function dueIn(table: string, ruleId: string): number {
  const line = table.split('\n').find((row) => row.startsWith(`${ruleId} `));
  if (!line) {
    throw new Error(`${ruleId} is not in the plan:\n${table}`);
  }
  return Number(line.split(/\s{2,}/)[2].replace(/,/g, ''));
}

// `npm run rightsdesk -- retention …` on the demo company, exactly as `npm start` seeds it (fewer
// people) and with the demo data map as shipped (only the bucket is the test's own).
describe('rightsdesk retention, on the demo data', () => {
  let company: TestDatabase;
  let bucket: TestBucket;
  let dir: string;
  let cleanup: () => Promise<void>;
  const saved = { ...process.env };
  const shop = <T>(sql: string, params: unknown[] = []) =>
    withPostgresClient(company.url, async (client) => (await client.query(sql, params)).rows as T[]);

  beforeAll(async () => {
    company = await createScratchDatabase();
    const client = new Client({ connectionString: company.url });
    await client.connect();
    let owners: string[];
    try {
      await createDemoCompanySchema(client, { withIndexes: true });
      await seedDemoCompany(client, { people: 400 });
      owners = await demoAvatarOwnerIds(client);
    } finally {
      await client.end();
    }
    bucket = await createTestBucket();
    await seedDemoAvatars({ endpoint: bucket.endpoint, accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', region: 'us-east-1', bucket: bucket.name, customerIds: owners });
    dir = await mkdtemp(path.join(os.tmpdir(), 'rightsdesk-retention-cli-'));
    const map = (await readFile(workspacePaths().demoDataMap, 'utf8')).replace('bucket: demo-avatars', `bucket: ${bucket.name}`);
    const dataMapPath = path.join(dir, 'datamap.yaml');
    await writeFile(dataMapPath, map);
    const made = await testEnv({ DATAMAP_PATH: dataMapPath, SMTP_URL: 'smtp://127.0.0.1:9', PACKAGE_DIR: path.join(dir, 'packages') });
    cleanup = made.cleanup;
    Object.assign(process.env, made.env, {
      DEMO_COMPANY_DATABASE_URL: company.url,
      DEMO_S3_ENDPOINT: bucket.endpoint,
      DEMO_S3_ACCESS_KEY_ID: 'S3RVER',
      DEMO_S3_SECRET_ACCESS_KEY: 'S3RVER',
      LOG_LEVEL: 'silent',
    });
  }, 120_000);

  afterAll(async () => {
    process.env = saved;
    await cleanup?.();
    await bucket?.drop();
    await company?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('plan: shows per rule what is due now, with sample keys, and changes nothing', async () => {
    const [before] = await shop<{ views: string; customers: string }>(`SELECT (SELECT count(*) FROM page_views) AS views, (SELECT count(*) FROM customers) AS customers`);
    const result = await run(['plan']);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const [expected] = await shop<{ old: number; host: number; inactive: number }>(
      `SELECT count(*) FILTER (WHERE viewed_at < now() - interval '120 days')::int AS old,
              count(*) FILTER (WHERE viewed_at < now() - interval '30 days' AND ip <> network(set_masklen(ip, CASE WHEN family(ip) = 4 THEN 24 ELSE 48 END)))::int AS host,
              (SELECT count(*)::int FROM customers WHERE last_login_at < now() - interval '3 years') AS inactive
         FROM page_views`,
    );
    expect(expected.old).toBeGreaterThan(0);
    expect(dueIn(result.out, 'shop.page_views.delete')).toBe(expected.old);
    expect(dueIn(result.out, 'shop.page_views.anonymize')).toBe(expected.host);
    expect(dueIn(result.out, 'shop.customers.delete')).toBe(expected.inactive);
    // The demo people include a child under 13 (timmy2015).
    expect(dueIn(result.out, 'shop.customers.children')).toBeGreaterThanOrEqual(1);
    expect(result.out).toMatch(/^rightsdesk\.[a-z_]+ /m);
    const [after] = await shop<{ views: string; customers: string }>(`SELECT (SELECT count(*) FROM page_views) AS views, (SELECT count(*) FROM customers) AS customers`);
    expect(after).toEqual(before);

    const json = JSON.parse((await run(['plan', 'shop.page_views.delete', '--json'])).out) as Array<{ ruleId: string; due: number; sampleKeys: string[] }>;
    expect(json).toHaveLength(1);
    expect(json[0]).toMatchObject({ ruleId: 'shop.page_views.delete', due: expected.old });
    expect(json[0].sampleKeys.length).toBe(Math.min(5, expected.old));
  });

  it('run: deletes old page views and anonymizes IPs; a second run has nothing left to do', async () => {
    expect((await run(['run', 'shop.page_views.delete'])).code).toBe(0);
    expect((await run(['run', 'shop.page_views.anonymize'])).code).toBe(0);
    const [left] = await shop<{ old: number; host: number }>(
      `SELECT count(*) FILTER (WHERE viewed_at < now() - interval '120 days')::int AS old,
              count(*) FILTER (WHERE viewed_at < now() - interval '30 days' AND ip <> network(set_masklen(ip, CASE WHEN family(ip) = 4 THEN 24 ELSE 48 END)))::int AS host
         FROM page_views`,
    );
    expect(left).toEqual({ old: 0, host: 0 });
    const again = await run(['run', 'shop.page_views.delete']);
    expect(again.out).toMatch(/completed; 0 row\(s\) in 1 batch\(es\), 0 error\(s\)/);
    const runs = await run(['runs']);
    expect(runs.out.split('\n').filter((line) => line.includes('shop.page_views.delete') && line.includes('completed'))).toHaveLength(2);
  });

  it('deletes customers inactive for three years with their orders, page views, tickets and avatars handled first', async () => {
    const inactive = (await shop<{ id: string }>(`SELECT id::text FROM customers WHERE last_login_at < now() - interval '3 years'`)).map((row) => row.id);
    expect(inactive.length).toBeGreaterThan(0);
    const avatarsOf = async (ids: string[]) => {
      const listed = await bucket.client.send(new ListObjectsV2Command({ Bucket: bucket.name, Prefix: 'avatars/' }));
      return (listed.Contents ?? []).map((object) => object.Key!.split('/')[1]).filter((id) => ids.includes(id));
    };
    // One of them surely has a profile picture (the seeded owners are mostly recent customers).
    await bucket.client.send(new PutObjectCommand({ Bucket: bucket.name, Key: `avatars/${inactive[0]}/avatar.png`, Body: Buffer.from('png') }));
    expect(await avatarsOf(inactive)).toContain(inactive[0]);
    expect((await run(['run', 'shop.customers.delete'])).code).toBe(0);
    const [left] = await shop<{ customers: number; orders: number; views: number; tickets: number }>(
      `SELECT (SELECT count(*)::int FROM customers WHERE id = ANY($1::bigint[])) AS customers,
              (SELECT count(*)::int FROM orders WHERE customer_id = ANY($1::bigint[])) AS orders,
              (SELECT count(*)::int FROM page_views WHERE customer_id = ANY($1::bigint[])) AS views,
              (SELECT count(*)::int FROM support_tickets WHERE customer_id = ANY($1::bigint[])) AS tickets`,
      [inactive],
    );
    expect(left).toEqual({ customers: 0, orders: 0, views: 0, tickets: 0 });
    expect(await avatarsOf(inactive)).toEqual([]);
    // The active customers' avatars are still there.
    const active = (await shop<{ id: string }>(`SELECT id::text FROM customers`)).map((row) => row.id);
    expect((await avatarsOf(active)).length).toBeGreaterThan(0);
  });

  it("children: opens one child_data_removal request per under-13 account for officer review, once", async () => {
    const first = await run(['run', 'shop.customers.children']);
    expect(first.code).toBe(0);
    const opened = await withPostgresClient(process.env.DATABASE_URL!, async (client) =>
      (await client.query<{ type: string; status: string; channel: string }>(`SELECT type, status, channel FROM privacy_request`)).rows,
    );
    expect(opened.length).toBeGreaterThanOrEqual(1);
    expect(opened.every((request) => request.type === 'child_data_removal' && request.status === 'awaiting_review' && request.channel === 'retention')).toBe(true);
    expect((await run(['run', 'shop.customers.children'])).out).toMatch(/completed; 0 row\(s\)/);
    const count = await withPostgresClient(process.env.DATABASE_URL!, async (client) => (await client.query(`SELECT count(*)::int AS n FROM privacy_request`)).rows[0].n as number);
    expect(count).toBe(opened.length);
  });

  it('refuses a rule that does not exist and a missing rule id', async () => {
    expect((await run(['run'])).code).toBe(2);
    const unknown = await run(['plan', 'shop.nowhere.delete']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('No such retention rule');
  });
});
