import type { Subject } from '../connector';
import type { PostgresCollection } from '../datamap/datamap.types';
import { identityCondition } from './identity-match';
import { PostgresConnectorError } from './postgres-connector.error';
import { column, quoteTable } from './quote-ident';
import type { SqlParams } from './sql-params';
import type { SystemTables } from './system-tables';

/** Never "everything": an empty identity list must select no row at all. */
export const MATCHES_NOTHING = 'FALSE';

/**
 * The WHERE condition selecting the subject's rows of `collection`, whose table is aliased
 * `alias`. Identity collections compare their identity columns with the subject's identities
 * (OR across columns); reference collections select rows whose reference points at a subject's row
 * of the parent, recursively for chains (order_items → orders → customers).
 */
export function subjectPredicate(
  tables: SystemTables,
  collection: PostgresCollection,
  subject: Subject,
  params: SqlParams,
  alias = 't0',
): string {
  return predicateAt(tables, collection, subject, params, alias, 0);
}

function predicateAt(
  tables: SystemTables,
  collection: PostgresCollection,
  subject: Subject,
  params: SqlParams,
  alias: string,
  depth: number,
): string {
  if (depth > tables.system.collections.length) {
    throw new PostgresConnectorError(`${tables.system.key}.${collection.name}: references form a cycle`);
  }
  const link = collection.subject;
  if (link.by === 'identity') {
    const conditions = link.fields
      .map((field) =>
        identityCondition(
          column(alias, field.field),
          tables.column(collection, field.field),
          subject.identities[field.identity] ?? [],
          params,
        ),
      )
      .filter((condition): condition is string => condition !== null);
    return conditions.length === 0 ? MATCHES_NOTHING : `(${conditions.join(' OR ')})`;
  }
  const parent = tables.collection(link.to.collection);
  tables.column(collection, link.field);
  tables.column(parent, link.to.field);
  const parentAlias = `t${depth + 1}`;
  const parentPredicate = predicateAt(tables, parent, subject, params, parentAlias, depth + 1);
  if (parentPredicate === MATCHES_NOTHING) {
    return MATCHES_NOTHING;
  }
  return (
    `${column(alias, link.field)} IN (SELECT ${column(parentAlias, link.to.field)} ` +
    `FROM ${quoteTable(parent.schema, parent.table)} AS ${parentAlias} WHERE ${parentPredicate})`
  );
}
