// Peak memory of exporting one subject: a customer with 100,000 page views against one with
// 1,000 (plus the customer row itself), each exported in a fresh child process (execution-export-child.mjs), alternating.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';

const require = createRequire(import.meta.url);
const { Client } = require('pg');
const run = promisify(execFile);

export const EXPORT_SIZES = [1_000, 100_000];

async function addSubject(client, rows) {
  const email = `bench-export-${rows}@example.com`;
  // One customer, `rows` page views of their own (the other collections hold nothing for them).
  await client.query(
    `WITH c AS (
       INSERT INTO public.customers (username, email, name, password_hash)
       VALUES ($1, $2, 'Bench Exporter', 'not-a-real-hash') RETURNING id
     )
     INSERT INTO public.page_views (customer_id, page, browser, os, ip, viewed_at)
     SELECT c.id, '/products/item-' || g, 'Firefox 131', 'Linux',
            ('10.' || (g % 250) || '.' || (g / 250 % 250) || '.7')::inet,
            timestamptz '2026-10-01 00:00:00Z' + g * interval '1 second'
       FROM c, generate_series(1, $3::int) AS g`,
    [`bench_export_${rows}`, email, rows],
  );
  return email;
}

/** Returns, per export size, one result per round (see execution-export-child.mjs). */
export async function measureMemory({ url, dataMapPath, dir, secretKey, rounds }) {
  const client = new Client({ connectionString: url });
  await client.connect();
  const emails = {};
  try {
    for (const rows of EXPORT_SIZES) {
      emails[rows] = await addSubject(client, rows);
    }
    await client.query('ANALYZE public.page_views, public.customers');
  } finally {
    await client.end();
  }
  const results = Object.fromEntries(EXPORT_SIZES.map((rows) => [rows, []]));
  const child = path.join(import.meta.dirname, 'execution-export-child.mjs');
  for (let round = 0; round < rounds; round++) {
    for (const rows of EXPORT_SIZES) {
      const spec = { databaseUrl: url, dataMapPath, email: emails[rows], dir, secretKey };
      const { stdout } = await run(process.execPath, [child, JSON.stringify(spec)], { maxBuffer: 1 << 20 });
      results[rows].push(JSON.parse(stdout.trim().split('\n').pop()));
    }
  }
  return results;
}
