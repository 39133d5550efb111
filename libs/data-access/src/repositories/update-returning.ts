import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs an UPDATE … RETURNING and gives back the returned rows. TypeORM answers UPDATE and DELETE
 * with `[rows, affectedCount]` (any other statement with the rows), so reading its result as rows
 * would see two "rows" whatever happened.
 */
export async function updateReturning<T>(
  db: DataSource | EntityManager,
  sql: string,
  params: unknown[],
): Promise<T[]> {
  const [rows] = await db.query<[T[], number]>(sql, params);
  return rows;
}
