import { createScratchDatabase, type TestDatabase } from '@rightsdesk/testing';
import type { ResolvedKeys } from '../../src/connector';
import type { PostgresSystem, RetentionRule } from '../../src/datamap/datamap.types';
import { PostgresConnector, PostgresConnectorError } from '../../src/postgres/postgres.connector';
import type { RetentionCascade, RetentionWindow } from '../../src/retention';
import { createShopStore, type ShopPerson, type ShopStore } from './shop-store';

// Deleting customers that orders, page views and support tickets point at (real NO ACTION foreign
// keys): each referencing row gets the erasure action the data map gives it, before the customer goes.

const RULE: RetentionRule = { name: 'delete', field: 'last_login_at', period: 'P3Y', action: 'delete', legalHold: false };
const WINDOW: RetentionWindow = { cutoff: new Date('2022-06-01T00:00:00Z') };
const CUSTOMER_ID = { system: 'shop', collection: 'customers', field: 'id' };

let database: TestDatabase;
let store: ShopStore;
const connectors: PostgresConnector[] = [];

function connect(system: PostgresSystem = store.system): PostgresConnector {
  const connector = new PostgresConnector(system, { url: database.url });
  connectors.push(connector);
  return connector;
}

/** Records what beforeDelete was given and whether those customers still existed then. */
function recordingCascade(onCall?: () => Promise<void>): RetentionCascade & { calls: Array<{ keys: ResolvedKeys; present: number }> } {
  const calls: Array<{ keys: ResolvedKeys; present: number }> = [];
  return {
    wanted: [CUSTOMER_ID],
    calls,
    beforeDelete: async (keys) => {
      const [row] = await store.query<{ n: string }>(`SELECT count(*) AS n FROM ${store.table('customers')} WHERE id = ANY($1::bigint[])`, [
        keys['shop.customers.id'],
      ]);
      calls.push({ keys, present: Number(row.n) });
      await onCall?.();
    },
  };
}

async function lastSeen(person: ShopPerson, when: string): Promise<void> {
  await store.query(`UPDATE ${store.table('customers')} SET last_login_at = $2 WHERE id = $1`, [store.customerId(person), when]);
}

beforeAll(async () => {
  database = await createScratchDatabase();
});

beforeEach(async () => {
  store = await createShopStore(database.url);
  await lastSeen(store.a, '2019-01-01T00:00:00Z');
  await lastSeen(store.b, '2020-05-05T00:00:00Z');
  await lastSeen(store.c, '2024-01-01T00:00:00Z');
});

afterEach(async () => {
  await Promise.all(connectors.splice(0).map((connector) => connector.close()));
  await store.close();
});

afterAll(async () => {
  await database?.drop();
});

describe('PostgresConnector retention: deleting referenced rows', () => {
  it('applies the referencing collections’ erasure actions, then deletes, handing out the ids first', async () => {
    const [a, b] = [store.customerId(store.a), store.customerId(store.b)];
    const untouched = await store.snapshot(store.c.subject);
    const cascade = recordingCascade();

    const batch = await connect().retentionBatch('customers', RULE, WINDOW, null, 10, cascade);

    expect(batch).toEqual({ affected: 2, cursor: null, longestStatementMs: expect.any(Number) });
    expect(cascade.calls).toEqual([{ keys: { 'shop.customers.id': [a, b] }, present: 2 }]);
    expect(await store.query(`SELECT id::text FROM ${store.table('customers')} WHERE id = ANY($1::bigint[])`, [[a, b]])).toEqual([]);
    for (const person of [store.a, store.b]) {
      const left = await store.snapshot(person.subject);
      expect(Object.values(left.page_views)).toEqual([]);
      expect(Object.values(left.orders)).toEqual([
        expect.objectContaining({ customer_id: null, shipping_address: '[erased]', checkout_ip: `${person.ipv4.split('.').slice(0, 3).join('.')}.0`, total_cents: 1999 }),
        expect.objectContaining({ customer_id: null, shipping_address: '[erased]', total_cents: 4500 }),
      ]);
      expect(Object.values(left.order_items).map((item) => item.gift_message)).toEqual(['[erased]', null, null]);
      expect(Object.values(left.support_tickets)).toEqual([
        expect.objectContaining({ customer_id: null, subject: '[erased]', body: "[erased at the customer's request]" }),
        expect.objectContaining({ customer_id: null, subject: '[erased]', body: "[erased at the customer's request]" }),
      ]);
      // Not linked to customers: retention of customers leaves them to their own rules.
      expect(Object.values(left.newsletter_subscriptions)).toHaveLength(1);
    }
    expect(await store.snapshot(store.c.subject)).toEqual(untouched);
  });

  it('goes batch by batch in key order, one callback per batch with that batch’s ids', async () => {
    const cascade = recordingCascade();
    const sut = connect();
    const first = await sut.retentionBatch('customers', RULE, WINDOW, null, 1, cascade);
    const second = await sut.retentionBatch('customers', RULE, WINDOW, first.cursor, 1, cascade);
    const third = await sut.retentionBatch('customers', RULE, WINDOW, second.cursor, 1, cascade);

    const [a, b] = [store.customerId(store.a), store.customerId(store.b)];
    expect([first, second, third].map((batch) => [batch.affected, batch.cursor])).toEqual([
      [1, a],
      [1, b],
      [0, null],
    ]);
    expect(cascade.calls.map((call) => call.keys)).toEqual([{ 'shop.customers.id': [a] }, { 'shop.customers.id': [b] }]);
  });

  it('spares a customer who signed in while the callback ran, with everything pointing at them', async () => {
    const b = store.customerId(store.b);
    const cascade = recordingCascade(() => lastSeen(store.b, '2025-01-01T00:00:00Z'));
    const before = await store.snapshot(store.b.subject);

    const batch = await connect().retentionBatch('customers', RULE, WINDOW, null, 10, cascade);

    expect(batch.affected).toBe(1);
    expect(cascade.calls[0].keys['shop.customers.id']).toContain(b);
    const after = await store.snapshot(store.b.subject);
    expect({ ...after, customers: {} }).toEqual({ ...before, customers: {} });
    expect(Object.values(after.customers)).toEqual([expect.objectContaining({ last_login_at: '2025-01-01T00:00:00+00:00' })]);
  });

  it('deletes referenced rows without a callback when none is given', async () => {
    const batch = await connect().retentionBatch('customers', RULE, WINDOW, null, 10);
    expect(batch.affected).toBe(2);
    expect(await store.heldFor(store.c.subject)).toBeGreaterThan(0);
    const [row] = await store.query<{ n: string }>(`SELECT count(*) AS n FROM ${store.table('customers')}`);
    expect(Number(row.n)).toBe(1);
  });

  it('fails on the foreign key a kept reference leaves, naming the collection and constraint, and changes nothing', async () => {
    const keepsReference: PostgresSystem = {
      ...store.system,
      collections: store.system.collections.map((collection) =>
        collection.name !== 'orders'
          ? collection
          : {
              ...collection,
              fields: collection.fields.map((field) =>
                field.name === 'customer_id' ? { ...field, erasure: { action: 'keep', reason: 'test' } } : field,
              ),
            },
      ),
    };
    const before = await store.everything();

    const failure = await connect(keepsReference)
      .retentionBatch('customers', RULE, WINDOW, null, 10)
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(PostgresConnectorError);
    expect(failure).toMatchObject({ sqlState: '23503' });
    expect((failure as Error).message).toMatch(
      /^shop\.customers: retention rule delete failed: foreign key violation \(SQLSTATE 23503, constraint orders_customer_id_fkey\)$/,
    );
    expect(await store.everything()).toEqual(before);
  });

  it('refuses to hand out a field of another collection, before reading anything', async () => {
    const cascade = recordingCascade();
    cascade.wanted = [{ system: 'shop', collection: 'orders', field: 'id' }];
    await expect(connect().retentionBatch('customers', RULE, WINDOW, null, 10, cascade)).rejects.toThrow(
      'shop.customers: retention cannot hand out shop.orders.id, a field of another collection',
    );
    expect(cascade.calls).toEqual([]);
  });

  it('hands out keys before deleting from a collection nothing references', async () => {
    await store.query(`UPDATE ${store.table('page_views')} SET viewed_at = '2020-01-01' WHERE page = '/cart'`);
    const cascade: RetentionCascade & { seen: ResolvedKeys[] } = {
      wanted: [{ system: 'shop', collection: 'page_views', field: 'customer_id' }],
      seen: [],
      beforeDelete: (keys) => {
        cascade.seen.push(keys);
        return Promise.resolve();
      },
    };
    const rule: RetentionRule = { ...RULE, field: 'viewed_at' };

    const batch = await connect().retentionBatch('page_views', rule, WINDOW, null, 10, cascade);

    expect(batch.affected).toBe(3);
    expect(cascade.seen).toEqual([{ 'shop.page_views.customer_id': [store.a, store.b, store.c].map((person) => store.customerId(person)) }]);
    expect(await store.query(`SELECT page FROM ${store.table('page_views')} WHERE page = '/cart'`)).toEqual([]);
  });
});
