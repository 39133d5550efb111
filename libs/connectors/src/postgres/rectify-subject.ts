import { RequestException } from '@rightsdesk/domain';
import { DatabaseError, type PoolClient } from 'pg';
import type { CollectionOutcome, FieldCorrection, Subject } from '../connector';
import type { PostgresCollection } from '../datamap/datamap.types';
import { throwIfAborted } from './pg-transaction';
import { connectorFailure, describePgFailure } from './postgres-connector.error';
import { column, quoteIdent, quoteTable } from './quote-ident';
import { SqlParams } from './sql-params';
import { MATCHES_NOTHING, subjectPredicate } from './subject-predicate';
import type { SystemTables } from './system-tables';

interface CollectionCorrections {
  collection: PostgresCollection;
  corrections: FieldCorrection[];
}

/** Checks every correction against the data map before anything is written. */
export function groupCorrections(tables: SystemTables, corrections: FieldCorrection[]): CollectionCorrections[] {
  const groups = new Map<string, CollectionCorrections>();
  for (const correction of corrections) {
    const path = `${tables.system.key}.${correction.collection}.${correction.field}`;
    const collection = tables.system.collections.find((candidate) => candidate.name === correction.collection);
    const field = collection?.fields.find((candidate) => candidate.name === correction.field);
    if (!collection || !field) {
      throw invalidCorrection(path, 'unknown_field', `${path} is not a field of the data map`);
    }
    if (!field.rectifiable) {
      throw invalidCorrection(path, 'not_rectifiable', `${path} cannot be rectified: the data map does not mark it rectifiable`);
    }
    tables.column(collection, field.name);
    const group = groups.get(collection.name) ?? { collection, corrections: [] };
    group.corrections.push(correction);
    groups.set(collection.name, group);
  }
  return [...groups.values()];
}

/**
 * Applies the corrections inside the caller's transaction. The subject's rows are locked and
 * remembered first: correcting an identity column (a new email) must not lose the rows the
 * next correction is for.
 */
export async function rectifySubject(
  client: PoolClient,
  tables: SystemTables,
  subject: Subject,
  groups: CollectionCorrections[],
  signal?: AbortSignal,
): Promise<CollectionOutcome[]> {
  const outcomes: CollectionOutcome[] = [];
  for (const { collection, corrections } of groups) {
    throwIfAborted(signal);
    const table = quoteTable(collection.schema, collection.table);
    const pk = column('t0', collection.primaryKey);
    const pkType = tables.column(collection, collection.primaryKey).castType;
    const keys = await lockSubjectRows(client, tables, collection, subject);
    const changed = new Set<string>();
    for (const correction of corrections) {
      const path = `${tables.system.key}.${collection.name}.${correction.field}`;
      const typed = `$1::${tables.column(collection, correction.field).castType}`;
      // Run even when no row matched: a value that does not fit is reported all the same.
      const sql =
        `UPDATE ${table} AS t0 SET ${quoteIdent(correction.field)} = ${typed} ` +
        `WHERE ${pk} = ANY($2::${pkType}[]) AND ${column('t0', correction.field)} IS DISTINCT FROM ${typed} ` +
        `RETURNING ${pk}::text AS pk`;
      try {
        const { rows } = await client.query<{ pk: string }>(sql, [correction.value, keys]);
        rows.forEach((row) => changed.add(row.pk));
      } catch (error) {
        if (error instanceof DatabaseError && /^2[23]/.test(error.code ?? '')) {
          throw invalidCorrection(path, 'invalid_value', `${path}: the corrected value does not fit: ${describePgFailure(error)}`);
        }
        throw connectorFailure(`${path}: rectify`, error);
      }
    }
    outcomes.push({
      collection: collection.name,
      found: keys.length,
      changed: changed.size,
      actions: corrections.map((correction) => `rectify:${correction.field}`),
    });
  }
  return outcomes;
}

async function lockSubjectRows(
  client: PoolClient,
  tables: SystemTables,
  collection: PostgresCollection,
  subject: Subject,
): Promise<string[]> {
  const params = new SqlParams();
  const predicate = subjectPredicate(tables, collection, subject, params);
  if (predicate === MATCHES_NOTHING) {
    return [];
  }
  const pk = column('t0', collection.primaryKey);
  const sql = `SELECT ${pk}::text AS pk FROM ${quoteTable(collection.schema, collection.table)} AS t0 WHERE ${predicate} FOR UPDATE OF t0`;
  try {
    const { rows } = await client.query<{ pk: string }>(sql, params.values);
    return rows.map((row) => row.pk);
  } catch (error) {
    throw connectorFailure(`${tables.system.key}.${collection.name}: rectify`, error);
  }
}

// The message names the field, never the value: it may be shown to an officer and logged.
function invalidCorrection(path: string, code: string, message: string): RequestException {
  return new RequestException('validation_failed', message, { fieldErrors: [{ path, code, message }] });
}
