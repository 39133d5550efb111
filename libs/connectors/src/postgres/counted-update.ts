/**
 * An UPDATE of the subject's rows that still need it, returning `found` (the subject's rows before
 * the change: all parts of one statement see the same snapshot) and `changed` (rows updated).
 * `pending` conditions make a repeated run match no row, so it reports changed = 0.
 */
export function countedUpdateSql(table: string, predicate: string, assignments: string[], pending: string[]): string {
  return (
    `WITH changed AS (UPDATE ${table} AS t0 SET ${assignments.join(', ')} ` +
    `WHERE ${predicate} AND (${pending.join(' OR ')}) RETURNING 1) ` +
    `SELECT (SELECT count(*) FROM ${table} AS t0 WHERE ${predicate})::bigint AS found, ` +
    `(SELECT count(*) FROM changed)::bigint AS changed`
  );
}

export function countedSelectSql(table: string, predicate: string): string {
  return `SELECT count(*)::bigint AS found, 0::bigint AS changed FROM ${table} AS t0 WHERE ${predicate}`;
}
