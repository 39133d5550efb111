import type { ColumnInfo } from './pg-catalog';
import type { SqlParams } from './sql-params';

const INTEGER_MAX: Record<string, bigint> = {
  smallint: 32_767n,
  integer: 2_147_483_647n,
  bigint: 9_223_372_036_854_775_807n,
};
const INTEGER_TEXT = /^[+-]?\d{1,20}$/;
const NUMERIC_TEXT = /^[+-]?\d{1,100}(\.\d{1,100})?$/;
const UUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `column = ANY($n)` for one identity column, or null when none of the values can be in it.
 *
 * Emails are compared exactly, not with `lower(column)`: the subject's identities arrive
 * normalized (lower-cased, trimmed) and the index a data map declares is a plain index on the
 * column, which `lower()` would bypass — a sequential scan of the largest table on every request.
 * So the data map's contract is that email columns hold normalized addresses;
 * a company that stores mixed case should normalize it or use a citext column, which is matched
 * case-insensitively through its own index (the array is cast to citext[]).
 */
export function identityCondition(columnRef: string, column: ColumnInfo, values: string[], params: SqlParams): string | null {
  // PostgreSQL text cannot hold NUL, so such a value can match nothing (and would make pg throw).
  const usable = [...new Set(values.filter((value) => !value.includes('\u0000')))];
  if (column.category === 'S') {
    const arrayType = column.rootType === 'citext' ? 'citext[]' : 'text[]';
    return usable.length === 0 ? null : `${columnRef} = ANY(${params.add(usable)}::${arrayType})`;
  }
  const max = INTEGER_MAX[column.rootType];
  if (max !== undefined) {
    // A value the type cannot parse would abort the statement: it cannot match, so leave it out.
    const numbers = usable
      .filter((value) => INTEGER_TEXT.test(value))
      .map((value) => BigInt(value))
      .filter((value) => value <= max && value >= -max - 1n);
    const distinct = [...new Set(numbers.map(String))];
    return distinct.length === 0 ? null : `${columnRef} = ANY(${params.add(distinct)}::${column.rootType}[])`;
  }
  if (column.rootType === 'numeric') {
    const numbers = usable.filter((value) => NUMERIC_TEXT.test(value));
    return numbers.length === 0 ? null : `${columnRef} = ANY(${params.add(numbers)}::numeric[])`;
  }
  if (column.rootType === 'uuid') {
    const uuids = usable.filter((value) => UUID_TEXT.test(value));
    return uuids.length === 0 ? null : `${columnRef} = ANY(${params.add(uuids)}::uuid[])`;
  }
  // Any other type: compare its text form. Correct, but no index helps; check() does not object
  // because such identity columns are rare.
  return usable.length === 0 ? null : `${columnRef}::text = ANY(${params.add(usable)}::text[])`;
}
