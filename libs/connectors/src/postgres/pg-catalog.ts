import type { Pool, PoolClient } from 'pg';
import type { PostgresCollection } from '../datamap/datamap.types';

export type Queryable = Pool | PoolClient;

export interface ColumnInfo {
  name: string;
  /** As declared, e.g. `character varying(40)`: for messages. */
  type: string;
  // A cast to `character varying(40)` or `character` would silently truncate a value, so
  // parameters are cast to the type without its modifier and the column enforces the rest.
  castType: string;
  /** The type under any domain, e.g. `inet`, `text`, `integer`, `uuid`. */
  rootType: string;
  /** pg_type.typcategory: S string, N numeric, I network address, D date/time, B boolean, U user… */
  category: string;
  notNull: boolean;
  /** Declared length of varchar(n) and char(n) columns. */
  maxLength: number | null;
}

export interface TableInfo {
  columns: Map<string, ColumnInfo>;
}

export interface IndexInfo {
  schema: string;
  table: string;
  name: string;
  /** null for an expression index such as `lower(email)`. */
  firstColumn: string | null;
}

/** What the database says about the tables of one system, keyed by collection name (absent: no such table). */
export interface SystemCatalog {
  tables: Map<string, TableInfo>;
}

interface ColumnRow {
  schema: string;
  table_name: string;
  column_name: string;
  type: string;
  cast_type: string;
  root_type: string;
  category: string;
  not_null: boolean;
  max_length: number | null;
}

const COLUMNS_SQL = `
SELECT n.nspname AS schema, c.relname AS table_name, a.attname AS column_name,
       format_type(a.atttypid, a.atttypmod) AS type,
       format_type(a.atttypid, -1) AS cast_type,
       format_type(CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END, -1) AS root_type,
       t.typcategory AS category,
       a.attnotnull AS not_null,
       CASE WHEN a.atttypid IN ('varchar'::regtype, 'bpchar'::regtype) AND a.atttypmod > 4
            THEN a.atttypmod - 4 END AS max_length
  FROM unnest($1::text[], $2::text[]) AS wanted(schema_name, table_name)
  JOIN pg_namespace n ON n.nspname = wanted.schema_name
  JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = wanted.table_name
                 AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
  JOIN pg_type t ON t.oid = a.atttypid`;

/** One round trip for the column types of every table of the system. */
export async function loadCatalog(db: Queryable, collections: PostgresCollection[]): Promise<SystemCatalog> {
  const { rows } = await db.query<ColumnRow>(COLUMNS_SQL, [
    collections.map((collection) => collection.schema),
    collections.map((collection) => collection.table),
  ]);
  const byTable = new Map<string, TableInfo>();
  for (const row of rows) {
    const key = tableKey(row.schema, row.table_name);
    let table = byTable.get(key);
    if (!table) {
      table = { columns: new Map() };
      byTable.set(key, table);
    }
    table.columns.set(row.column_name, {
      name: row.column_name,
      type: row.type,
      castType: row.cast_type,
      rootType: row.root_type,
      category: row.category,
      notNull: row.not_null,
      maxLength: row.max_length,
    });
  }
  const tables = new Map<string, TableInfo>();
  for (const collection of collections) {
    const table = byTable.get(tableKey(collection.schema, collection.table));
    if (table) {
      tables.set(collection.name, table);
    }
  }
  return { tables };
}

const INDEXES_SQL = `
SELECT n.nspname AS schema, t.relname AS table_name, ci.relname AS index_name, a.attname AS first_column
  FROM unnest($1::text[], $2::text[]) AS wanted(schema_name, index_name)
  JOIN pg_namespace n ON n.nspname = wanted.schema_name
  JOIN pg_class ci ON ci.relnamespace = n.oid AND ci.relname = wanted.index_name AND ci.relkind IN ('i', 'I')
  JOIN pg_index i ON i.indexrelid = ci.oid
  JOIN pg_class t ON t.oid = i.indrelid
  LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = i.indkey[0] AND i.indkey[0] > 0`;

/** Indexes are looked up by name in the schema of the table they are declared for. */
export async function loadIndexes(db: Queryable, wanted: Array<{ schema: string; name: string }>): Promise<IndexInfo[]> {
  if (wanted.length === 0) {
    return [];
  }
  const { rows } = await db.query<{ schema: string; table_name: string; index_name: string; first_column: string | null }>(
    INDEXES_SQL,
    [wanted.map((index) => index.schema), wanted.map((index) => index.name)],
  );
  return rows.map((row) => ({ schema: row.schema, table: row.table_name, name: row.index_name, firstColumn: row.first_column }));
}

function tableKey(schema: string, table: string): string {
  return JSON.stringify([schema, table]);
}
