import type { Subject } from '../connector';
import type { PostgresCollection } from '../datamap/datamap.types';
import { countedUpdateSql } from './counted-update';
import { column, quoteIdent, quoteTable } from './quote-ident';
import { SqlParams } from './sql-params';
import { MATCHES_NOTHING, subjectPredicate } from './subject-predicate';
import type { SystemTables } from './system-tables';

export interface OptOutPlan {
  /** null when the subject cannot have rows here (no usable identity). */
  sql: string | null;
  values: unknown[];
  actions: string[];
}

/** Sets the collection's declared opt-out values on the subject's rows that do not have them yet. */
export function planOptOut(tables: SystemTables, collection: PostgresCollection, subject: Subject): OptOutPlan | null {
  const entries = Object.entries(collection.optOut ?? {});
  if (entries.length === 0) {
    return null;
  }
  const params = new SqlParams();
  const predicate = subjectPredicate(tables, collection, subject, params);
  const actions = entries.map(([name]) => `opt_out:${name}`);
  if (predicate === MATCHES_NOTHING) {
    return { sql: null, values: [], actions };
  }
  const assignments: string[] = [];
  const pending: string[] = [];
  for (const [name, value] of entries) {
    const ref = column('t0', name);
    if (value === null) {
      assignments.push(`${quoteIdent(name)} = NULL`);
      pending.push(`${ref} IS NOT NULL`);
    } else {
      const typed = `${params.add(String(value))}::${tables.column(collection, name).castType}`;
      assignments.push(`${quoteIdent(name)} = ${typed}`);
      pending.push(`${ref} IS DISTINCT FROM ${typed}`);
    }
  }
  const sql = countedUpdateSql(quoteTable(collection.schema, collection.table), predicate, assignments, pending);
  return { sql, values: params.values, actions };
}
