// The demo company's shop database at a given size, seeded once into a PostgreSQL cluster kept
// under .rightsdesk/bench/ and copied (CREATE DATABASE … TEMPLATE) for every run: erasure is
// destructive, and a re-run must neither reseed for minutes nor find its subjects already gone.
import path from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { count } from './execution-stats.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '../..');
const { Client } = require('pg');
const demo = () => require(path.join(root, 'dist/apps/cli/src/embedded/demo-company'));

// Bump when the seeder's rows change shape, so an old seeded copy is not mistaken for a current one.
const SEED_FORMAT = 1;
const ORDERS_PER_PERSON = 5;
const PAGE_VIEWS_PER_PERSON = 10;
// Fixed, so the same size always gives the same rows.
const SEED_NOW = new Date('2026-11-01T00:00:00Z');

export const SIZES = { small: 20_000, full: 1_000_000 };

/** `small`, `full` or a number of generated customers (orders ×5, page views ×10). */
export function peopleFor(size) {
  if (SIZES[size] !== undefined) {
    return SIZES[size];
  }
  const people = Number(size);
  if (!Number.isSafeInteger(people) || people < 5_000) {
    throw new Error(`--size must be small, full or a number of customers ≥ 5000, not "${size}"`);
  }
  return people;
}

export function describeSize(people) {
  return `${count(people)} customers / ${count(people * ORDERS_PER_PERSON)} orders / ${count(people * PAGE_VIEWS_PER_PERSON)} page views`;
}

const databaseUrl = (clusterUrl, name) => clusterUrl.replace(/\/[^/]*$/, `/${name}`);

async function withClient(url, work) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function readMarker(url) {
  return withClient(url, async (client) => {
    const { rows } = await client.query(`SELECT to_regclass('public.bench_seed')::text AS marker`);
    if (rows[0].marker === null) {
      return null;
    }
    return (await client.query('SELECT * FROM public.bench_seed')).rows[0] ?? null;
  });
}

/**
 * Makes sure the cluster holds a complete seeded copy for `people` and returns its database name,
 * with the seed timings when it seeded now (null when an earlier run's copy was reused).
 */
export async function ensureSeeded(clusterUrl, people, log) {
  const name = `seed_v${SEED_FORMAT}_p${people}_o${ORDERS_PER_PERSON}_v${PAGE_VIEWS_PER_PERSON}`;
  const url = databaseUrl(clusterUrl, name);
  const exists = await withClient(clusterUrl, async (client) => (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);
  if (exists) {
    const marker = await readMarker(url);
    if (marker) {
      return { name, reused: marker, seeded: null };
    }
    log(`${name} is incomplete (an interrupted seed): seeding it again`);
    await withClient(clusterUrl, (client) => client.query(`DROP DATABASE ${name} WITH (FORCE)`));
  }
  await withClient(clusterUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const { createDemoCompanySchema, seedDemoCompany, createDemoCompanyIndexes } = demo();
  const seeded = await withClient(url, async (client) => {
    const started = performance.now();
    await createDemoCompanySchema(client, { withIndexes: false });
    let lastReport = 0;
    const counts = await seedDemoCompany(client, {
      people,
      ordersPerPerson: ORDERS_PER_PERSON,
      pageViewsPerPerson: PAGE_VIEWS_PER_PERSON,
      now: SEED_NOW,
      onProgress: (table, rows) => {
        if (performance.now() - lastReport > 10_000) {
          lastReport = performance.now();
          log(`seeding ${table}: ${count(rows)} rows (${((performance.now() - started) / 1000).toFixed(0)} s)`);
        }
      },
    });
    const rowsSeconds = (performance.now() - started) / 1000;
    log(`rows in after ${rowsSeconds.toFixed(0)} s; building indexes…`);
    const indexed = performance.now();
    await createDemoCompanyIndexes(client);
    await client.query('ANALYZE');
    const indexSeconds = (performance.now() - indexed) / 1000;
    // Written last: its presence is what tells a later run that the copy is complete.
    await client.query(`CREATE TABLE public.bench_seed AS SELECT $1::int AS people, $2::bigint AS customers, $3::bigint AS orders,
      $4::bigint AS page_views, $5::numeric AS rows_seconds, $6::numeric AS index_seconds, now() AS seeded_at`, [
      people,
      counts.customers,
      counts.orders,
      counts.pageViews,
      rowsSeconds.toFixed(1),
      indexSeconds.toFixed(1),
    ]);
    await client.query('CHECKPOINT');
    return { counts, rowsSeconds, indexSeconds };
  });
  return { name, reused: null, seeded };
}

/** A fresh database copied from the seeded one; returns its URL and how long the copy took. */
export async function copyForRun(clusterUrl, template, name) {
  return withClient(clusterUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    const started = performance.now();
    // FILE_COPY copies the files as they are: far faster than WAL-logging every block of a big copy.
    await client.query(`CREATE DATABASE ${name} TEMPLATE ${template} STRATEGY FILE_COPY`);
    return { url: databaseUrl(clusterUrl, name), seconds: (performance.now() - started) / 1000 };
  });
}

export async function dropDatabase(clusterUrl, name) {
  await withClient(clusterUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

export async function createEmptyDatabase(clusterUrl, name) {
  await dropDatabase(clusterUrl, name);
  await withClient(clusterUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  return databaseUrl(clusterUrl, name);
}

/**
 * `total` customers spread evenly over the table (every n-th by id), dealt round-robin into
 * groups of the given sizes, so every group samples the whole table alike.
 */
export async function pickSubjects(url, groups) {
  const total = Object.values(groups).reduce((sum, n) => sum + n, 0);
  if (total === 0) {
    return {};
  }
  return withClient(url, async (client) => {
    const { rows: sizeRows } = await client.query('SELECT count(*)::int AS n FROM public.customers');
    const stride = Math.floor(sizeRows[0].n / total);
    if (stride < 1) {
      throw new Error(`the seeded database has ${sizeRows[0].n} customers; the benchmark needs ${total}`);
    }
    const { rows } = await client.query(
      `SELECT id::text, email FROM (SELECT id, email, row_number() OVER (ORDER BY id) AS n FROM public.customers) c
       WHERE n % $1 = 0 ORDER BY id LIMIT $2`,
      [stride, total],
    );
    if (rows.length < total) {
      throw new Error(`found ${rows.length} spread customers, the benchmark needs ${total}`);
    }
    const keys = Object.keys(groups);
    const dealt = Object.fromEntries(keys.map((key) => [key, []]));
    const full = (turn) => dealt[keys[turn % keys.length]].length >= groups[keys[turn % keys.length]];
    let turn = 0;
    for (const row of rows) {
      while (full(turn)) {
        turn += 1;
      }
      dealt[keys[turn % keys.length]].push(row);
      turn += 1;
    }
    return dealt;
  });
}
