import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { createScratchDatabase, type TestDatabase } from '@rightsdesk/testing';
import type { PostgresCollection, PostgresSystem } from '../../src/datamap/datamap.types';
import { PostgresConnector, PostgresConnectorError } from '../../src/postgres/postgres.connector';
import { quoteIdent } from '../../src/postgres/quote-ident';
import { canFindChildren, type ChildAccount } from '../../src/retention';

// Accounts whose declared birth date makes them children, found by primary key in batches. The
// officer's request needs to name the child: emails come normalized, empty values not at all.

const BORN_AFTER = '2012-06-01';

let database: TestDatabase;
let pool: Pool;
let schema: string;
let sut: PostgresConnector;

function system(accounts: Partial<PostgresCollection> = {}): PostgresSystem {
  return {
    kind: 'postgres',
    key: 'shop',
    title: 'Shop',
    purposes: [],
    recipients: [],
    concurrency: 1,
    connection: { url: { value: database.url } },
    eraseOrder: ['accounts'],
    collections: [
      {
        kind: 'postgres',
        name: 'accounts',
        schema,
        table: 'accounts',
        primaryKey: 'id',
        subject: {
          by: 'identity',
          fields: [
            { field: 'email', identity: 'email' },
            { field: 'login', identity: 'username' },
          ],
        },
        fields: [{ name: 'email', category: 'contact.email', rectifiable: false, secret: false, erasure: { action: 'delete_row' } }],
        retention: [],
        children: { birthDate: 'born_on', under: 13 },
        ...accounts,
      },
    ],
  };
}

beforeAll(async () => {
  database = await createScratchDatabase();
  pool = new Pool({ connectionString: database.url, max: 1 });
});

beforeEach(async () => {
  schema = `Kids "${randomBytes(4).toString('hex')}"`;
  const table = `${quoteIdent(schema)}.accounts`;
  await pool.query(`CREATE SCHEMA ${quoteIdent(schema)};
    CREATE TABLE ${table} (id integer PRIMARY KEY, email text, login text, born_on date, note text)`);
  await pool.query(
    `INSERT INTO ${table} (id, email, login, born_on) VALUES
       (1, ' Mia@Example.COM ', 'mia', '2015-03-04'),
       (2, 'adult@example.com', 'adult', '1990-01-01'),
       (3, NULL, 'noah_k', '2013-12-31'),
       (4, 'no.birthday@example.com', 'nobody', NULL),
       (5, '', '', '2012-06-02'),
       (6, 'exactly@example.com', 'exactly', '2012-06-01'),
       (7, 'leo@example.com', NULL, '2020-02-29')`,
  );
  sut = new PostgresConnector(system(), { url: database.url });
});

afterEach(async () => {
  await sut.close();
  await pool.query(`DROP SCHEMA ${quoteIdent(schema)} CASCADE`);
});

afterAll(async () => {
  await pool?.end();
  await database?.drop();
});

describe('PostgresConnector children', () => {
  it('is a child finder', () => {
    expect(canFindChildren(sut)).toBe(true);
  });

  it('finds accounts born after the date, by key in batches, with their email and username', async () => {
    const batches: Array<{ accounts: ChildAccount[]; cursor: string | null }> = [];
    let cursor: string | null = null;
    do {
      const batch = await sut.findChildren('accounts', BORN_AFTER, cursor, 2);
      batches.push(batch);
      cursor = batch.cursor;
    } while (cursor !== null);

    expect(batches).toEqual([
      {
        accounts: [
          { key: '1', birthDate: '2015-03-04', email: 'mia@example.com', username: 'mia' },
          { key: '3', birthDate: '2013-12-31', username: 'noah_k' },
        ],
        cursor: '3',
      },
      {
        accounts: [
          // Born the day after: a child. Empty strings name nobody.
          { key: '5', birthDate: '2012-06-02' },
          { key: '7', birthDate: '2020-02-29', email: 'leo@example.com' },
        ],
        cursor: '7',
      },
      { accounts: [], cursor: null },
    ]);
  });

  it('counts them with the smallest keys, changing nothing', async () => {
    expect(await sut.planChildren('accounts', BORN_AFTER, 3)).toEqual({ due: 4, sampleKeys: ['1', '3', '5'] });
    expect(await sut.planChildren('accounts', '2014-01-01', 5)).toEqual({ due: 2, sampleKeys: ['1', '7'] });
  });

  it('refuses a collection without a children block, and a date not written YYYY-MM-DD', async () => {
    const without = new PostgresConnector(system({ children: undefined }), { url: database.url });
    try {
      await expect(without.findChildren('accounts', BORN_AFTER, null, 10)).rejects.toThrow(
        'shop.accounts: children: the collection has no children: block in the data map',
      );
    } finally {
      await without.close();
    }
    await expect(sut.planChildren('accounts', '01.06.2012', 1)).rejects.toThrow('shop.accounts: children: bornAfter must be a date written YYYY-MM-DD');
  });

  it('names a birth date column that is missing or not a date', async () => {
    const missing = new PostgresConnector(system({ children: { birthDate: 'dob', under: 13 } }), { url: database.url });
    const text = new PostgresConnector(system({ children: { birthDate: 'note', under: 13 } }), { url: database.url });
    try {
      const failure = await missing.findChildren('accounts', BORN_AFTER, null, 10).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(PostgresConnectorError);
      expect((failure as Error).message).toBe(`shop.accounts: column dob does not exist in ${schema}.accounts`);
      await expect(text.planChildren('accounts', BORN_AFTER, 1)).rejects.toThrow('shop.accounts: children: column note is text, not a date');
    } finally {
      await Promise.all([missing.close(), text.close()]);
    }
  });
});
