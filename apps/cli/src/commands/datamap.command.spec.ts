import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { withPostgresClient } from '@rightsdesk/local-services';
import { createScratchDatabase, s3TestEndpoint, type TestDatabase } from '@rightsdesk/testing';
import { Client } from 'pg';
import { createDemoCompanySchema, DEMO_PEOPLE, seedDemoCompany } from '../embedded/demo-company';
import { workspacePaths } from '../embedded/workspace-paths';
import { dataMapCommand } from './datamap.command';
import { runCaptured } from './run-captured.test';

const DEMO_MAP = workspacePaths().demoDataMap;

function run(argv: string[]): ReturnType<typeof runCaptured> {
  return runCaptured(dataMapCommand, argv);
}

describe('rightsdesk datamap', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'rightsdesk-datamap-cli-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('validate: accepts the demo data map and prints the derived erase order', async () => {
    const result = await run(['validate', DEMO_MAP]);
    expect(result.code).toBe(0);
    expect(result.out).toContain('valid — 3 system(s)');
    expect(result.out).toMatch(/shop \(postgres\)\s+erase order: orders → page_views → support_tickets → customers/);
  });

  it('validate: names file, line, column and key of every problem', async () => {
    const file = path.join(dir, 'broken.yaml');
    await writeFile(
      file,
      [
        'version: 1',
        'systems:',
        '  shop:',
        '    kind: postgres',
        '    title: Shop',
        '    connection: { url: { env: SHOP_URL } }',
        '    collections:',
        '      orders:',
        '        table: orders',
        '        reference: { field: customer_id, to: custmers.id }',
        '        fields:',
        '          customer_id: { category: account.id, erasure: set_null }',
        '          total: { category: money.amount, erasure: keep }',
        '',
      ].join('\n'),
    );
    const result = await run(['validate', file]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:10:\\d+ systems\\.shop\\.collections\\.orders\\.reference\\.to: collection "custmers" does not exist in system "shop"`));
    expect(result.err).toMatch(/:13:\d+ systems\.shop\.collections\.orders\.fields\.total\.category: unknown data category "money\.amount"/);
    expect(result.err).toMatch(/:13:\d+ systems\.shop\.collections\.orders\.fields\.total\.erasure: unknown erasure action "keep"/);
  });

  describe('plan', () => {
    let company: TestDatabase;

    beforeAll(async () => {
      company = await createScratchDatabase();
      const client = new Client({ connectionString: company.url });
      await client.connect();
      try {
        await createDemoCompanySchema(client, { withIndexes: true });
        await seedDemoCompany(client, { people: 50 });
      } finally {
        await client.end();
      }
      process.env.DEMO_COMPANY_DATABASE_URL = company.url;
      process.env.DEMO_S3_ENDPOINT = s3TestEndpoint();
      process.env.DEMO_S3_ACCESS_KEY_ID = 'S3RVER';
      process.env.DEMO_S3_SECRET_ACCESS_KEY = 'S3RVER';
    });

    afterAll(async () => {
      await company?.drop();
    });

    const customerRows = () =>
      withPostgresClient(company.url, async (client) => (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM customers')).rows[0].n);

    it('prints what an erasure would touch per system, in erase order, and changes nothing', async () => {
      const before = await customerRows();
      const result = await run(['plan', DEMO_MAP, '--email', DEMO_PEOPLE.ada, '--type', 'erasure']);
      expect(result.code).toBe(0);
      expect(result.out).toContain('Plan for an erasure request (nothing changed)');
      expect(result.out).toMatch(/orders\s+\d+\s+update the rows: set_null\(customer_id\)/);
      expect(result.out).toMatch(/customers\s+1\s+delete the rows/);
      expect(result.out.indexOf('orders')).toBeLessThan(result.out.indexOf('customers'));
      expect(await customerRows()).toBe(before);
    });

    it('finds nothing for someone the company does not know', async () => {
      const result = await run(['plan', DEMO_MAP, '--email', 'stranger@example.org', '--type', 'access']);
      expect(result.code).toBe(0);
      expect(result.out).toMatch(/customers\s+0\s+export the rows \(not password_hash: secret, listed as held\)/);
    });

    it('refuses an unknown request type', async () => {
      const result = await run(['plan', DEMO_MAP, '--email', DEMO_PEOPLE.ada, '--type', 'delete_everything']);
      expect(result.code).toBe(2);
    });
  });
});
