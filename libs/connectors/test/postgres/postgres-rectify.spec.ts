import { RequestException } from '@rightsdesk/domain';
import { createScratchDatabase, type TestDatabase } from '@rightsdesk/testing';
import { emptyIdentities, type ActionResult } from '../../src/connector';
import { PostgresConnector } from '../../src/postgres/postgres.connector';
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

function outcomes(result: ActionResult): unknown {
  return result.state === 'done' ? result.collections : result;
}

async function failureOf(promise: Promise<unknown>): Promise<RequestException> {
  const failure = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(failure).toBeInstanceOf(RequestException);
  return failure as RequestException;
}

describe('PostgresConnector.rectify', () => {
  it('refuses a field the data map does not mark rectifiable, naming the field', async () => {
    const before = await store.everything();
    const failure = await failureOf(
      connector.rectify(store.a.subject, [{ collection: 'customers', field: 'card_last4', value: '0000' }], anActionContext('rectification')),
    );

    expect(failure.code).toBe('validation_failed');
    expect(failure.message).toContain('shop.customers.card_last4');
    expect(failure.details?.fieldErrors).toEqual([
      expect.objectContaining({ path: 'shop.customers.card_last4', code: 'not_rectifiable' }),
    ]);
    expect(await store.everything()).toEqual(before);
  });

  it('reports a value the column cannot take as an error of that field, and keeps the other corrections undone', async () => {
    const before = await store.everything();
    const failure = await failureOf(
      connector.rectify(
        store.a.subject,
        [
          { collection: 'customers', field: 'name', value: 'Alexandra Meyer' },
          { collection: 'customers', field: 'birth_date', value: 'abc' },
        ],
        anActionContext('rectification'),
      ),
    );

    expect(failure.details?.fieldErrors).toEqual([expect.objectContaining({ path: 'shop.customers.birth_date', code: 'invalid_value' })]);
    expect(failure.message).toMatch(/^shop\.customers\.birth_date: the corrected value does not fit/);
    expect(failure.message).not.toContain('abc');
    expect(await store.everything()).toEqual(before);
  });

  it('refuses a collection the data map does not have', async () => {
    const failure = await failureOf(
      connector.rectify(store.a.subject, [{ collection: 'wishlists', field: 'name', value: 'x' }], anActionContext('rectification')),
    );
    expect(failure.details?.fieldErrors).toEqual([expect.objectContaining({ path: 'shop.wishlists.name', code: 'unknown_field' })]);
  });

  it('corrects an identity field and another field of the same rows together', async () => {
    const result = await connector.rectify(
      store.a.subject,
      [
        { collection: 'customers', field: 'email', value: 'alex.new@example.com' },
        { collection: 'customers', field: 'name', value: 'Alexandra Meyer' },
        { collection: 'newsletter_subscriptions', field: 'email', value: 'alex.new@example.com' },
      ],
      anActionContext('rectification'),
    );

    expect(outcomes(result)).toEqual([
      { collection: 'customers', found: 1, changed: 1, actions: ['rectify:email', 'rectify:name'] },
      { collection: 'newsletter_subscriptions', found: 1, changed: 1, actions: ['rectify:email'] },
    ]);
    const renamed = emptyIdentities();
    renamed.email = ['alex.new@example.com'];
    const counts = await connector.count({ identities: renamed, keys: {} });
    expect(counts.find((entry) => entry.collection === 'customers')?.count).toBe(1);
    const [row] = await store.query<{ name: string }>(`SELECT name FROM ${store.table('customers')} WHERE id = $1`, [
      store.customerId(store.a),
    ]);
    expect(row.name).toBe('Alexandra Meyer');
    const [other] = await store.query<{ name: string }>(`SELECT name FROM ${store.table('customers')} WHERE id = $1`, [
      store.customerId(store.b),
    ]);
    expect(other.name).toBe('Alex Meyer');
  });
});

describe('PostgresConnector.optOut', () => {
  it('sets the declared values in every collection with an opt-out, and a second run changes 0', async () => {
    const first = await connector.optOut(store.a.subject, anActionContext('opt_out'));
    expect(outcomes(first)).toEqual([
      { collection: 'customers', found: 1, changed: 1, actions: ['opt_out:marketing_opt_in'] },
      { collection: 'newsletter_subscriptions', found: 1, changed: 1, actions: ['opt_out:subscribed'] },
    ]);
    expect(await store.isOptedOut(store.a.subject)).toBe(true);
    expect(await store.isOptedOut(store.b.subject)).toBe(false);

    const second = await connector.optOut(store.a.subject, anActionContext('opt_out'));
    expect(outcomes(second)).toEqual([
      { collection: 'customers', found: 1, changed: 0, actions: ['opt_out:marketing_opt_in'] },
      { collection: 'newsletter_subscriptions', found: 1, changed: 0, actions: ['opt_out:subscribed'] },
    ]);
  });
});
