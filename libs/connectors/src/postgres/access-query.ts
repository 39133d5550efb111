import type { Subject } from '../connector';
import type { PostgresCollection } from '../datamap/datamap.types';
import { column, quoteTable } from './quote-ident';
import { SqlParams } from './sql-params';
import { MATCHES_NOTHING, subjectPredicate } from './subject-predicate';
import type { SystemTables } from './system-tables';

/** The exported columns: the primary key and every declared field that is not a secret. */
export function exportedColumns(collection: PostgresCollection): string[] {
  const secrets = new Set(collection.fields.filter((field) => field.secret).map((field) => field.name));
  const names = [collection.primaryKey, ...collection.fields.map((field) => field.name)];
  return [...new Set(names)].filter((name) => !secrets.has(name));
}

/** SELECT of the subject's exported columns, or null when no row can match. */
export function accessQuery(
  tables: SystemTables,
  collection: PostgresCollection,
  subject: Subject,
): { sql: string; values: unknown[] } | null {
  const params = new SqlParams();
  const predicate = subjectPredicate(tables, collection, subject, params);
  if (predicate === MATCHES_NOTHING) {
    return null;
  }
  const columns = exportedColumns(collection).map((name) => {
    tables.column(collection, name);
    return column('t0', name);
  });
  const sql = `SELECT ${columns.join(', ')} FROM ${quoteTable(collection.schema, collection.table)} AS t0 WHERE ${predicate}`;
  return { sql, values: params.values };
}
