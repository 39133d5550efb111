import type { Subject } from '../connector';
import { quoteTable } from './quote-ident';
import { SqlParams } from './sql-params';
import { MATCHES_NOTHING, subjectPredicate } from './subject-predicate';
import type { SystemTables } from './system-tables';

/**
 * One statement counting the subject's rows in every collection (UNION ALL, one round trip);
 * row `i` is the i-th collection. null when no collection can match.
 */
export function countQuery(tables: SystemTables, subject: Subject): { sql: string; values: unknown[] } | null {
  const params = new SqlParams();
  const branches = tables.system.collections.flatMap((collection, index) => {
    const predicate = subjectPredicate(tables, collection, subject, params);
    return predicate === MATCHES_NOTHING
      ? []
      : [`SELECT ${index} AS i, count(*)::bigint AS n FROM ${quoteTable(collection.schema, collection.table)} AS t0 WHERE ${predicate}`];
  });
  return branches.length === 0 ? null : { sql: branches.join(' UNION ALL '), values: params.values };
}
