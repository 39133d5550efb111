import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { withPostgresClient } from '@rightsdesk/local-services';
import { createCompanySchema, type TestBucket } from '@rightsdesk/testing';

const ROOT = path.resolve(__dirname, '../../..');

/** The address of company customer `i`; the same function names the data subjects of the tests. */
export const customerEmail = (i: number): string => `customer-${String(i).padStart(3, '0')}@example.com`;

// The company database (schema in libs/testing) for the end-to-end tests: customers with many orders
// and page views, so an erasure does enough work per subject for a crash to land in the middle.
export async function seedCompany(
  url: string,
  options: { customers: number; ordersEach: number; pageViewsEach: number },
): Promise<void> {
  await createCompanySchema(url);
  await withPostgresClient(url, async (client) => {
    await client.query(
      `INSERT INTO customers (email, name, phone)
       SELECT 'customer-' || lpad(g::text, 3, '0') || '@example.com', 'Customer ' || g, '+44 ' || g
         FROM generate_series(0, $1::int - 1) g`,
      [options.customers],
    );
    await client.query(
      `INSERT INTO orders (customer_id, shipping_address, total_cents)
       SELECT c.id, c.id || ' Long Street', 1000 + g FROM customers c, generate_series(1, $1::int) g`,
      [options.ordersEach],
    );
    await client.query(
      `INSERT INTO page_views (customer_id, page, ip)
       SELECT c.id, '/page/' || g, ('10.1.' || (g % 250) || '.' || (c.id % 250))::inet FROM customers c, generate_series(1, $1::int) g`,
      [options.pageViewsEach],
    );
    await client.query('ANALYZE');
  });
}

/** One profile picture per customer, under the prefix the data map derives from the customer id. */
export async function seedAvatars(url: string, bucket: TestBucket): Promise<void> {
  const customers = await withPostgresClient(
    url,
    async (client) =>
      (await client.query<{ id: string; email: string }>('SELECT id::text, email FROM customers')).rows,
  );
  for (const customer of customers) {
    await bucket.client.send(
      new PutObjectCommand({
        Bucket: bucket.name,
        Key: `avatars/${customer.id}/avatar.png`,
        Body: Buffer.from(`png of ${customer.email}`),
        ContentType: 'image/png',
      }),
    );
  }
}

export interface CustomerHoldings {
  orders: number;
  pageViews: number;
  /** md5 over the customer's row and every order and page view of theirs. */
  fingerprint: string;
}

/** What the company database holds per customer email; an erased customer is absent. */
export async function companySnapshot(url: string): Promise<Record<string, CustomerHoldings>> {
  return withPostgresClient(url, async (client) => {
    const { rows } = await client.query<{
      email: string;
      orders: number;
      page_views: number;
      fingerprint: string;
    }>(`
      SELECT c.email,
             (SELECT count(*)::int FROM orders o WHERE o.customer_id = c.id) AS orders,
             (SELECT count(*)::int FROM page_views p WHERE p.customer_id = c.id) AS page_views,
             md5(concat_ws('|', c.id, c.name, c.phone,
               (SELECT string_agg(concat_ws(',', o.id, o.shipping_address, o.total_cents), ';' ORDER BY o.id) FROM orders o WHERE o.customer_id = c.id),
               (SELECT string_agg(concat_ws(',', p.id, p.page, host(p.ip)), ';' ORDER BY p.id) FROM page_views p WHERE p.customer_id = c.id))) AS fingerprint
        FROM customers c`);
    return Object.fromEntries(
      rows.map((row) => [
        row.email,
        { orders: row.orders, pageViews: row.page_views, fingerprint: row.fingerprint },
      ]),
    );
  });
}

export interface CliResult {
  code: number | null;
  output: string;
}

/**
 * Runs the built CLI (`rightsdesk <args>`) with exactly this environment. The CLI also reads the
 * embedded demo's .rightsdesk/env.json when one exists; every key in it is blanked so the demo
 * cannot leak into the test.
 */
export async function runCli(args: string[], env: Record<string, string>, stdin?: string): Promise<CliResult> {
  const main = path.join(ROOT, 'dist/apps/cli/src/main.js');
  if (!existsSync(main)) {
    throw new Error(`${main} is missing: run \`npm run build\` before the end-to-end tests`);
  }
  const demoEnv = path.join(ROOT, '.rightsdesk/env.json');
  const blanked = existsSync(demoEnv)
    ? Object.fromEntries(
        Object.keys(JSON.parse(readFileSync(demoEnv, 'utf8')) as object).map((key) => [key, '']),
      )
    : {};
  const child = spawn(process.execPath, [main, ...args], {
    env: { PATH: process.env.PATH ?? '', ...blanked, ...env },
    stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  child.stdin?.end(stdin);
  const chunks: Buffer[] = [];
  child.stdout!.on('data', (chunk: Buffer) => chunks.push(chunk));
  child.stderr!.on('data', (chunk: Buffer) => chunks.push(chunk));
  const code = await new Promise<number | null>((resolve) =>
    child.once('close', (exitCode) => resolve(exitCode)),
  );
  return { code, output: Buffer.concat(chunks).toString('utf8') };
}

/** Runs `work` over `items`, at most `limit` at a time. */
export async function inBatches<T>(
  items: T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        await work(items[next++]);
      }
    }),
  );
}
