import type { Pool, QueryResultRow } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * Runs a named prepared statement on the pool under TypeORM, as its own transaction. Named, it is
 * parsed and planned once per connection and only the parameters travel; the pg driver also skips
 * TypeORM's per-query work. On the execution engine's hot path that is most of a statement's cost.
 */
export async function preparedQuery<T extends QueryResultRow>(
  dataSource: DataSource,
  name: string,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  return (await pool.query<T>({ name, text, values })).rows;
}
