import type { Pool } from 'pg';
import type { RetentionRule } from '../datamap/datamap.types';
import type { RetentionBatch, RetentionCascade, RetentionPlan, RetentionWindow } from '../retention';
import { StatementTimer } from '../statement-timer';
import { inTransaction, SNAPSHOT_READ_ONLY } from './pg-transaction';
import { connectorFailure } from './postgres-connector.error';
import { cascadeDeleteBatch, type CascadeInput } from './retention-cascade';
import { descendantsOf } from './retention-cascade-sql';
import { anonymizeBatchStatement, deleteBatchStatement, dueRows, planStatement } from './retention-sql';
import type { SystemTables } from './system-tables';

export interface RetentionContext {
  pool: Pool;
  tables: SystemTables;
  /** Salt for the hash action; see retention-sql.ts. */
  salt: string;
}

function checkCount(what: string, value: number, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new RangeError(`${what} must be a whole number of at least ${min}`);
  }
}

// Statements run unnamed, unlike the subject queries: PostgreSQL then plans each batch with its
// real cursor, cutoff and limit, and picks the primary key walk only where it pays.

/** Counts what the rule would change now and returns the smallest keys. Read-only. */
export async function planRetention(
  context: RetentionContext,
  collectionName: string,
  rule: RetentionRule,
  window: RetentionWindow,
  samples: number,
): Promise<RetentionPlan> {
  checkCount('samples', samples, 0);
  const collection = context.tables.collection(collectionName);
  const rows = dueRows(context.tables, collection, rule, window, context.salt);
  const statement = planStatement(rows, samples);
  try {
    return await inTransaction(context.pool, SNAPSHOT_READ_ONLY, async (client) => {
      const { rows: [row] } = await client.query<{ due: string; samples: string[] }>(statement.text, statement.values);
      return { due: Number(row.due), sampleKeys: row.samples };
    });
  } catch (error) {
    throw connectorFailure(`${rows.where}: plan`, error);
  }
}

/** One batch of a retention run, in as few statements as the collection allows (one, unless rows are referenced). */
export async function retentionBatch(
  context: RetentionContext,
  collectionName: string,
  rule: RetentionRule,
  window: RetentionWindow,
  cursor: string | null,
  limit: number,
  cascade?: RetentionCascade,
): Promise<RetentionBatch> {
  checkCount('limit', limit, 1);
  const { tables } = context;
  const collection = tables.collection(collectionName);
  const rows = () => dueRows(tables, collection, rule, window, context.salt);
  const timer = new StatementTimer();
  // Built before anything runs: a rule that does not fit the table fails without touching it.
  const first = rows();
  if (rule.action === 'delete' && (cascade || descendantsOf(tables, collection).length > 0)) {
    const input: CascadeInput = { pool: context.pool, tables, collection, rows, cursor, limit, salt: context.salt, timer };
    return cascadeDeleteBatch(cascade ? { ...input, cascade } : input);
  }
  const statement = rule.action === 'delete' ? deleteBatchStatement(first, cursor, limit) : anonymizeBatchStatement(first, cursor, limit);
  let row: { listed: number; affected: number; last: string | null };
  try {
    [row] = (await timer.time(() => context.pool.query<typeof row>(statement.text, statement.values))).rows;
  } catch (error) {
    throw connectorFailure(first.where, error);
  }
  return { affected: row.affected, cursor: row.listed < limit ? null : row.last, longestStatementMs: timer.longestMs };
}
