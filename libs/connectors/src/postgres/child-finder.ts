import type { Pool } from 'pg';
import type { PostgresCollection } from '../datamap/datamap.types';
import type { ChildAccount, ChildBatch, RetentionPlan } from '../retention';
import { inTransaction, SNAPSHOT_READ_ONLY } from './pg-transaction';
import { connectorFailure, PostgresConnectorError } from './postgres-connector.error';
import { column, quoteTable } from './quote-ident';
import { SqlParams } from './sql-params';
import type { SystemTables } from './system-tables';

// Accounts whose declared birth date makes them children. Only read here: each one becomes a
// request an officer reviews, never an erasure on its own.

const DATE = /^\d{4}-\d{2}-\d{2}$/;

interface ChildRows {
  where: string;
  table: string;
  pk: string;
  pkType: string;
  birthDate: string;
  /** `birth > $1::date`; NULL is never a child's. */
  young: string;
  params: SqlParams;
}

function childRows(tables: SystemTables, collection: PostgresCollection, bornAfter: string): ChildRows {
  const where = `${tables.system.key}.${collection.name}: children`;
  if (!collection.children) {
    throw new PostgresConnectorError(`${where}: the collection has no children: block in the data map`);
  }
  if (!DATE.test(bornAfter)) {
    throw new PostgresConnectorError(`${where}: bornAfter must be a date written YYYY-MM-DD`);
  }
  const info = tables.column(collection, collection.children.birthDate);
  if (info.category !== 'D') {
    throw new PostgresConnectorError(`${where}: column ${info.name} is ${info.type}, not a date`);
  }
  const params = new SqlParams();
  const birthDate = column('t0', info.name);
  return {
    where,
    table: quoteTable(collection.schema, collection.table),
    pk: column('t0', collection.primaryKey),
    pkType: tables.column(collection, collection.primaryKey).castType,
    birthDate,
    young: `${birthDate} > ${params.add(bornAfter)}::date`,
    params,
  };
}

// The first non-empty value of the collection's identity columns of one kind.
function identity(tables: SystemTables, collection: PostgresCollection, kind: 'email' | 'username'): string {
  const link = collection.subject;
  const columns = link.by === 'identity' ? link.fields.filter((field) => field.identity === kind) : [];
  const values = columns.map((field) => {
    tables.column(collection, field.field);
    const text = `btrim(${column('t0', field.field)}::text)`;
    // Emails are compared normalized everywhere (identity-match.ts).
    return `NULLIF(${kind === 'email' ? `lower(${text})` : text}, '')`;
  });
  return values.length === 0 ? 'NULL::text' : `COALESCE(${values.join(', ')})`;
}

export async function findChildren(
  pool: Pool,
  tables: SystemTables,
  collectionName: string,
  bornAfter: string,
  cursor: string | null,
  limit: number,
): Promise<ChildBatch> {
  if (!Number.isSafeInteger(limit) || limit < 1) {
    throw new RangeError('limit must be a whole number of at least 1');
  }
  const collection = tables.collection(collectionName);
  const rows = childRows(tables, collection, bornAfter);
  const after = cursor === null ? '' : ` AND ${rows.pk} > ${rows.params.add(cursor)}::${rows.pkType}`;
  const text =
    `SELECT ${rows.pk}::text AS key, to_char(${rows.birthDate}, 'YYYY-MM-DD') AS birth_date, ` +
    `${identity(tables, collection, 'email')} AS email, ${identity(tables, collection, 'username')} AS username ` +
    `FROM ${rows.table} AS t0 WHERE ${rows.young}${after} ORDER BY ${rows.pk} LIMIT ${rows.params.add(limit)}`;
  let found: Array<{ key: string; birth_date: string; email: string | null; username: string | null }>;
  try {
    found = (await pool.query<(typeof found)[number]>(text, rows.params.values)).rows;
  } catch (error) {
    throw connectorFailure(rows.where, error);
  }
  const accounts = found.map((row): ChildAccount => ({
    key: row.key,
    birthDate: row.birth_date,
    ...(row.email === null ? {} : { email: row.email }),
    ...(row.username === null ? {} : { username: row.username }),
  }));
  return { accounts, cursor: accounts.length < limit ? null : (accounts.at(-1)?.key ?? null) };
}

export async function planChildren(
  pool: Pool,
  tables: SystemTables,
  collectionName: string,
  bornAfter: string,
  samples: number,
): Promise<RetentionPlan> {
  if (!Number.isSafeInteger(samples) || samples < 0) {
    throw new RangeError('samples must be a whole number of at least 0');
  }
  const rows = childRows(tables, tables.collection(collectionName), bornAfter);
  const text =
    `SELECT (SELECT count(*) FROM ${rows.table} AS t0 WHERE ${rows.young})::bigint AS due, ` +
    `ARRAY(SELECT ${rows.pk}::text FROM ${rows.table} AS t0 WHERE ${rows.young} ORDER BY ${rows.pk} LIMIT ${rows.params.add(samples)}) AS samples`;
  try {
    return await inTransaction(pool, SNAPSHOT_READ_ONLY, async (client) => {
      const { rows: [row] } = await client.query<{ due: string; samples: string[] }>(text, rows.params.values);
      return { due: Number(row.due), sampleKeys: row.samples };
    });
  } catch (error) {
    throw connectorFailure(`${rows.where}: plan`, error);
  }
}
