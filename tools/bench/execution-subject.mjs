// Per-subject erasure and access through PostgresConnector on the demo data map's `shop` system,
// against the same work written by hand with `pg` (the baseline). Samples alternate engine/direct
// and use a different subject each, so neither side finds pages the other just read.
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '../..');
const { Client } = require('pg');
const { createConnector, emptyIdentities } = require(path.join(root, 'dist/libs/connectors/src'));

// The hand-written baseline, in the erase order the data map implies (children before customers).
const BY_EMAIL = 'customer_id IN (SELECT id FROM public.customers WHERE email = $1)';
const DIRECT_ERASE = [
  { collection: 'orders', sql: `UPDATE public.orders SET customer_id = NULL, shipping_address = '[erased]' WHERE ${BY_EMAIL}` },
  { collection: 'page_views', sql: `DELETE FROM public.page_views WHERE ${BY_EMAIL}` },
  {
    collection: 'support_tickets',
    sql: `UPDATE public.support_tickets SET customer_id = NULL, subject = '[erased]', body = '[erased at the customer''s request]',
      reporter_ip = network(set_masklen(reporter_ip, CASE WHEN family(reporter_ip) = 4 THEN 24 ELSE 48 END)) WHERE ${BY_EMAIL}`,
  },
  { collection: 'customers', sql: 'DELETE FROM public.customers WHERE email = $1' },
  {
    collection: 'newsletter_subscriptions',
    sql: `UPDATE public.newsletter_subscriptions SET email = 'rdh1:' || encode(sha256(convert_to($2::text || email, 'UTF8')), 'hex'),
      subscribed = false, subscribed_at = NULL WHERE email = $1`,
    salted: true,
  },
];

const DIRECT_COLUMNS = {
  customers: ['id', 'username', 'email', 'name', 'phone', 'billing_address', 'card_last4', 'card_expiry', 'language', 'marketing_opt_in', 'birth_date', 'created_at'],
  orders: ['id', 'customer_id', 'shipping_address', 'total_cents', 'created_at'],
  page_views: ['id', 'customer_id', 'page', 'browser', 'os', 'ip', 'viewed_at'],
  support_tickets: ['id', 'customer_id', 'subject', 'body', 'reporter_ip', 'created_at'],
  newsletter_subscriptions: ['id', 'email', 'subscribed', 'subscribed_at'],
};
const DIRECT_ACCESS = Object.entries(DIRECT_COLUMNS).map(([collection, columns]) => ({
  collection,
  sql: `SELECT ${columns.join(', ')} FROM public.${collection} WHERE ${collection === 'customers' || collection === 'newsletter_subscriptions' ? 'email = $1' : BY_EMAIL}`,
}));

// The baseline must do what the engine does: if the data map changes, it has to be rewritten.
function checkBaselineMatches(shop) {
  const order = DIRECT_ERASE.map((step) => step.collection).join(',');
  if (shop.eraseOrder.join(',') !== order) {
    throw new Error(`the demo data map's erase order is now ${shop.eraseOrder.join(',')}; update DIRECT_ERASE in ${import.meta.filename}`);
  }
  for (const collection of shop.collections) {
    const exported = [...new Set([collection.primaryKey, ...collection.fields.filter((f) => !f.secret).map((f) => f.name)])];
    if (exported.join(',') !== (DIRECT_COLUMNS[collection.name] ?? []).join(',')) {
      throw new Error(`the demo data map's ${collection.name} fields changed; update DIRECT_COLUMNS in ${import.meta.filename}`);
    }
  }
}

const subjectOf = (email) => ({ identities: { ...emptyIdentities(), email: [email] }, keys: {} });
const discard = { write: async () => undefined };

async function timed(work) {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

async function directErase(client, email, salt) {
  await client.query('BEGIN');
  try {
    for (const step of DIRECT_ERASE) {
      await client.query(step.sql, step.salted ? [email, salt] : [email]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

async function directAccess(client, email) {
  const rows = {};
  for (const step of DIRECT_ACCESS) {
    rows[step.collection] = (await client.query(step.sql, [email])).rowCount;
  }
  return rows;
}

/**
 * subjects: { warm, eraseEngine, eraseDirect, accessEngine, accessDirect } lists of { email }.
 * Returns per-sample milliseconds for each side and the checks that the work really happened.
 */
export async function measureSubjects({ url, dataMap, subjects }) {
  const shop = dataMap.systems.find((system) => system.key === 'shop');
  checkBaselineMatches(shop);
  const connector = createConnector(shop, { env: { DEMO_COMPANY_DATABASE_URL: url } });
  const client = new Client({ connectionString: url });
  await client.connect();
  const hashSalt = randomBytes(32);
  const salt = hashSalt.toString('hex');
  const context = (requestType) => ({ requestId: randomUUID(), requestType, hashSalt });
  const engine = {
    erase: (email) => connector.erase(subjectOf(email), context('erasure')),
    access: (email) => connector.access(subjectOf(email), discard, context('access')),
  };
  const direct = { erase: (email) => directErase(client, email, salt), access: (email) => directAccess(client, email) };
  const samples = { eraseEngine: [], eraseDirect: [], accessEngine: [], accessDirect: [] };
  try {
    // Warm-up: both sides' connections, the connector's catalog cache, plans and hot pages.
    const warm = subjects.warm;
    for (let i = 0; i + 3 < warm.length; i += 4) {
      await engine.erase(warm[i].email);
      await direct.erase(warm[i + 1].email);
      await engine.access(warm[i + 2].email);
      await direct.access(warm[i + 3].email);
    }
    for (let i = 0; i < subjects.eraseEngine.length; i++) {
      // Alternate who goes first, so neither side always runs right after the other's commit.
      const pair = [
        async () => samples.eraseEngine.push((await timed(() => engine.erase(subjects.eraseEngine[i].email))).ms),
        async () => samples.eraseDirect.push((await timed(() => direct.erase(subjects.eraseDirect[i].email))).ms),
      ];
      for (const run of i % 2 === 0 ? pair : pair.reverse()) {
        await run();
      }
    }
    const found = { engine: 0, direct: 0 };
    for (let i = 0; i < subjects.accessEngine.length; i++) {
      const pair = [
        async () => {
          const { ms, result } = await timed(() => engine.access(subjects.accessEngine[i].email));
          samples.accessEngine.push(ms);
          found.engine += result.collections.reduce((sum, c) => sum + c.found, 0);
        },
        async () => {
          const { ms, result } = await timed(() => direct.access(subjects.accessDirect[i].email));
          samples.accessDirect.push(ms);
          found.direct += Object.values(result).reduce((sum, n) => sum + n, 0);
        },
      ];
      for (const run of i % 2 === 0 ? pair : pair.reverse()) {
        await run();
      }
    }
    // Checks that make the numbers mean something: both sides erased every subject, and both
    // export the same rows for the same subject.
    const erased = [...subjects.eraseEngine, ...subjects.eraseDirect].map((s) => s.email);
    const { rows } = await client.query(
      `SELECT (SELECT count(*) FROM public.customers WHERE email = ANY($1))::int AS customers,
              (SELECT count(*) FROM public.newsletter_subscriptions WHERE email = ANY($1))::int AS subscriptions`,
      [erased],
    );
    let mismatches = 0;
    for (const { email } of subjects.accessEngine.slice(0, 20)) {
      const ours = await engine.access(email);
      const theirs = await direct.access(email);
      mismatches += ours.collections.filter((c) => c.found !== theirs[c.collection]).length;
    }
    return { samples, found, left: rows[0], erasedSubjects: erased.length, mismatches };
  } finally {
    await client.end();
    await connector.close();
  }
}
