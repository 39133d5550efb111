import type { Subject } from '../connector';
import type { FieldRef } from '../datamap/datamap.types';
import { PostgresConnectorError } from './postgres-connector.error';
import { column, quoteTable } from './quote-ident';
import { SqlParams } from './sql-params';
import { MATCHES_NOTHING, subjectPredicate } from './subject-predicate';
import type { SystemTables } from './system-tables';

/** One statement with the distinct values of every wanted field; row `i` belongs to wanted[i]. */
export function resolveKeysQuery(tables: SystemTables, subject: Subject, wanted: FieldRef[]): { sql: string; values: unknown[] } | null {
  const params = new SqlParams();
  const branches = wanted.flatMap((ref, index) => {
    if (ref.system !== tables.system.key) {
      throw new PostgresConnectorError(`${tables.system.key}: cannot resolve ${ref.system}.${ref.collection}.${ref.field}, a field of another system`);
    }
    const collection = tables.collection(ref.collection);
    tables.column(collection, ref.field);
    const predicate = subjectPredicate(tables, collection, subject, params);
    if (predicate === MATCHES_NOTHING) {
      return [];
    }
    const value = column('t0', ref.field);
    return [
      `(SELECT DISTINCT ${index} AS i, ${value}::text AS v FROM ${quoteTable(collection.schema, collection.table)} AS t0 ` +
        `WHERE ${predicate} AND ${value} IS NOT NULL)`,
    ];
  });
  return branches.length === 0 ? null : { sql: branches.join(' UNION ALL '), values: params.values };
}
