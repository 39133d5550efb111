import { Client } from 'pg';
import { createScratchDatabase, type TestDatabase } from '@rightsdesk/testing';
import type { ActionResult, ExportSink } from '../../src/connector';
import { PostgresConnector, PostgresConnectorError } from '../../src/postgres/postgres.connector';
import { anActionContext, createShopStore, type ShopStore } from './shop-store';

let database: TestDatabase;
let store: ShopStore;
let connector: PostgresConnector;

beforeAll(async () => {
  database = await createScratchDatabase();
});

beforeEach(async () => {
  store = await createShopStore(database.url);
  connector = new PostgresConnector(store.system, { url: database.url });
});

afterEach(async () => {
  await connector.close();
  await store.close();
});

afterAll(async () => {
  await database?.drop();
});

function memorySink(): ExportSink & { records: Array<{ collection: string; record: Record<string, unknown> }> } {
  const records: Array<{ collection: string; record: Record<string, unknown> }> = [];
  return {
    records,
    write: (collection, record) => {
      records.push({ collection, record });
      return Promise.resolve();
    },
  };
}

function found(result: ActionResult): Record<string, number> {
  if (result.state !== 'done') {
    throw new Error('expected a done result');
  }
  return Object.fromEntries(result.collections.map((outcome) => [outcome.collection, outcome.found]));
}

describe('PostgresConnector.access', () => {
  it('exports collections in file order, with the primary key, JSON-safe values and no secret', async () => {
    const sink = memorySink();
    const result = await connector.access(store.a.subject, sink, anActionContext('access'));

    expect(found(result)).toEqual({
      customers: 1,
      orders: 2,
      order_items: 3,
      page_views: 3,
      support_tickets: 2,
      newsletter_subscriptions: 1,
      loyalty_accounts: 1,
    });
    const order = [...new Set(sink.records.map((entry) => entry.collection))];
    expect(order).toEqual(store.system.collections.map((collection) => collection.name));
    const customer = sink.records.find((entry) => entry.collection === 'customers')!.record;
    expect(customer).toEqual({
      id: store.customerId(store.a),
      username: store.a.username,
      email: store.a.email,
      name: 'Alex Meyer',
      phone: store.a.phone,
      billing_address: '1 Main Street, Springfield',
      card_last4: '4242',
      language: 'de',
      marketing_opt_in: true,
      birth_date: '1980-02-03',
      created_at: '2024-03-01T10:00:00.123Z',
    });
    const views = sink.records.filter((entry) => entry.collection === 'page_views').map((entry) => entry.record.ip);
    expect(views.sort()).toEqual([store.a.ipv6, store.a.ipv4, store.a.ipv4].sort());
    const loyalty = sink.records.find((entry) => entry.collection === 'loyalty_accounts')!.record;
    expect(loyalty).toEqual({ id: expect.any(String), member_no: store.a.memberNo, points: 120 });
  });

  it('streams a subject with 100,000 rows through a cursor, batch by batch', async () => {
    await store.query(
      `INSERT INTO ${store.table('page_views')} (customer_id, page, ip)
       SELECT $1, '/p/' || g, '203.0.113.57' FROM generate_series(1, 100000) AS g`,
      [store.customerId(store.a)],
    );
    const observer = new Client({ connectionString: database.url });
    await observer.connect();
    let pageViews = 0;
    let seenMidStream: Array<{ state: string; query: string }> = [];
    const sink: ExportSink = {
      write: async (collection) => {
        if (collection !== 'page_views') {
          return;
        }
        pageViews += 1;
        if (pageViews === 50_000) {
          // Half-way through, the connector's session waits on us between two FETCHes.
          seenMidStream = (
            await observer.query<{ state: string; query: string }>(
              `SELECT state, query FROM pg_stat_activity WHERE application_name = 'rightsdesk-connector' AND datname = current_database()`,
            )
          ).rows;
        }
      },
    };
    try {
      const result = await connector.access(store.a.subject, sink, anActionContext('access'));
      expect(found(result).page_views).toBe(100_003);
      expect(pageViews).toBe(100_003);
      expect(seenMidStream).toEqual([{ state: 'idle in transaction', query: expect.stringMatching(/^FETCH FORWARD 1000 FROM/) }]);
    } finally {
      await observer.end();
    }
  });

  it('stops and rolls back when the sink fails', async () => {
    const failing: ExportSink = { write: () => Promise.reject(new Error('disk full')) };
    await expect(connector.access(store.a.subject, failing, anActionContext('access'))).rejects.toThrow('disk full');
    // The connection went back to the pool in a usable state.
    expect(found(await connector.access(store.b.subject, memorySink(), anActionContext('access'))).customers).toBe(1);
  });
});

describe('PostgresConnector.resolveKeys', () => {
  it('returns the values of the wanted fields for the subject, as text', async () => {
    const keys = await connector.resolveKeys(store.a.subject, [
      { system: 'shop', collection: 'customers', field: 'id' },
      { system: 'shop', collection: 'orders', field: 'id' },
      { system: 'shop', collection: 'loyalty_accounts', field: 'member_no' },
    ]);
    const orderIds = await store.query<{ id: string }>(`SELECT id::text AS id FROM ${store.table('orders')} WHERE customer_id = $1`, [
      store.customerId(store.a),
    ]);

    expect(keys['shop.customers.id']).toEqual([store.customerId(store.a)]);
    expect(keys['shop.orders.id'].sort()).toEqual(orderIds.map((row) => row.id).sort());
    expect(keys['shop.loyalty_accounts.member_no']).toEqual([store.a.memberNo]);
    expect(await connector.resolveKeys(store.nobody, [{ system: 'shop', collection: 'customers', field: 'id' }])).toEqual({
      'shop.customers.id': [],
    });
  });

  it('refuses fields of another system or fields that do not exist', async () => {
    await expect(connector.resolveKeys(store.a.subject, [{ system: 'crm', collection: 'customers', field: 'id' }])).rejects.toThrow(
      PostgresConnectorError,
    );
    await expect(
      connector.resolveKeys(store.a.subject, [{ system: 'shop', collection: 'customers', field: 'shoe_size' }]),
    ).rejects.toThrow(/shop\.customers: column shoe_size does not exist/);
  });
});

describe('PostgresConnector statement timeout', () => {
  it('cancels a statement that waits too long, as a transient failure', async () => {
    const quick = new PostgresConnector(store.system, { url: database.url, statementTimeoutMs: 200 });
    const locker = new Client({ connectionString: database.url });
    await locker.connect();
    try {
      await quick.count(store.a.subject);
      await locker.query('BEGIN');
      await locker.query(`LOCK TABLE ${store.table('customers')} IN ACCESS EXCLUSIVE MODE`);

      const failure = await quick.count(store.a.subject).catch((error: unknown) => error);

      expect(failure).toBeInstanceOf(PostgresConnectorError);
      expect(failure).toMatchObject({ sqlState: '57014', transient: true });
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
      await quick.close();
    }
  });
});
