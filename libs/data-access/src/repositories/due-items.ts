/** What a retention dry run reports of one rule: how many items are due, and a few of their keys. */
export interface DueItems {
  due: number;
  sampleKeys: string[];
}

/** One batch of due items after a cursor: how many were found, the last key, how many changed. */
export interface DueBatch {
  found: number;
  lastKey: string | null;
  affected: number;
}

/**
 * Counts the rows of `due` (a SELECT naming its key column `key`) and gives the first `samples` keys;
 * `samplesParam` is the number of the parameter holding `samples`.
 */
export function countDueSql(due: string, samplesParam: number): string {
  return `WITH due AS MATERIALIZED (${due})
          SELECT (SELECT count(*)::int FROM due) AS due,
                 ARRAY(SELECT key::text FROM due ORDER BY key LIMIT $${samplesParam}) AS sample_keys`;
}

/**
 * The next page of `due` by its uuid `keyColumn`: after the cursor in `$cursorParam` (null: from the
 * start), at most the limit in the parameter after it, in key order.
 */
export function dueAfterSql(due: string, keyColumn: string, cursorParam: number): string {
  return `${due} AND ($${cursorParam}::uuid IS NULL OR ${keyColumn} > $${cursorParam}::uuid)
          ORDER BY ${keyColumn} LIMIT $${cursorParam + 1}`;
}

/** A batch statement's answer: `due` (the page) and `done` (the rows its action changed). */
export const DUE_BATCH_RESULT = `SELECT (SELECT count(*)::int FROM due) AS found,
                (SELECT key::text FROM due ORDER BY key DESC LIMIT 1) AS last_key,
                (SELECT count(*)::int FROM done) AS affected`;

export interface DueRow {
  due: number;
  sample_keys: string[];
}

export interface DueBatchRow {
  found: number;
  last_key: string | null;
  affected: number;
}

export function toDueItems(row: DueRow | undefined): DueItems {
  return { due: row?.due ?? 0, sampleKeys: row?.sample_keys ?? [] };
}

export function toDueBatch(row: DueBatchRow | undefined): DueBatch {
  return { found: row?.found ?? 0, lastKey: row?.last_key ?? null, affected: row?.affected ?? 0 };
}
