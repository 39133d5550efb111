import { type Client } from 'pg';
import {
  INSERT_CUSTOMERS,
  INSERT_CUSTOMER_SUBSCRIPTIONS,
  INSERT_NEWSLETTER_ONLY,
  INSERT_ORDERS,
  INSERT_PAGE_VIEWS,
  INSERT_TICKETS,
  type ChunkArgs,
  type ChunkStatement,
} from './demo-company.generators';
import { DEMO_AVATAR_OWNERS, DEMO_CUSTOMER_COUNT, insertDemoPeople } from './demo-people.seed';

export type DemoCompanyTable =
  'customers' | 'orders' | 'page_views' | 'support_tickets' | 'newsletter_subscriptions';

export interface SeedDemoCompanyOptions {
  /** Generated customers, besides the known demo people (DEMO_PEOPLE). */
  people: number;
  /** Average per generated customer; the total is exactly round(people × this). Default 3. */
  ordersPerPerson?: number;
  /** Average per generated customer; one in eight is an anonymous visitor's. Default 10. */
  pageViewsPerPerson?: number;
  /** Average per generated customer. Default 0.2. */
  ticketsPerPerson?: number;
  /** Newsletter readers who are not customers, per generated customer. Default 0.05. */
  newsletterOnlyPerPerson?: number;
  /** Timestamps are relative to it; the same `now` gives the same rows. Default: the current time. */
  now?: Date;
  /** Rows per INSERT statement. Default 200,000 (a few seconds each). */
  chunkRows?: number;
  /** After each statement: the rows inserted into `table` so far. */
  onProgress?: (table: DemoCompanyTable, rows: number) => void;
}

export interface DemoCompanyCounts {
  customers: number;
  orders: number;
  pageViews: number;
  tickets: number;
  subscriptions: number;
}

const DEFAULT_CHUNK_ROWS = 200_000;

/**
 * Fills the demo company's (empty) tables: the known demo people first, then `people` generated
 * customers with their orders, page views, tickets and newsletter subscriptions. Runs in one
 * transaction, so a failed seed leaves the tables empty; refuses tables that already have customers.
 * Create the schema first (createDemoCompanySchema); for millions of rows, without indexes.
 */
export async function seedDemoCompany(
  client: Client,
  options: SeedDemoCompanyOptions,
): Promise<DemoCompanyCounts> {
  const people = wholeNumber('people', options.people);
  const now = options.now ?? new Date();
  const chunkRows =
    options.chunkRows === undefined ? DEFAULT_CHUNK_ROWS : wholeNumber('chunkRows', options.chunkRows);
  if (chunkRows < 1) {
    throw new RangeError('chunkRows must be at least 1');
  }
  const perPerson = (name: string, value: number | undefined, fallback: number): number =>
    people === 0 ? 0 : Math.round(people * rate(name, value ?? fallback));
  const totals = {
    orders: perPerson('ordersPerPerson', options.ordersPerPerson, 3),
    pageViews: perPerson('pageViewsPerPerson', options.pageViewsPerPerson, 10),
    tickets: perPerson('ticketsPerPerson', options.ticketsPerPerson, 0.2),
    newsletterOnly: perPerson('newsletterOnlyPerPerson', options.newsletterOnlyPerPerson, 0.05),
  };
  const report = options.onProgress ?? ((): void => undefined);

  await client.query('BEGIN');
  try {
    const { rows } = await client.query<{ seeded: boolean }>(
      'SELECT EXISTS (SELECT 1 FROM public.customers) AS seeded',
    );
    if (rows[0].seeded) {
      throw new Error('The demo company database already has customers; seed only an empty one');
    }
    const counts = await insertDemoPeople(client, now);
    report('customers', counts.customers);
    const args = { now, people, idOffset: DEMO_CUSTOMER_COUNT };
    const run = async (
      table: DemoCompanyTable,
      statement: ChunkStatement,
      total: number,
      alreadyInserted: number,
    ): Promise<number> => {
      let inserted = 0;
      for (let from = 1; from <= total; from += chunkRows) {
        const chunk: ChunkArgs = { ...args, from, to: Math.min(total, from + chunkRows - 1) };
        const result = await client.query(statement.sql, statement.values(chunk));
        inserted += result.rowCount ?? 0;
        report(table, alreadyInserted + inserted);
      }
      return inserted;
    };

    counts.customers += await run('customers', INSERT_CUSTOMERS, people, counts.customers);
    // The demo people and generated customers were given explicit ids; later inserts continue after them.
    await client.query(
      `SELECT setval(pg_get_serial_sequence('public.customers', 'id'), (SELECT max(id) FROM public.customers))`,
    );
    counts.orders += await run('orders', INSERT_ORDERS, totals.orders, counts.orders);
    counts.pageViews += await run('page_views', INSERT_PAGE_VIEWS, totals.pageViews, counts.pageViews);
    counts.tickets += await run('support_tickets', INSERT_TICKETS, totals.tickets, counts.tickets);
    counts.subscriptions += await run(
      'newsletter_subscriptions',
      INSERT_CUSTOMER_SUBSCRIPTIONS,
      people,
      counts.subscriptions,
    );
    counts.subscriptions += await run(
      'newsletter_subscriptions',
      INSERT_NEWSLETTER_ONLY,
      totals.newsletterOnly,
      counts.subscriptions,
    );
    await client.query('COMMIT');
    // Fresh statistics, so the first erasure after a bulk load plans with the indexes.
    await client.query(
      'ANALYZE public.customers, public.orders, public.page_views, public.support_tickets, public.newsletter_subscriptions',
    );
    return counts;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/** Whether the demo company's customers table exists and has rows. */
export async function isDemoCompanySeeded(client: Client): Promise<boolean> {
  const { rows } = await client.query<{ table: string | null }>(
    `SELECT to_regclass('public.customers')::text AS table`,
  );
  if (rows[0].table === null) {
    return false;
  }
  const result = await client.query<{ seeded: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM public.customers) AS seeded',
  );
  return result.rows[0].seeded;
}

/**
 * Ids of the customers who have a profile picture (for seedDemoAvatars): Ada, the first Grace
 * Hopper (not her namesake) and up to `generated` generated customers.
 */
export async function demoAvatarOwnerIds(client: Client, generated = 20): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>(
    `SELECT id::text FROM public.customers
     WHERE email = ANY($1::text[]) OR id IN (SELECT id FROM public.customers WHERE id > $2 ORDER BY id LIMIT $3)
     ORDER BY id`,
    [DEMO_AVATAR_OWNERS, DEMO_CUSTOMER_COUNT, wholeNumber('generated', generated)],
  );
  return rows.map((row) => row.id);
}

function wholeNumber(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a whole number ≥ 0`);
  }
  return value;
}

function rate(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name} must be a number ≥ 0`);
  }
  return value;
}
