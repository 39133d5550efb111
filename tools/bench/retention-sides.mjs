// The two sides of the retention benchmark, each run on its own copy of the seeded shop database:
//   ours  PostgresConnector.retentionBatch (the demo data map's page_views rules) batch after batch,
//         plus, per batch, the UPDATE the engine makes to its run row in Rightsdesk's own database
//         (RetentionRunRepository.recordBatch, on a one-row table in another database of the
//         cluster). The real RetentionRuns engine also takes a lease and reads holds once per run;
//         those are not per-batch costs and are left out.
//   raw   the batched SQL a DBA would write: DELETE/UPDATE … WHERE id IN (SELECT id … LIMIT n),
//         repeated until a batch finds fewer than n rows (the same stopping rule as ours, so raw
//         saves the final empty statement the "until 0 rows" would cost it).
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '../..');
const { Client } = require('pg');
const { createConnector } = require(path.join(root, 'dist/libs/connectors/src'));

export const PHASES = ['anonymize', 'delete'];

const PREFIX = 'CASE WHEN family(ip) = 4 THEN 24 ELSE 48 END';
// Pending = still longer than its /24 (/48) prefix: every seeded address is a /32 or /128.
const RAW_PENDING = `masklen(ip) > ${PREFIX}`;
const RAW = {
  anonymize: `UPDATE public.page_views SET ip = network(set_masklen(ip, ${PREFIX}))
    WHERE id IN (SELECT id FROM public.page_views WHERE viewed_at < $1::timestamptz AND ${RAW_PENDING} LIMIT $2)`,
  delete: `DELETE FROM public.page_views
    WHERE id IN (SELECT id FROM public.page_views WHERE viewed_at < $1::timestamptz LIMIT $2)`,
};
export const RAW_SQL = RAW;

// What is left to do after a side ran: both sides must end with the same counts.
const LEFT_SQL = `SELECT count(*)::bigint AS rows,
  count(*) FILTER (WHERE viewed_at < $1::timestamptz AND ${RAW_PENDING})::bigint AS pending_anonymize,
  count(*) FILTER (WHERE viewed_at < $2::timestamptz)::bigint AS due_delete,
  count(*) FILTER (WHERE ${RAW_PENDING})::bigint AS full_ips
  FROM public.page_views`;

async function withClient(url, work) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The run-row table the engine updates per batch, in its own (empty) database. */
export async function prepareBookkeeping(appUrl) {
  await withClient(appUrl, (client) =>
    client.query(`CREATE TABLE IF NOT EXISTS retention_run (id uuid PRIMARY KEY, rule_id varchar(200) NOT NULL, status varchar(16) NOT NULL,
      cursor text, rows_affected bigint NOT NULL DEFAULT 0, batches integer NOT NULL DEFAULT 0, longest_statement_ms integer NOT NULL DEFAULT 0,
      lease_owner varchar(120), lease_until timestamptz, updated_at timestamptz NOT NULL)`),
  );
}

const RECORD_BATCH = `UPDATE retention_run
  SET cursor = $3, rows_affected = rows_affected + $4, batches = batches + 1,
      longest_statement_ms = greatest(longest_statement_ms, $5), lease_until = $6, updated_at = now()
  WHERE id = $1 AND lease_owner = $2
  RETURNING status`;

/** Untimed, before each side: settle dirty buffers and keep autovacuum out of the timed work. */
async function prepareCopy(url) {
  await withClient(url, async (client) => {
    await client.query('ALTER TABLE public.page_views SET (autovacuum_enabled = false)');
    await client.query('CHECKPOINT');
  });
}

async function leftAfter(url, cutoffs) {
  return withClient(url, async (client) => {
    const { rows } = await client.query(LEFT_SQL, [cutoffs.anonymize.toISOString(), cutoffs.delete.toISOString()]);
    return Object.fromEntries(Object.entries(rows[0]).map(([key, value]) => [key, Number(value)]));
  });
}

/** ours: { anonymize, delete } each { rows, seconds, statements, longestMs, due }, and what is left. */
export async function runOurs({ url, appUrl, shop, rules, cutoffs, batchSize }) {
  await prepareCopy(url);
  const connector = createConnector(shop, { env: { DEMO_COMPANY_DATABASE_URL: url } });
  const app = new Client({ connectionString: appUrl });
  await app.connect();
  const result = {};
  try {
    for (const phase of PHASES) {
      const rule = rules[phase];
      const window = { cutoff: cutoffs[phase] };
      // Untimed: the count the engine's plan shows; also loads the connector's catalog cache.
      const plan = await connector.planRetention('page_views', rule, window, 0);
      const runId = randomUUID();
      await app.query(
        `INSERT INTO retention_run (id, rule_id, status, lease_owner, lease_until, updated_at) VALUES ($1, $2, 'running', 'bench', now(), now())`,
        [runId, `shop.page_views.${rule.name}`],
      );
      let cursor = null;
      let rows = 0;
      let statements = 0;
      let longestMs = 0;
      let longestBatchMs = 0;
      const started = performance.now();
      do {
        const batchStarted = performance.now();
        const batch = await connector.retentionBatch('page_views', rule, window, cursor, batchSize);
        const leaseUntil = new Date(Date.now() + 60_000);
        await app.query(RECORD_BATCH, [runId, 'bench', batch.cursor, batch.affected, Math.round(batch.longestStatementMs), leaseUntil]);
        longestBatchMs = Math.max(longestBatchMs, performance.now() - batchStarted);
        rows += batch.affected;
        statements += 1;
        longestMs = Math.max(longestMs, batch.longestStatementMs);
        cursor = batch.cursor;
      } while (cursor !== null);
      result[phase] = { rows, seconds: (performance.now() - started) / 1000, statements, longestMs, longestBatchMs, due: plan.due };
    }
  } finally {
    await app.end();
    await connector.close();
  }
  return { ...result, left: await leftAfter(url, cutoffs) };
}

/** raw: the same shape as runOurs. */
export async function runRaw({ url, cutoffs, batchSize }) {
  await prepareCopy(url);
  const result = {};
  await withClient(url, async (client) => {
    for (const phase of PHASES) {
      const cutoff = cutoffs[phase].toISOString();
      // Untimed, like ours' plan: the same count, and the same warm-up.
      const dueSql = phase === 'delete' ? 'viewed_at < $1::timestamptz' : `viewed_at < $1::timestamptz AND ${RAW_PENDING}`;
      const { rows: dueRows } = await client.query(`SELECT count(*)::bigint AS n FROM public.page_views WHERE ${dueSql}`, [cutoff]);
      let rows = 0;
      let statements = 0;
      let longestMs = 0;
      let changed;
      const started = performance.now();
      do {
        const statementStarted = performance.now();
        changed = (await client.query(RAW[phase], [cutoff, batchSize])).rowCount;
        longestMs = Math.max(longestMs, performance.now() - statementStarted);
        rows += changed;
        statements += 1;
      } while (changed >= batchSize);
      result[phase] = { rows, seconds: (performance.now() - started) / 1000, statements, longestMs, longestBatchMs: longestMs, due: Number(dueRows[0].n) };
    }
  });
  return { ...result, left: await leftAfter(url, cutoffs) };
}

/**
 * Cutoffs on the seeded data: the delete's at the `deleteShare` quantile of viewed_at, the
 * anonymize's (run first, as the demo schedule does) at `anonymizeShare`. Rows are read through
 * page_views_viewed_at_idx; ties at the cutoff second make the counts a little lower than the share.
 */
export async function chooseCutoffs(url, { anonymizeShare, deleteShare }) {
  return withClient(url, async (client) => {
    const { rows: sizeRows } = await client.query('SELECT count(*)::bigint AS n FROM public.page_views');
    const total = Number(sizeRows[0].n);
    const at = async (share) => {
      const { rows } = await client.query('SELECT viewed_at FROM public.page_views ORDER BY viewed_at OFFSET $1 LIMIT 1', [Math.round(total * share)]);
      return rows[0].viewed_at;
    };
    const { rows: newestRows } = await client.query('SELECT max(viewed_at) AS newest FROM public.page_views');
    return { total, newest: newestRows[0].newest, anonymize: await at(anonymizeShare), delete: await at(deleteShare) };
  });
}

/** EXPLAIN (no ANALYZE) of each side's first batch statement, shortened to its plan nodes. */
export async function explainFirstBatches(url, cutoffs, batchSize) {
  return withClient(url, async (client) => {
    const plans = {};
    for (const phase of PHASES) {
      const { rows } = await client.query(`EXPLAIN ${RAW[phase]}`, [cutoffs[phase].toISOString(), batchSize]);
      plans[phase] = nodes(rows.map((row) => row['QUERY PLAN']));
    }
    return plans;
  });
}

/** `Update on page_views > Nested Loop > HashAggregate > Limit > Seq Scan on page_views` */
export function nodes(lines) {
  return lines
    .map((line) => line.replace(/^\s*(->\s*)?/, '').replace(/\s+\(cost=.*$/, ''))
    .filter((line) => /^[A-Z]/.test(line) && !/^(Filter|Index Cond|Hash Cond|Group Key|Sort Key|Join Filter|Recheck Cond|Output|Rows Removed)/.test(line))
    .join(' > ');
}
