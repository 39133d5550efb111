import { createScratchDatabase, type TestDatabase } from '@rightsdesk/testing';
import { PostgresConnector } from '../../src/postgres/postgres.connector';
import { describeConnectorContract } from '../connector-contract';
import { createShopStore } from './shop-store';

let database: TestDatabase;

beforeAll(async () => {
  database = await createScratchDatabase();
});

afterAll(async () => {
  await database?.drop();
});

describeConnectorContract('postgres', async () => {
  const store = await createShopStore(database.url);
  const connector = new PostgresConnector(store.system, { url: database.url });
  return {
    connector,
    subjectA: store.a.subject,
    subjectB: store.b.subject,
    nobody: store.nobody,
    markers: {
      a: [store.a.email, store.a.username, store.a.giftMessage, store.a.ticketBody, store.a.ipv4],
      b: [store.b.email, store.b.username, store.b.phone, store.b.ipv4, store.b.ipv6, store.b.giftMessage, store.b.ticketBody, store.b.memberNo],
      secrets: [store.a.passwordHash],
    },
    heldFor: (subject) => store.heldFor(subject),
    snapshot: (subject) => store.snapshot(subject),
    capabilities: {
      access: true,
      erase: true,
      rectify: [
        { collection: 'customers', field: 'name', value: 'Alexandra Meyer' },
        { collection: 'customers', field: 'billing_address', value: '2 Side Street, Springfield' },
        { collection: 'customers', field: 'birth_date', value: '1980-02-04' },
      ],
      optOut: { isOptedOut: (subject) => store.isOptedOut(subject) },
    },
    brokenConnector: () =>
      new PostgresConnector(
        {
          ...store.system,
          collections: store.system.collections.map((collection) =>
            collection.name === 'orders' ? { ...collection, table: 'no_such_orders' } : collection,
          ),
        },
        { url: database.url },
      ),
    teardown: async () => {
      await connector.close();
      await store.close();
    },
  };
});
