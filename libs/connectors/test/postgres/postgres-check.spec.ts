import { createScratchDatabase, type TestDatabase } from '@rightsdesk/testing';
import type { ErasureAction, PostgresSystem } from '../../src/datamap/datamap.types';
import { PostgresConnector } from '../../src/postgres/postgres.connector';
import { createShopStore, type ShopStore } from './shop-store';

let database: TestDatabase;
let store: ShopStore;
const connectors: PostgresConnector[] = [];

async function check(system: PostgresSystem, url = database.url): Promise<string[]> {
  const connector = new PostgresConnector(system, { url });
  connectors.push(connector);
  return connector.check();
}

/** The shop data map with one field's erasure action changed. */
function withErasure(collectionName: string, fieldName: string, erasure: ErasureAction): PostgresSystem {
  return {
    ...store.system,
    collections: store.system.collections.map((collection) =>
      collection.name !== collectionName
        ? collection
        : { ...collection, fields: collection.fields.map((field) => (field.name === fieldName ? { ...field, erasure } : field)) },
    ),
  };
}

beforeAll(async () => {
  database = await createScratchDatabase();
});

beforeEach(async () => {
  store = await createShopStore(database.url);
});

afterEach(async () => {
  await Promise.all(connectors.splice(0).map((connector) => connector.close()));
  await store.close();
});

afterAll(async () => {
  await database?.drop();
});

describe('PostgresConnector.check', () => {
  it('finds nothing wrong with a data map that fits the database', async () => {
    expect(await check(store.system)).toEqual([]);
  });

  it('reports a missing table, a missing column and a missing index', async () => {
    await store.query(`
      DROP TABLE ${store.table('loyalty_accounts')};
      ALTER TABLE ${store.table('orders')} DROP COLUMN shipping_address;
      DROP INDEX ${store.table('page_views_customer_id_idx')};`);

    expect(await check(store.system)).toEqual([
      `shop.orders: column shipping_address does not exist in ${store.schema}.orders`,
      `shop.page_views: index page_views_customer_id_idx (declared for column customer_id) does not exist in schema ${store.schema}`,
      `shop.loyalty_accounts: table ${store.schema}.loyalty_accounts does not exist`,
    ]);
  });

  it('reports retention and children columns the table lacks', async () => {
    const system: PostgresSystem = {
      ...store.system,
      collections: store.system.collections.map((collection) =>
        collection.name !== 'customers'
          ? collection
          : {
              ...collection,
              retention: [
                { name: 'delete', field: 'last_login_at', period: 'P3Y', action: 'delete', legalHold: false, condition: { field: 'closed_at', olderThan: 'P1Y' } },
                { name: 'scrub', field: 'signed_in_at', period: 'P1Y', action: 'anonymize', legalHold: false, anonymize: { phone: { action: 'set_null' } } },
              ],
              children: { birthDate: 'born_on', under: 13 },
            },
      ),
    };

    expect(await check(system)).toEqual([
      `shop.customers: column closed_at does not exist in ${store.schema}.customers`,
      `shop.customers: column signed_in_at does not exist in ${store.schema}.customers`,
      `shop.customers: column born_on does not exist in ${store.schema}.customers`,
    ]);
  });

  it('reports an index that cannot serve the lookup: lower(email) instead of email', async () => {
    await store.query(`
      DROP INDEX ${store.table('newsletter_subscriptions_email_idx')};
      CREATE INDEX newsletter_subscriptions_email_idx ON ${store.table('newsletter_subscriptions')} (lower(email));`);

    expect(await check(store.system)).toEqual([
      'shop.newsletter_subscriptions: index newsletter_subscriptions_email_idx does not start with column email, so it cannot serve the subject lookup',
    ]);
  });

  it('reports hash on a non-text column and on a column too short for the hash', async () => {
    await store.query(`ALTER TABLE ${store.table('newsletter_subscriptions')} ALTER COLUMN email TYPE varchar(40)`);

    expect(await check(withErasure('orders', 'total_cents', { action: 'hash' }))).toEqual([
      'shop.orders: field total_cents: hash needs a text column, not integer',
      'shop.newsletter_subscriptions: field email: hashed values have 69 characters, the column takes 40',
    ]);
  });

  it('reports a replace value the column type cannot take, without repeating the value', async () => {
    const problems = await check(withErasure('customers', 'birth_date', { action: 'replace', value: 'soon after birth' }));

    expect(problems).toEqual([
      expect.stringMatching(/^shop\.customers: field birth_date: the replace value does not fit column type date: .*SQLSTATE 22007/),
    ]);
    expect(problems[0]).not.toContain('soon after birth');
  });

  it('reports set_null on a NOT NULL column, anonymize_ip on a number, and a bad opt-out value', async () => {
    const system = withErasure('support_tickets', 'subject', { action: 'set_null' });
    const ordersFixed = withErasure('orders', 'total_cents', { action: 'anonymize_ip' });
    system.collections = system.collections.map((collection) => {
      if (collection.name === 'orders') {
        return ordersFixed.collections.find((candidate) => candidate.name === 'orders')!;
      }
      return collection.name === 'customers' ? { ...collection, optOut: { marketing_opt_in: 'maybe' } } : collection;
    });

    expect(await check(system)).toEqual([
      'shop.customers: opt-out column marketing_opt_in: the value does not fit column type boolean: invalid value for the column type (SQLSTATE 22P02)',
      'shop.orders: field total_cents: anonymize_ip needs an inet or text column, not integer',
      'shop.support_tickets: field subject: set_null on a NOT NULL column',
    ]);
  });

  it('reports an erase order that misses a collection', async () => {
    expect(await check({ ...store.system, eraseOrder: store.system.eraseOrder.slice(1) })).toEqual([
      'shop: the erase order does not list every collection exactly once',
    ]);
  });

  it('reports a database it cannot reach instead of throwing', async () => {
    const url = new URL(database.url);
    url.pathname = '/no_such_database';
    expect(await check(store.system, url.toString())).toEqual([
      expect.stringMatching(/^shop: cannot read the database: .*SQLSTATE 3D000/),
    ]);
  });
});
