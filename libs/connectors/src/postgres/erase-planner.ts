import type { Subject } from '../connector';
import type { PostgresCollection } from '../datamap/datamap.types';
import { countedSelectSql, countedUpdateSql } from './counted-update';
import { fieldErasure, type FieldErasure } from './erasure-sql';
import { quoteTable } from './quote-ident';
import { SqlParams } from './sql-params';
import { MATCHES_NOTHING, subjectPredicate } from './subject-predicate';
import type { SystemTables } from './system-tables';

/** The one statement that erases the subject from a collection. */
export type ErasePlan =
  | { kind: 'nothing'; actions: string[] }
  // found = changed = the statement's row count.
  | { kind: 'delete'; sql: string; values: unknown[]; actions: string[] }
  // Returns one row with `found` and `changed`.
  | { kind: 'counted'; sql: string; values: unknown[]; actions: string[] };

export function planErasure(tables: SystemTables, collection: PostgresCollection, subject: Subject, hashSalt: Buffer): ErasePlan {
  const where = `${tables.system.key}.${collection.name}`;
  const params = new SqlParams();
  const predicate = subjectPredicate(tables, collection, subject, params);
  // The parser has already applied the collection's default action to every field.
  const deletes = collection.fields.some((field) => field.erasure.action === 'delete_row');
  const updates = deletes
    ? []
    : collection.fields
        .map((field) => fieldErasure(where, field, tables.column(collection, field.name), params, hashSalt.toString('hex')))
        .filter((erasure): erasure is FieldErasure => erasure !== null);
  const actions = deletes ? ['delete_row'] : updates.map((update) => update.action);
  if (predicate === MATCHES_NOTHING) {
    return { kind: 'nothing', actions };
  }
  const table = quoteTable(collection.schema, collection.table);
  if (deletes) {
    return { kind: 'delete', sql: `DELETE FROM ${table} AS t0 WHERE ${predicate}`, values: params.values, actions };
  }
  const sql =
    updates.length === 0
      ? // Every field is kept (invoices under a retention duty): report what is held, change nothing.
        countedSelectSql(table, predicate)
      : countedUpdateSql(
          table,
          predicate,
          updates.map((update) => update.assignment),
          updates.map((update) => update.pending),
        );
  return { kind: 'counted', sql, values: params.values, actions };
}
