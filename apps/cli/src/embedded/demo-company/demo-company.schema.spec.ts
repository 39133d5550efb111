import { loadDataMap, PostgresConnector, type PostgresSystem } from '@rightsdesk/connectors';
import { createScratchDatabase, type TestDatabase } from '@rightsdesk/testing';
import { Client } from 'pg';
import { workspacePaths } from '../workspace-paths';
import { createDemoCompanyIndexes, createDemoCompanySchema } from './demo-company.schema';

const SECONDARY_INDEXES = [
  'customers_email_idx',
  'customers_username_idx',
  'newsletter_subscriptions_email_idx',
  'orders_customer_id_idx',
  'page_views_customer_id_idx',
  'page_views_viewed_at_idx',
  'support_tickets_customer_id_idx',
];
const FOREIGN_KEYS = [
  'orders_customer_id_fkey',
  'page_views_customer_id_fkey',
  'support_tickets_customer_id_fkey',
];

describe('createDemoCompanySchema', () => {
  let database: TestDatabase;
  let client: Client;

  beforeEach(async () => {
    database = await createScratchDatabase();
    client = new Client({ connectionString: database.url });
    await client.connect();
  });

  afterEach(async () => {
    await client?.end();
    await database?.drop();
  });

  async function secondaryIndexes(): Promise<string[]> {
    const { rows } = await client.query<{ name: string }>(
      `SELECT indexname AS name FROM pg_indexes WHERE schemaname = 'public' AND indexname NOT LIKE '%_pkey' ORDER BY 1`,
    );
    return rows.map((row) => row.name);
  }

  async function foreignKeys(): Promise<string[]> {
    const { rows } = await client.query<{ name: string }>(
      `SELECT conname AS name FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace ORDER BY 1`,
    );
    return rows.map((row) => row.name);
  }

  it('creates tables, indexes and foreign keys, and can run again without changing anything', async () => {
    await createDemoCompanySchema(client, { withIndexes: true });
    await createDemoCompanySchema(client, { withIndexes: true });
    await createDemoCompanyIndexes(client);

    expect(await secondaryIndexes()).toEqual(SECONDARY_INDEXES);
    expect(await foreignKeys()).toEqual(FOREIGN_KEYS);
    const { rows } = await client.query<{ table: string; id: string }>(
      `SELECT table_name AS table, identity_generation AS id FROM information_schema.columns
       WHERE table_schema = 'public' AND column_name = 'id' ORDER BY 1`,
    );
    expect(rows).toEqual(
      ['customers', 'newsletter_subscriptions', 'orders', 'page_views', 'support_tickets'].map((table) => ({
        table,
        id: 'ALWAYS',
      })),
    );
  });

  it('leaves indexes and foreign keys out for a bulk load until createDemoCompanyIndexes', async () => {
    await createDemoCompanySchema(client, { withIndexes: false });
    expect(await secondaryIndexes()).toEqual([]);
    expect(await foreignKeys()).toEqual([]);

    await createDemoCompanyIndexes(client);
    expect(await secondaryIndexes()).toEqual(SECONDARY_INDEXES);
    expect(await foreignKeys()).toEqual(FOREIGN_KEYS);
  });

  it('matches the demo data map: the postgres connector finds nothing to complain about', async () => {
    await createDemoCompanySchema(client, { withIndexes: true });
    const dataMap = await loadDataMap(workspacePaths().demoDataMap);
    const shop = dataMap.systems.find((system): system is PostgresSystem => system.kind === 'postgres');
    expect(shop?.key).toBe('shop');
    const connector = new PostgresConnector(shop!, { url: database.url });
    try {
      expect(await connector.check()).toEqual([]);
    } finally {
      await connector.close();
    }
  });
});
