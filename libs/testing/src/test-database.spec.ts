import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from './test-database';

async function query<T extends object>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('createTestDatabase', () => {
  const created: TestDatabase[] = [];
  const create = async (): Promise<TestDatabase> => {
    const database = await createTestDatabase();
    created.push(database);
    return database;
  };

  afterAll(async () => {
    await Promise.all(created.map((database) => database.drop()));
  });

  it('clones the migrated template into independent databases', async () => {
    const [first, second] = await Promise.all([create(), create()]);
    expect(first.name).toMatch(/^t_[0-9a-f]{16}$/);
    expect(first.url).toMatch(new RegExp(`^postgres://postgres@127\\.0\\.0\\.1:\\d+/${first.name}$`));
    expect(second.name).not.toBe(first.name);

    const [migrated] = await query<{ count: string }>(first.url, 'SELECT count(*) FROM migrations');
    expect(Number(migrated.count)).toBeGreaterThan(0);

    await query(first.url, 'CREATE TABLE only_in_first (id int)');
    expect(await query(first.url, "SELECT to_regclass('only_in_first') IS NOT NULL AS present")).toEqual([
      { present: true },
    ]);
    expect(await query(second.url, "SELECT to_regclass('only_in_first') IS NOT NULL AS present")).toEqual([
      { present: false },
    ]);
  });

  it('clones concurrently without tripping over the template', async () => {
    const databases = await Promise.all(Array.from({ length: 4 }, () => create()));
    expect(new Set(databases.map((database) => database.name)).size).toBe(4);
  });

  it('drops the database even while a client is still connected', async () => {
    const database = await create();
    const lingering = new Client({ connectionString: database.url });
    lingering.on('error', () => undefined);
    await lingering.connect();

    await database.drop();
    await database.drop();

    await expect(query(database.url, 'SELECT 1')).rejects.toThrow(/does not exist/);
    await lingering.end().catch(() => undefined);
  });
});
