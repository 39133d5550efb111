import { createHash } from 'node:crypto';
import { createScratchDatabase, type TestDatabase } from '@rightsdesk/testing';
import { emptyIdentities, type ActionResult, type CollectionOutcome } from '../../src/connector';
import type { PostgresSystem } from '../../src/datamap/datamap.types';
import { PostgresConnector, PostgresConnectorError } from '../../src/postgres/postgres.connector';
import { quoteIdent } from '../../src/postgres/quote-ident';
import { anActionContext, createShopStore, SHOP_ERASE_ORDER, SHOP_TABLES, type ShopStore } from './shop-store';

let database: TestDatabase;
let store: ShopStore;
const connectors: PostgresConnector[] = [];

function connect(system: PostgresSystem): PostgresConnector {
  const connector = new PostgresConnector(system, { url: database.url });
  connectors.push(connector);
  return connector;
}

function outcomes(result: ActionResult): CollectionOutcome[] {
  if (result.state !== 'done') {
    throw new Error('expected a done result');
  }
  return result.collections;
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

describe('PostgresConnector.erase with real foreign keys', () => {
  it('changes children before parents, in the erase order, in one statement per collection', async () => {
    await store.query(`
      CREATE TABLE ${store.table('erase_log')} (seq bigserial PRIMARY KEY, tbl text NOT NULL, op text NOT NULL);
      CREATE FUNCTION ${store.table('log_erase')}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN INSERT INTO ${store.table('erase_log')} (tbl, op) VALUES (TG_TABLE_NAME, TG_OP); RETURN NULL; END $$;
      ${SHOP_TABLES.map(
        (table) => `CREATE TRIGGER log_erase AFTER UPDATE OR DELETE ON ${store.table(table)}
           FOR EACH STATEMENT EXECUTE FUNCTION ${store.table('log_erase')}();`,
      ).join('\n')}`);

    const result = await connect(store.system).erase(store.a.subject, anActionContext('erasure'));

    const log = await store.query<{ tbl: string; op: string }>(`SELECT tbl, op FROM ${store.table('erase_log')} ORDER BY seq`);
    expect(log.map((entry) => entry.tbl)).toEqual(SHOP_ERASE_ORDER);
    expect(log.find((entry) => entry.tbl === 'customers')?.op).toBe('DELETE');
    expect(log.find((entry) => entry.tbl === 'orders')?.op).toBe('UPDATE');
    expect(outcomes(result)).toEqual([
      { collection: 'order_items', found: 3, changed: 1, actions: ['replace:gift_message'] },
      {
        collection: 'orders',
        found: 2,
        changed: 2,
        actions: ['set_null:customer_id', 'replace:shipping_address', 'anonymize_ip:checkout_ip'],
      },
      { collection: 'page_views', found: 3, changed: 3, actions: ['delete_row'] },
      {
        collection: 'support_tickets',
        found: 2,
        changed: 2,
        actions: ['set_null:customer_id', 'replace:subject', 'replace:body', 'anonymize_ip:reporter_ip'],
      },
      { collection: 'customers', found: 1, changed: 1, actions: ['delete_row'] },
      {
        collection: 'newsletter_subscriptions',
        found: 1,
        changed: 1,
        actions: ['hash:email', 'replace:subscribed', 'set_null:subscribed_at'],
      },
      { collection: 'loyalty_accounts', found: 1, changed: 1, actions: ['delete_row'] },
    ]);
    expect(await store.heldFor(store.a.subject)).toBe(0);
  });

  it('fails on the foreign key when parents come first, and changes nothing', async () => {
    const before = await store.everything();
    const parentsFirst = { ...store.system, eraseOrder: [...SHOP_ERASE_ORDER].reverse() };

    const failure = await connect(parentsFirst)
      .erase(store.a.subject, anActionContext('erasure'))
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(PostgresConnectorError);
    expect(failure).toMatchObject({ sqlState: '23503' });
    expect((failure as Error).message).toMatch(/^shop\.customers: erase failed: foreign key violation/);
    expect(await store.everything()).toEqual(before);
  });
});

describe('PostgresConnector.erase as one transaction', () => {
  it('refuses a data map that does not fit the columns before it touches anything', async () => {
    const before = await store.everything();
    const system: PostgresSystem = {
      ...store.system,
      collections: store.system.collections.map((collection) =>
        collection.name !== 'orders'
          ? collection
          : {
              ...collection,
              fields: collection.fields.map((field) => (field.name === 'total_cents' ? { ...field, erasure: { action: 'hash' } } : field)),
            },
      ),
    };

    await expect(connect(system).erase(store.a.subject, anActionContext('erasure'))).rejects.toThrow(
      'shop.orders: field total_cents: hash needs a text column, not integer',
    );
    expect(await store.everything()).toEqual(before);
  });

  it('leaves every collection as it was when the last one fails, and says no value', async () => {
    // The last collection refuses, quoting a value in its message like real triggers do.
    await store.query(`
      CREATE FUNCTION ${store.table('refuse')}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'member % is under legal hold', OLD.member_no; END $$;
      CREATE TRIGGER refuse BEFORE DELETE ON ${store.table('loyalty_accounts')}
        FOR EACH ROW EXECUTE FUNCTION ${store.table('refuse')}();`);
    const before = await store.everything();

    const failure = await connect(store.system)
      .erase(store.a.subject, anActionContext('erasure'))
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(PostgresConnectorError);
    expect(failure).toMatchObject({ sqlState: 'P0001' });
    expect((failure as Error).message).toContain('shop.loyalty_accounts');
    expect((failure as Error).message).not.toContain(store.a.memberNo);
    expect(await store.everything()).toEqual(before);
    expect(await store.heldFor(store.a.subject)).toBeGreaterThan(0);
  });

  it('leaves everything as it was when a CHECK constraint rejects an erased value', async () => {
    await store.query(
      `ALTER TABLE ${store.table('support_tickets')} ADD CONSTRAINT body_not_placeholder CHECK (body NOT LIKE '[erased%')`,
    );
    const before = await store.everything();

    await expect(connect(store.system).erase(store.a.subject, anActionContext('erasure'))).rejects.toMatchObject({
      sqlState: '23514',
      message: expect.stringContaining('constraint body_not_placeholder'),
    });
    expect(await store.everything()).toEqual(before);
  });
});

describe('PostgresConnector.erase field actions', () => {
  const salt = Buffer.alloc(32, 9);
  const profilesSystem = (): PostgresSystem => ({
    kind: 'postgres',
    key: 'crm',
    title: 'CRM',
    purposes: [],
    recipients: [],
    concurrency: 1,
    connection: { url: { value: database.url } },
    eraseOrder: ['profiles'],
    collections: [
      {
        kind: 'postgres',
        name: 'profiles',
        schema: store.schema,
        table: 'profiles',
        primaryKey: 'id',
        subject: { by: 'identity', fields: [{ field: 'username', identity: 'username' }] },
        fields: [
          { name: 'username', category: 'account.username', rectifiable: false, secret: false, erasure: { action: 'keep', reason: 'test' } },
          { name: 'email', category: 'contact.email', rectifiable: false, secret: false, erasure: { action: 'hash' } },
          { name: 'ip', category: 'device.ip', rectifiable: false, secret: false, erasure: { action: 'anonymize_ip' } },
          { name: 'ip_text', category: 'device.ip', rectifiable: false, secret: false, erasure: { action: 'anonymize_ip' } },
          { name: 'note', category: 'other', rectifiable: false, secret: false, erasure: { action: 'replace', value: '[erased]' } },
          { name: 'nick', category: 'other', rectifiable: false, secret: false, erasure: { action: 'set_null' } },
        ],
        retention: [],
      },
    ],
  });

  const profiles = async (): Promise<Array<Record<string, string | null>>> =>
    store.query(`SELECT email, host(ip) AS host, masklen(ip) AS masklen, ip::text AS ip, ip_text, note, nick
                   FROM ${store.table('profiles')} ORDER BY id`);

  beforeEach(async () => {
    await store.query(`
      CREATE TABLE ${store.table('profiles')} (
        id integer PRIMARY KEY, username text NOT NULL, email varchar(80), ip inet, ip_text text, note text, nick text);
      INSERT INTO ${store.table('profiles')} VALUES
        (1, 'u1', 'x@example.com', '203.0.113.57', '203.0.113.57', 'a note', 'k1'),
        (2, 'u1', 'y@example.com', '2001:db8:abcd:12::1', '2001:DB8:ABCD:12::1', NULL, NULL),
        (3, 'u1', 'rdh1:already', '10.0.0.0/16', 'not an ip', NULL, 'k3'),
        (4, 'u1', NULL, NULL, NULL, NULL, NULL),
        (5, 'u2', 'z@example.com', '198.51.100.7', '198.51.100.7', 'other note', 'k5');`);
  });

  it('hashes with the salt, zeroes host bits to /24 and /48, and a second run changes nothing', async () => {
    const identities = emptyIdentities();
    identities.username = ['u1'];
    const connector = connect(profilesSystem());
    expect(await connector.check()).toEqual([]);

    const first = await connector.erase({ identities, keys: {} }, anActionContext('erasure', salt));
    expect(outcomes(first)).toEqual([
      expect.objectContaining({ collection: 'profiles', found: 4, changed: 3 }),
    ]);
    const hashed = (value: string): string =>
      `rdh1:${createHash('sha256').update(salt.toString('hex') + value, 'utf8').digest('hex')}`;
    const erased = await profiles();
    expect(erased).toEqual([
      { email: hashed('x@example.com'), host: '203.0.113.0', masklen: 24, ip: '203.0.113.0/24', ip_text: '203.0.113.0', note: '[erased]', nick: null },
      { email: hashed('y@example.com'), host: '2001:db8:abcd::', masklen: 48, ip: '2001:db8:abcd::/48', ip_text: '2001:db8:abcd::', note: null, nick: null },
      // Already hashed, already a /16 network, not an address at all: left as they were.
      { email: 'rdh1:already', host: '10.0.0.0', masklen: 16, ip: '10.0.0.0/16', ip_text: 'not an ip', note: null, nick: null },
      { email: null, host: null, masklen: null, ip: null, ip_text: null, note: null, nick: null },
      { email: 'z@example.com', host: '198.51.100.7', masklen: 32, ip: '198.51.100.7/32', ip_text: '198.51.100.7', note: 'other note', nick: 'k5' },
    ]);

    const second = await connector.erase({ identities, keys: {} }, anActionContext('erasure', salt));
    expect(outcomes(second)).toEqual([expect.objectContaining({ collection: 'profiles', found: 4, changed: 0 })]);
    expect(await profiles()).toEqual(erased);
  });

  it('matches nothing, and changes nothing, for an empty identity list', async () => {
    const before = await profiles();
    const result = await connect(profilesSystem()).erase({ identities: emptyIdentities(), keys: {} }, anActionContext('erasure'));
    expect(outcomes(result)).toEqual([expect.objectContaining({ found: 0, changed: 0 })]);
    expect(await profiles()).toEqual(before);
  });

  it('quotes identifiers from the data map: a column named like an injection is just a column', async () => {
    const hostileColumn = 'nick"; DROP TABLE profiles; --';
    await store.query(`ALTER TABLE ${store.table('profiles')} RENAME COLUMN nick TO ${quoteIdent(hostileColumn)}`);
    const system = profilesSystem();
    system.collections[0].fields = system.collections[0].fields.map((field) =>
      field.name === 'nick' ? { ...field, name: hostileColumn } : field,
    );
    const identities = emptyIdentities();
    identities.username = ['u1'];
    const connector = connect(system);
    expect(await connector.check()).toEqual([]);

    await connector.erase({ identities, keys: {} }, anActionContext('erasure'));

    const rows = await store.query<{ value: string | null }>(
      `SELECT ${quoteIdent(hostileColumn)} AS value FROM ${store.table('profiles')} ORDER BY id`,
    );
    expect(rows.map((row) => row.value)).toEqual([null, null, null, null, 'k5']);
  });
});
