import type { Pool, PoolClient } from 'pg';
import { fieldRefKey, type ResolvedKeys } from '../connector';
import type { PostgresCollection } from '../datamap/datamap.types';
import type { RetentionBatch, RetentionCascade } from '../retention';
import type { StatementTimer } from '../statement-timer';
import { inTransaction, READ_WRITE } from './pg-transaction';
import { connectorFailure } from './postgres-connector.error';
import {
  checkWanted,
  deleteKeysStatement,
  descendantsOf,
  descendantStatement,
  dueKeysStatement,
  lockDueStatement,
} from './retention-cascade-sql';
import type { DueRows, Statement } from './retention-sql';
import type { SystemTables } from './system-tables';

export interface CascadeInput {
  pool: Pool;
  tables: SystemTables;
  collection: PostgresCollection;
  /** Builds the rule's due rows afresh (each statement numbers its own parameters). */
  rows: () => DueRows;
  cursor: string | null;
  limit: number;
  cascade?: RetentionCascade;
  salt: string;
  timer: StatementTimer;
}

async function run<T extends object>(db: Pool | PoolClient, timer: StatementTimer, where: string, statement: Statement): Promise<{ rows: T[]; rowCount: number }> {
  try {
    const result = await timer.time(() => db.query<T>(statement.text, statement.values));
    return { rows: result.rows, rowCount: result.rowCount ?? 0 };
  } catch (error) {
    throw connectorFailure(where, error);
  }
}

/**
 * Deletes one batch of due rows that other collections reference. The keys (and what other systems
 * key data by) are read first and handed to `cascade.beforeDelete` with no lock held; then one
 * transaction locks those rows that are still due, applies the referencing collections' erasure
 * actions to their rows, and deletes them. A foreign key the data map does not satisfy (a
 * referencing field kept) fails the batch with the constraint's name.
 */
export async function cascadeDeleteBatch(input: CascadeInput): Promise<RetentionBatch> {
  const { pool, tables, collection, timer } = input;
  const wanted = input.cascade?.wanted ?? [];
  checkWanted(tables, collection, wanted);
  const first = input.rows();
  const descendants = descendantsOf(tables, collection);
  const descendantStatements = (pkType: string, rowKeys: string[]) =>
    descendants.map((descendant) => ({
      where: `${tables.system.key}.${descendant.name}: erasure actions for ${first.where}`,
      statement: descendantStatement(tables, descendant, collection, pkType, rowKeys, input.salt),
    }));
  // Built once up front: a referencing collection that does not fit its table fails before
  // anything is read, and before other systems have deleted anything.
  descendantStatements(first.pkType, []);
  const listed = await run<Record<string, string | null>>(pool, timer, first.where, dueKeysStatement(first, wanted, input.cursor, input.limit));
  const keys = listed.rows.map((row) => row.k as string);
  const cursor = keys.length < input.limit ? null : (keys.at(-1) ?? null);
  if (keys.length === 0) {
    return { affected: 0, cursor, longestStatementMs: timer.longestMs };
  }
  if (input.cascade) {
    const resolved: ResolvedKeys = {};
    wanted.forEach((ref, index) => {
      const values = listed.rows.map((row) => row[`w${index}`]).filter((value): value is string => value !== null);
      resolved[fieldRefKey(ref)] = [...new Set(values)];
    });
    await input.cascade.beforeDelete(resolved);
  }
  const affected = await inTransaction(pool, READ_WRITE, async (client) => {
    const locking = input.rows();
    const locked = (await run<{ k: string }>(client, timer, locking.where, lockDueStatement(locking, keys))).rows.map((row) => row.k);
    if (locked.length === 0) {
      return 0;
    }
    for (const { where, statement } of descendantStatements(locking.pkType, locked)) {
      if (statement) {
        await run(client, timer, where, statement);
      }
    }
    return (await run(client, timer, locking.where, deleteKeysStatement(collection, locking.pkType, locked))).rowCount;
  }).catch((error: unknown) => {
    throw connectorFailure(first.where, error);
  });
  return { affected, cursor, longestStatementMs: timer.longestMs };
}
