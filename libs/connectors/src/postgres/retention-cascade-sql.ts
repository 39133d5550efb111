import { fieldRefKey } from '../connector';
import type { FieldRef, PostgresCollection } from '../datamap/datamap.types';
import { fieldErasure, type FieldErasure } from './erasure-sql';
import { PostgresConnectorError } from './postgres-connector.error';
import { column, quoteTable } from './quote-ident';
import { batchSelect, type DueRows, type Statement } from './retention-sql';
import { SqlParams } from './sql-params';
import type { SystemTables } from './system-tables';

// Deleting rows that other collections of the same system point at: their referencing rows get
// the erasure actions the data map gives them (deleted, or their reference set to NULL, …),
// children before parents, in one transaction with the parents locked.

/** The next batch's keys and the values of `wanted` fields, without locking anything. */
export function dueKeysStatement(rows: DueRows, wanted: FieldRef[], cursor: string | null, limit: number): Statement {
  const columns = [`${rows.pk}::text AS k`, ...wanted.map((ref, index) => `${column('t0', ref.field)}::text AS w${index}`)];
  return { text: batchSelect(rows, cursor, limit, columns.join(', ')), values: rows.params.values };
}

/** Locks those of `keys` that are still due (a customer who signed in meanwhile is not). */
export function lockDueStatement(rows: DueRows, keys: string[]): Statement {
  const list = rows.params.add(keys);
  return {
    text:
      `SELECT ${rows.pk}::text AS k FROM ${rows.table} AS t0 ` +
      `WHERE ${rows.pk} = ANY(${list}::${rows.pkType}[]) AND ${rows.due} ORDER BY ${rows.pk} FOR UPDATE`,
    values: rows.params.values,
  };
}

export function deleteKeysStatement(collection: PostgresCollection, pkType: string, keys: string[]): Statement {
  const table = quoteTable(collection.schema, collection.table);
  return {
    text: `DELETE FROM ${table} AS t0 WHERE ${column('t0', collection.primaryKey)} = ANY($1::${pkType}[])`,
    values: [keys],
  };
}

/** Checks that every wanted field is a column of the collection being deleted from. */
export function checkWanted(tables: SystemTables, collection: PostgresCollection, wanted: FieldRef[]): void {
  for (const ref of wanted) {
    if (ref.system !== tables.system.key || ref.collection !== collection.name) {
      throw new PostgresConnectorError(
        `${tables.system.key}.${collection.name}: retention cannot hand out ${fieldRefKey(ref)}, a field of another collection`,
      );
    }
    tables.column(collection, ref.field);
  }
}

/** Every collection whose references lead to `root`, children before parents (the erase order). */
export function descendantsOf(tables: SystemTables, root: PostgresCollection): PostgresCollection[] {
  const parentOf = (collection: PostgresCollection): string | undefined =>
    collection.subject.by === 'reference' ? collection.subject.to.collection : undefined;
  const leadsToRoot = (collection: PostgresCollection, depth: number): boolean => {
    const parent = parentOf(collection);
    if (parent === undefined || depth > tables.system.collections.length) {
      return false;
    }
    return parent === root.name || leadsToRoot(tables.collection(parent), depth + 1);
  };
  return tables.system.eraseOrder.map((name) => tables.collection(name)).filter((collection) => leadsToRoot(collection, 0));
}

// `t0.customer_id IN (SELECT t1.id FROM customers AS t1 WHERE t1.id = ANY($1))`, one level per
// reference up to the rows being deleted.
function linkedToKeys(
  tables: SystemTables,
  collection: PostgresCollection,
  root: PostgresCollection,
  rootPkType: string,
  params: SqlParams,
  keys: string[],
  depth = 0,
): string {
  const alias = `t${depth}`;
  if (collection.name === root.name) {
    return `${column(alias, root.primaryKey)} = ANY(${params.add(keys)}::${rootPkType}[])`;
  }
  const link = collection.subject;
  if (link.by !== 'reference') {
    throw new PostgresConnectorError(`${tables.system.key}.${collection.name}: does not lead to ${root.name}`);
  }
  const parent = tables.collection(link.to.collection);
  tables.column(collection, link.field);
  tables.column(parent, link.to.field);
  const parentAlias = `t${depth + 1}`;
  const parentPredicate = linkedToKeys(tables, parent, root, rootPkType, params, keys, depth + 1);
  return (
    `${column(alias, link.field)} IN (SELECT ${column(parentAlias, link.to.field)} ` +
    `FROM ${quoteTable(parent.schema, parent.table)} AS ${parentAlias} WHERE ${parentPredicate})`
  );
}

/**
 * The erasure a referencing collection's rows get when the rows they lead to are deleted: DELETE
 * when a field says delete_row, else an UPDATE of the fields' actions; null when every field is kept.
 */
export function descendantStatement(
  tables: SystemTables,
  collection: PostgresCollection,
  root: PostgresCollection,
  rootPkType: string,
  keys: string[],
  salt: string,
): Statement | null {
  const where = `${tables.system.key}.${collection.name}`;
  const params = new SqlParams();
  const table = quoteTable(collection.schema, collection.table);
  if (collection.fields.some((field) => field.erasure.action === 'delete_row')) {
    const linked = linkedToKeys(tables, collection, root, rootPkType, params, keys);
    return { text: `DELETE FROM ${table} AS t0 WHERE ${linked}`, values: params.values };
  }
  const erasures = collection.fields
    .map((field) => fieldErasure(where, field, tables.column(collection, field.name), params, salt))
    .filter((erasure): erasure is FieldErasure => erasure !== null);
  if (erasures.length === 0) {
    return null;
  }
  const linked = linkedToKeys(tables, collection, root, rootPkType, params, keys);
  return {
    text:
      `UPDATE ${table} AS t0 SET ${erasures.map((erasure) => erasure.assignment).join(', ')} ` +
      `WHERE ${linked} AND (${erasures.map((erasure) => erasure.pending).join(' OR ')})`,
    values: params.values,
  };
}
