import { createScratchDatabase, type TestDatabase } from '@rightsdesk/testing';
import { Client } from 'pg';
import { CHILD_AT, TWIN_EVERY } from './demo-company.generators';
import { createDemoCompanySchema } from './demo-company.schema';
import {
  demoAvatarOwnerIds,
  isDemoCompanySeeded,
  seedDemoCompany,
  type DemoCompanyTable,
} from './demo-company.seed';
import { DEMO_CHILD_USERNAME, DEMO_PEOPLE } from './demo-people.seed';

const NOW = new Date('2026-11-25T12:00:00Z');
const PEOPLE = 2000;
const DEMO_CUSTOMERS = 5;

async function connect(database: TestDatabase): Promise<Client> {
  const client = new Client({ connectionString: database.url });
  await client.connect();
  return client;
}

async function count(client: Client, sql: string, values: unknown[] = []): Promise<number> {
  const { rows } = await client.query<{ n: string }>(sql, values);
  return Number(rows[0].n);
}

describe('seedDemoCompany', () => {
  let database: TestDatabase;
  let client: Client;
  let counts: Awaited<ReturnType<typeof seedDemoCompany>>;
  const progress: Array<[DemoCompanyTable, number]> = [];

  beforeAll(async () => {
    database = await createScratchDatabase();
    client = await connect(database);
    await createDemoCompanySchema(client, { withIndexes: true });
    counts = await seedDemoCompany(client, {
      people: PEOPLE,
      now: NOW,
      chunkRows: 700,
      onProgress: (table, rows) => progress.push([table, rows]),
    });
  });

  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  it('inserts the requested number of rows and reports them', async () => {
    expect(counts.customers).toBe(PEOPLE + DEMO_CUSTOMERS);
    expect(counts.orders).toBe(PEOPLE * 3 + 7);
    expect(counts.pageViews).toBe(PEOPLE * 10 + 18);
    expect(counts.tickets).toBe(PEOPLE * 0.2 + 3);
    expect(await count(client, 'SELECT count(*) AS n FROM public.customers')).toBe(counts.customers);
    expect(await count(client, 'SELECT count(*) AS n FROM public.orders')).toBe(counts.orders);
    expect(await count(client, 'SELECT count(*) AS n FROM public.page_views')).toBe(counts.pageViews);
    expect(await count(client, 'SELECT count(*) AS n FROM public.support_tickets')).toBe(counts.tickets);
    expect(await count(client, 'SELECT count(*) AS n FROM public.newsletter_subscriptions')).toBe(
      counts.subscriptions,
    );
    // Chunks of 700: the last report of each table is its total.
    expect(progress.filter(([table]) => table === 'customers').map(([, rows]) => rows)).toEqual([
      5, 705, 1405, 2005,
    ]);
    expect(progress.filter(([table]) => table === 'page_views').at(-1)).toEqual([
      'page_views',
      counts.pageViews,
    ]);
  });

  it('subscribes about one customer in four, plus readers who are not customers', async () => {
    const customerSubscribers = await count(
      client,
      `SELECT count(*) AS n FROM public.newsletter_subscriptions s JOIN public.customers c ON c.email = s.email`,
    );
    expect(customerSubscribers).toBeGreaterThan(PEOPLE * 0.2);
    expect(customerSubscribers).toBeLessThan(PEOPLE * 0.3);
    expect(counts.subscriptions - customerSubscribers).toBe(PEOPLE * 0.05 + 1);
  });

  it('seeds the known demo people with their data', async () => {
    const { rows } = await client.query<{
      email: string;
      orders: string;
      views: string;
      tickets: string;
      subscribed: boolean;
    }>(
      `SELECT c.email,
         (SELECT count(*) FROM public.orders o WHERE o.customer_id = c.id) AS orders,
         (SELECT count(*) FROM public.page_views p WHERE p.customer_id = c.id) AS views,
         (SELECT count(*) FROM public.support_tickets t WHERE t.customer_id = c.id) AS tickets,
         EXISTS (SELECT 1 FROM public.newsletter_subscriptions s WHERE s.email = c.email) AS subscribed
       FROM public.customers c WHERE c.id <= $1 ORDER BY c.id`,
      [DEMO_CUSTOMERS],
    );
    expect(rows.map((row) => row.email)).toEqual([
      DEMO_PEOPLE.ada,
      DEMO_PEOPLE.alan,
      DEMO_PEOPLE.grace,
      DEMO_PEOPLE.graceNamesake,
      DEMO_PEOPLE.child,
    ]);
    const ada = rows[0];
    expect(Number(ada.orders)).toBeGreaterThan(0);
    expect(Number(ada.views)).toBeGreaterThan(0);
    expect(Number(ada.tickets)).toBeGreaterThan(0);
    expect(ada.subscribed).toBe(true);
    // Ada's page views straddle the 90-day retention line.
    expect(
      await count(
        client,
        `SELECT count(*) AS n FROM public.page_views WHERE customer_id = 1 AND viewed_at < $1::timestamptz - interval '90 days'`,
        [NOW],
      ),
    ).toBeGreaterThan(0);
    expect(
      await count(client, 'SELECT count(*) AS n FROM public.customers WHERE email = $1', [
        DEMO_PEOPLE.newsletterOnly,
      ]),
    ).toBe(0);
    expect(
      await count(client, 'SELECT count(*) AS n FROM public.newsletter_subscriptions WHERE email = $1', [
        DEMO_PEOPLE.newsletterOnly,
      ]),
    ).toBe(1);
  });

  it('makes the two Grace Hoppers share name and billing address but nothing that identifies them', async () => {
    const { rows } = await client.query<{
      id: string;
      email: string;
      username: string;
      name: string;
      billing_address: string;
    }>(
      `SELECT id, email, username, name, billing_address FROM public.customers WHERE email = ANY($1::text[]) ORDER BY id`,
      [[DEMO_PEOPLE.grace, DEMO_PEOPLE.graceNamesake]],
    );
    expect(rows).toHaveLength(2);
    const [first, second] = rows;
    expect(first.name).toBe('Grace Hopper');
    expect(second.name).toBe(first.name);
    expect(second.billing_address).toBe(first.billing_address);
    expect(second.email).not.toBe(first.email);
    expect(second.username).not.toBe(first.username);
    expect(second.id).not.toBe(first.id);
  });

  it('makes a few generated pairs of different people with the same name and address', async () => {
    const { rows } = await client.query<{ emails: string[] }>(
      `SELECT array_agg(email ORDER BY id) AS emails FROM public.customers
       WHERE id > $1 GROUP BY name, billing_address HAVING count(*) > 1`,
      [DEMO_CUSTOMERS],
    );
    expect(rows.length).toBeGreaterThanOrEqual(PEOPLE / TWIN_EVERY);
    for (const { emails } of rows) {
      expect(new Set(emails).size).toBe(emails.length);
    }
  });

  it('has children under 13: Tim, known by email and username, and a generated one', async () => {
    const { rows } = await client.query<{ email: string; username: string; age: number }>(
      `SELECT email, username, date_part('year', age(($1::timestamptz AT TIME ZONE 'UTC')::date, birth_date))::int AS age
       FROM public.customers WHERE birth_date > ($1::timestamptz AT TIME ZONE 'UTC')::date - interval '13 years'
       ORDER BY id`,
      [NOW],
    );
    expect(rows[0]).toEqual({ email: DEMO_PEOPLE.child, username: DEMO_CHILD_USERNAME, age: 10 });
    // Tim and generated customer number CHILD_AT.
    expect(rows).toHaveLength(2);
    expect(rows[1].email).toMatch(new RegExp(`${CHILD_AT}@`));
    for (const row of rows) {
      expect(row.age).toBeLessThan(13);
    }
  });

  it('stores emails lower-case and unique, IPs as IPv4 and IPv6, page views over the last 180 days', async () => {
    expect(
      await count(client, 'SELECT count(*) AS n FROM public.customers WHERE email <> lower(email)'),
    ).toBe(0);
    expect(await count(client, 'SELECT count(DISTINCT email) AS n FROM public.customers')).toBe(
      counts.customers,
    );
    const { rows } = await client.query<{
      v4: string;
      v6: string;
      oldest: Date;
      newest: Date;
      anonymous: string;
    }>(
      `SELECT count(*) FILTER (WHERE family(ip) = 4) AS v4, count(*) FILTER (WHERE family(ip) = 6) AS v6,
         min(viewed_at) AS oldest, max(viewed_at) AS newest, count(*) FILTER (WHERE customer_id IS NULL) AS anonymous
       FROM public.page_views`,
    );
    const stats = rows[0];
    expect(Number(stats.v4)).toBeGreaterThan(Number(stats.v6));
    expect(Number(stats.v6)).toBeGreaterThan(counts.pageViews * 0.1);
    expect(Number(stats.anonymous)).toBeGreaterThan(0);
    const day = 86_400_000;
    expect(stats.oldest.getTime()).toBeGreaterThanOrEqual(NOW.getTime() - 180 * day);
    expect(stats.oldest.getTime()).toBeLessThan(NOW.getTime() - 170 * day);
    expect(stats.newest.getTime()).toBeLessThanOrEqual(NOW.getTime());
    // Signed in or not, about half the page views are past the 90-day retention period.
    const { rows: old } = await client.query<{ customers: string; anonymous: string }>(
      `SELECT count(*) FILTER (WHERE customer_id IS NOT NULL) AS customers,
         count(*) FILTER (WHERE customer_id IS NULL) AS anonymous
       FROM public.page_views WHERE viewed_at < $1::timestamptz - interval '90 days'`,
      [NOW],
    );
    expect(Number(old[0].customers)).toBeGreaterThan((counts.pageViews - Number(stats.anonymous)) * 0.3);
    expect(Number(old[0].anonymous)).toBeGreaterThan(Number(stats.anonymous) * 0.3);
  });

  it('keeps every reference to a customer valid (the foreign keys are in place)', async () => {
    const { rows } = await client.query<{ table: string }>(
      `SELECT conrelid::regclass::text AS table FROM pg_constraint
       WHERE contype = 'f' AND confrelid = 'public.customers'::regclass ORDER BY 1`,
    );
    expect(rows.map((row) => row.table)).toEqual(['orders', 'page_views', 'support_tickets']);
    await expect(
      client.query(
        `INSERT INTO public.orders (customer_id, shipping_address, total_cents) VALUES ($1, 'x', 1)`,
        [counts.customers + 1000],
      ),
    ).rejects.toThrow(/orders_customer_id_fkey/);
  });

  it('refuses to seed a database that already has customers', async () => {
    await expect(seedDemoCompany(client, { people: 10, now: NOW })).rejects.toThrow(/already has customers/);
    expect(await isDemoCompanySeeded(client)).toBe(true);
    expect(await count(client, 'SELECT count(*) AS n FROM public.customers')).toBe(counts.customers);
  });

  it('names the avatar owners: Ada and the first Grace, not her namesake', async () => {
    const ids = await demoAvatarOwnerIds(client, 3);
    expect(ids).toEqual(['1', '3', '6', '7', '8']);
  });

  it('gives identical rows when seeded again with the same options', async () => {
    const other = await createScratchDatabase();
    const otherClient = await connect(other);
    try {
      expect(await isDemoCompanySeeded(otherClient)).toBe(false);
      // Loaded without indexes first, as the benchmark does.
      await createDemoCompanySchema(otherClient, { withIndexes: false });
      expect(await isDemoCompanySeeded(otherClient)).toBe(false);
      // Default chunk size this time: the rows must not depend on how the load is split.
      const again = await seedDemoCompany(otherClient, { people: PEOPLE, now: NOW });
      expect(again).toEqual(counts);
      for (const table of [
        'customers',
        'orders',
        'page_views',
        'support_tickets',
        'newsletter_subscriptions',
      ]) {
        const digest = `SELECT md5(string_agg(t::text, E'\\n' ORDER BY t.id)) AS n FROM public.${table} t`;
        const [mine, theirs] = await Promise.all([client.query(digest), otherClient.query(digest)]);
        expect({ table, digest: theirs.rows[0] }).toEqual({ table, digest: mine.rows[0] });
      }
    } finally {
      await otherClient.end();
      await other.drop();
    }
  });
});
