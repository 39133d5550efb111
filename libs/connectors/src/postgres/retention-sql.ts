import type { FieldSpec, PostgresCollection, RetentionRule } from '../datamap/datamap.types';
import type { RetentionWindow } from '../retention';
import { fieldErasure, type FieldErasure } from './erasure-sql';
import type { ColumnInfo } from './pg-catalog';
import { PostgresConnectorError } from './postgres-connector.error';
import { column, quoteTable } from './quote-ident';
import { SqlParams } from './sql-params';
import type { SystemTables } from './system-tables';

/** One statement, values apart. */
export interface Statement {
  text: string;
  values: unknown[];
}

/**
 * The rows one rule makes due, as SQL over the alias t0. Built afresh for every statement, so each
 * statement's bind parameters start at $1.
 */
export interface DueRows {
  /** `shop.page_views: retention rule anonymize`, for messages. */
  where: string;
  table: string;
  /** `t0."id"` */
  pk: string;
  /** The primary key's type, for casting cursors and key lists. */
  pkType: string;
  /** For anonymize: only rows still pending, so a repeated run finds none. */
  due: string;
  /** The SET list, for anonymize; empty for delete. */
  assignments: string[];
  params: SqlParams;
}

/** A cutoff cast to the column's own type, so an index on the column stays usable. */
function before(tables: SystemTables, collection: PostgresCollection, where: string, name: string, cutoff: Date, params: SqlParams): string {
  const info = tables.column(collection, name);
  if (info.category !== 'D') {
    throw new PostgresConnectorError(`${where}: column ${name} is ${info.type}, not a date or time stamp`);
  }
  // ISO text with Z: a timestamptz column reads the instant; a plain timestamp column reads it as UTC.
  return `${column('t0', name)} < ${params.add(cutoff.toISOString())}::${info.castType}`;
}

// A retention anonymization must hold for good, so the hash salt is a random one nobody keeps
// (erasure's salt derives from SECRET_KEY): the hash can never be recomputed from a guessed value.
function anonymizeErasures(
  tables: SystemTables,
  collection: PostgresCollection,
  rule: RetentionRule,
  where: string,
  params: SqlParams,
  salt: string,
): FieldErasure[] {
  const erasures = Object.entries(rule.anonymize ?? {}).flatMap(([name, action]) => {
    const declared = collection.fields.find((field) => field.name === name);
    const spec: FieldSpec = {
      ...(declared ?? { name, category: 'other', rectifiable: false, secret: false }),
      erasure: action,
    };
    const info: ColumnInfo = tables.column(collection, name);
    const erasure = fieldErasure(where, spec, info, params, salt);
    return erasure ? [erasure] : [];
  });
  if (erasures.length === 0) {
    throw new PostgresConnectorError(`${where}: action anonymize names no field to change`);
  }
  return erasures;
}

export function dueRows(
  tables: SystemTables,
  collection: PostgresCollection,
  rule: RetentionRule,
  window: RetentionWindow,
  salt: string,
): DueRows {
  const where = `${tables.system.key}.${collection.name}: retention rule ${rule.name}`;
  const params = new SqlParams();
  const pkInfo = tables.column(collection, collection.primaryKey);
  const conditions = [before(tables, collection, where, rule.field, window.cutoff, params)];
  if (rule.condition) {
    if (!window.conditionCutoff) {
      throw new PostgresConnectorError(`${where}: the rule has a condition, and no condition cutoff was given`);
    }
    conditions.push(before(tables, collection, where, rule.condition.field, window.conditionCutoff, params));
  }
  let assignments: string[] = [];
  if (rule.action === 'anonymize') {
    const erasures = anonymizeErasures(tables, collection, rule, where, params, salt);
    assignments = erasures.map((erasure) => erasure.assignment);
    conditions.push(`(${erasures.map((erasure) => erasure.pending).join(' OR ')})`);
  }
  return {
    where,
    table: quoteTable(collection.schema, collection.table),
    pk: column('t0', collection.primaryKey),
    pkType: pkInfo.castType,
    due: conditions.join(' AND '),
    assignments,
    params,
  };
}

/** The next at most `limit` due rows after `cursor`, by primary key: `SELECT <columns> … ORDER BY pk LIMIT n`. */
export function batchSelect(rows: DueRows, cursor: string | null, limit: number, columns: string): string {
  const after = cursor === null ? '' : `${rows.pk} > ${rows.params.add(cursor)}::${rows.pkType} AND `;
  return (
    `SELECT ${columns} FROM ${rows.table} AS t0 WHERE ${after}${rows.due} ` +
    `ORDER BY ${rows.pk} LIMIT ${rows.params.add(limit)}`
  );
}

// One round trip per batch: the batch's keys, the change, and what the caller needs to go on (how
// many rows the batch found, how many it changed, its last key). `due` is repeated in the change so
// a row a concurrent transaction made not due (PostgreSQL re-checks it after waiting) is left alone.
// The last key is ordered by the qualified b.k: a bare `k` would name the text output column, and
// '8' sorts after '14'.
function batchStatement(rows: DueRows, cursor: string | null, limit: number, change: string): Statement {
  const select = batchSelect(rows, cursor, limit, `${rows.pk} AS k`);
  return {
    text:
      `WITH batch AS MATERIALIZED (${select}), changed AS (${change} RETURNING 1) ` +
      `SELECT (SELECT count(*) FROM batch)::int AS listed, (SELECT count(*) FROM changed)::int AS affected, ` +
      `(SELECT b.k::text FROM batch AS b ORDER BY b.k DESC LIMIT 1) AS last`,
    values: rows.params.values,
  };
}

/** Deletes the next batch of due rows of a collection nothing references. */
export function deleteBatchStatement(rows: DueRows, cursor: string | null, limit: number): Statement {
  return batchStatement(
    rows,
    cursor,
    limit,
    `DELETE FROM ${rows.table} AS t0 WHERE ${rows.pk} IN (SELECT k FROM batch) AND ${rows.due}`,
  );
}

/** Anonymizes the next batch of rows that still hold a value to anonymize. */
export function anonymizeBatchStatement(rows: DueRows, cursor: string | null, limit: number): Statement {
  return batchStatement(
    rows,
    cursor,
    limit,
    `UPDATE ${rows.table} AS t0 SET ${rows.assignments.join(', ')} WHERE ${rows.pk} IN (SELECT k FROM batch) AND ${rows.due}`,
  );
}

/** How many rows are due now, and the smallest `samples` keys among them. */
export function planStatement(rows: DueRows, samples: number): Statement {
  return {
    text:
      `SELECT (SELECT count(*) FROM ${rows.table} AS t0 WHERE ${rows.due})::bigint AS due, ` +
      `ARRAY(SELECT ${rows.pk}::text FROM ${rows.table} AS t0 WHERE ${rows.due} ORDER BY ${rows.pk} LIMIT ${rows.params.add(samples)}) AS samples`,
    values: rows.params.values,
  };
}
