import { Pool } from 'pg';
import { createScratchDatabase, type TestDatabase } from '@rightsdesk/testing';
import type { RetentionRule } from '../../src/datamap/datamap.types';
import { loadCatalog } from '../../src/postgres/pg-catalog';
import { dueKeysStatement } from '../../src/postgres/retention-cascade-sql';
import { anonymizeBatchStatement, deleteBatchStatement, dueRows, type Statement } from '../../src/postgres/retention-sql';
import { SystemTables } from '../../src/postgres/system-tables';
import { aRule, createVisitsStore, CUTOFF, type VisitsStore } from './visits-store';

// A batch must cost what its limit says, wherever the run is: PostgreSQL has to walk the primary
// key from the cursor and stop after `limit` due rows, not collect and sort every due row first
// (two thirds of this table, 200,000 rows, with an index on the time stamp to tempt it).

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Index Cond'?: string;
  'Subplan Name'?: string;
  Plans?: PlanNode[];
}

const ROWS = 300_000;
const LIMIT = 5000;

let database: TestDatabase;
let store: VisitsStore;
let pool: Pool;
let tables: SystemTables;

beforeAll(async () => {
  database = await createScratchDatabase();
  store = await createVisitsStore(database.url, ROWS);
  pool = new Pool({ connectionString: database.url, max: 1 });
  tables = new SystemTables(store.system, await loadCatalog(pool, store.system.collections));
}, 120_000);

afterAll(async () => {
  await pool?.end();
  await store?.close();
  await database?.drop();
});

function nodes(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(nodes)];
}

/** The plan of the statement's `batch` CTE: how it finds the batch's rows. */
async function batchPlan(statement: Statement): Promise<PlanNode[]> {
  const { rows } = await pool.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(`EXPLAIN (FORMAT JSON) ${statement.text}`, statement.values);
  const root = rows[0]['QUERY PLAN'][0].Plan;
  const cte = nodes(root).find((node) => node['Subplan Name'] === 'CTE batch') ?? root;
  return nodes(cte);
}

function rows(rule: RetentionRule) {
  const collection = tables.collection('visits');
  return dueRows(tables, collection, rule, { cutoff: CUTOFF }, 'salt');
}

const anonymize = aRule({ action: 'anonymize', anonymize: { ip: { action: 'anonymize_ip' } } });

describe.each([
  ['a delete batch', (cursor: string | null) => deleteBatchStatement(rows(aRule()), cursor, LIMIT)],
  ['an anonymize batch', (cursor: string | null) => anonymizeBatchStatement(rows(anonymize), cursor, LIMIT)],
  ['the keys of a cascading delete', (cursor: string | null) => dueKeysStatement(rows(aRule()), [], cursor, LIMIT)],
])('the plan of %s', (_name, statement) => {
  it.each([null, '150000'])('walks the primary key index from cursor %s and sorts nothing', async (cursor) => {
    const plan = await batchPlan(statement(cursor));
    const scan = plan.find((node) => node['Index Name'] === 'visits_pkey');
    expect(scan?.['Node Type']).toBe('Index Scan');
    if (cursor !== null) {
      expect(scan?.['Index Cond']).toMatch(/^\(id > /);
    }
    expect(plan.map((node) => node['Node Type'])).not.toContain('Sort');
    expect(plan.map((node) => node['Index Name'])).not.toContain('visits_seen_at_idx');
  });
});
