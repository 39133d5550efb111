import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { DataSource } from 'typeorm';
import { withPostgresClient } from '@rightsdesk/local-services';
import { companyDataMap, createCompanySchema, createScratchDatabase, createTestBucket, type TestBucket, type TestDatabase } from '@rightsdesk/testing';
import { ErasurePlanService } from '@rightsdesk/workflow';
import { startApi, type ApiHarness } from './api-harness';
import { anOfficer, signIn, type TestOfficer } from './console-harness';
import { fileVerified } from './execution-fixtures';

interface Plan {
  requestId: string;
  type: string;
  generatedAt: string;
  systems: Array<{ system: string; title: string; kind: string; collections: Array<{ collection: string; count: number | null; effect: string }>; error?: string }>;
}

/** A customer with orders, page views, a newsletter row and a profile picture; answers the customer id. */
async function aCustomer(company: TestDatabase, bucket: TestBucket, email: string, orders: number, pageViews: number): Promise<string> {
  const id = await withPostgresClient(company.url, async (client) => {
    const { rows } = await client.query<{ id: string }>(`INSERT INTO customers (email, name) VALUES ($1, 'Someone') RETURNING id::text`, [email]);
    await client.query(`INSERT INTO orders (customer_id, shipping_address, total_cents) SELECT $1, '1 Long Street', 1000 FROM generate_series(1, $2::int)`, [rows[0].id, orders]);
    await client.query(`INSERT INTO page_views (customer_id, page, ip) SELECT $1, '/p', '10.0.0.1' FROM generate_series(1, $2::int)`, [rows[0].id, pageViews]);
    await client.query(`INSERT INTO newsletter (email) VALUES ($1)`, [email]);
    return rows[0].id;
  });
  await bucket.client.send(new PutObjectCommand({ Bucket: bucket.name, Key: `avatars/${id}/avatar.png`, Body: Buffer.from('png'), ContentType: 'image/png' }));
  return id;
}

describe('console erasure plan: GET /api/v1/console/requests/{id}/erasure-plan', () => {
  let h: ApiHarness;
  let company: TestDatabase;
  let bucket: TestBucket;
  let dir: string;
  let officer: TestOfficer;
  const envPrefix = `RDPLAN_${randomBytes(4).toString('hex').toUpperCase()}`;

  beforeAll(async () => {
    company = await createScratchDatabase();
    await createCompanySchema(company.url);
    bucket = await createTestBucket();
    dir = await mkdtemp(path.join(os.tmpdir(), 'rightsdesk-plan-'));
    const dataMapPath = path.join(dir, 'datamap.yaml');
    await writeFile(dataMapPath, companyDataMap({ bucket: bucket.name, envPrefix }));
    Object.assign(process.env, {
      [`${envPrefix}_COMPANY_URL`]: company.url,
      [`${envPrefix}_S3_ENDPOINT`]: bucket.endpoint,
      [`${envPrefix}_S3_KEY`]: 'S3RVER',
      [`${envPrefix}_S3_SECRET`]: 'S3RVER',
    });
    h = await startApi({ DATAMAP_PATH: dataMapPath, PACKAGE_DIR: path.join(dir, 'packages') });
    officer = await anOfficer(h, 'officer', { displayName: 'Plan Officer' });
  });

  afterAll(async () => {
    await h?.close();
    await bucket?.drop();
    await company?.drop();
    await rm(dir, { recursive: true, force: true });
    for (const name of ['COMPANY_URL', 'S3_ENDPOINT', 'S3_KEY', 'S3_SECRET']) {
      delete process.env[`${envPrefix}_${name}`];
    }
  });

  it('counts what an erasure would touch per system and collection, in erase order, without personal data, and audits the view', async () => {
    const email = 'plan-ada@example.com';
    await aCustomer(company, bucket, email, 2, 3);
    // Someone else's data is not counted.
    await aCustomer(company, bucket, 'plan-other@example.com', 5, 5);
    const request = await fileVerified(h, { type: 'erasure', email });
    const session = await signIn(h, officer);

    const response = await session.get(`/api/v1/console/requests/${request.id}/erasure-plan`);
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain(email);
    const plan = response.json<Plan>();
    expect(plan).toMatchObject({ requestId: request.id, type: 'erasure' });
    // The suppression list is never erased (it keeps an opt-out honoured), so it is not planned.
    expect(plan.systems.map((s) => s.system)).toEqual(['shop', 'avatars']);
    const shop = plan.systems[0];
    expect(shop.error).toBeUndefined();
    // Children first: the derived erase order.
    expect(shop.collections.map((c) => [c.collection, c.count])).toEqual([
      ['orders', 2],
      ['page_views', 3],
      ['customers', 1],
      ['newsletter', 1],
    ]);
    expect(shop.collections.find((c) => c.collection === 'customers')?.effect).toBe('delete the rows');
    expect(plan.systems[1].collections).toEqual([{ collection: 'avatars', count: 1, effect: 'delete the objects (all versions)' }]);

    const events = await h.app
      .get(DataSource)
      .query<Array<{ actor_type: string; actor_id: string; data: unknown }>>(`SELECT actor_type, actor_id, data FROM audit_event WHERE request_id = $1 AND action = 'erasure_plan_viewed'`, [request.id]);
    expect(events).toEqual([{ actor_type: 'officer', actor_id: officer.id, data: null }]);
  });

  it("plans a child's data removal for the child's identities, not the parent's", async () => {
    const parent = 'plan-parent@example.com';
    const child = 'plan-child@example.com';
    await aCustomer(company, bucket, parent, 4, 4);
    await aCustomer(company, bucket, child, 1, 2);
    const request = await fileVerified(h, {
      type: 'child_data_removal',
      email: parent,
      details: { child: { email: child }, relationship: 'parent', childAge: 11 },
    });
    const plan = (await (await signIn(h, officer)).get(`/api/v1/console/requests/${request.id}/erasure-plan`)).json<Plan>();
    expect(plan.type).toBe('child_data_removal');
    expect(plan.systems[0].collections.map((c) => [c.collection, c.count])).toEqual([
      ['orders', 1],
      ['page_views', 2],
      ['customers', 1],
      ['newsletter', 1],
    ]);
  });

  it('marks every system timed out when the budget runs out before the subject is resolved', async () => {
    const request = await fileVerified(h, { type: 'erasure', email: 'plan-slow@example.com' });
    const plan = await h.app.get(ErasurePlanService).plan(request.id, officer.id, 0);
    expect(plan.systems.map((s) => [s.system, s.error, s.collections])).toEqual([
      ['shop', 'timeout', []],
      ['avatars', 'timeout', []],
    ]);
  });

  it('refuses other request types, unknown ids and auditors', async () => {
    const access = await fileVerified(h, { type: 'access', email: 'plan-access@example.com' });
    const session = await signIn(h, officer);
    const refused = await session.get(`/api/v1/console/requests/${access.id}/erasure-plan`);
    expect([refused.statusCode, refused.json<{ code: string }>().code]).toEqual([409, 'conflict']);
    const unknown = await session.get('/api/v1/console/requests/00000000-0000-4000-8000-000000000000/erasure-plan');
    expect([unknown.statusCode, unknown.json<{ code: string }>().code]).toEqual([404, 'not_found']);
    const malformed = await session.get('/api/v1/console/requests/not-an-id/erasure-plan');
    expect(malformed.statusCode).toBe(404);
    const auditor = await signIn(h, await anOfficer(h, 'auditor'));
    expect((await auditor.get(`/api/v1/console/requests/${access.id}/erasure-plan`)).statusCode).toBe(403);
  });
});

describe('console erasure plan without a data map', () => {
  let h: ApiHarness;

  beforeAll(async () => {
    h = await startApi();
  });

  afterAll(async () => {
    await h.close();
  });

  it('answers 409 no_data_map', async () => {
    const request = await fileVerified(h, { type: 'erasure', email: 'plan-nomap@example.com' });
    const response = await (await signIn(h, await anOfficer(h))).get(`/api/v1/console/requests/${request.id}/erasure-plan`);
    expect([response.statusCode, response.json<{ code: string }>().code]).toEqual([409, 'no_data_map']);
  });
});
