import type { Pool, PoolClient } from 'pg';

export const READ_WRITE = 'BEGIN';
// One snapshot for the whole export, so collections agree with each other even while the shop writes.
export const SNAPSHOT_READ_ONLY = 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY';

/** Runs `work` in one transaction on one pooled connection: COMMIT on success, ROLLBACK on any error. */
export async function inTransaction<T>(pool: Pool, begin: string, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let unusable: Error | undefined;
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    try {
      await client.query('ROLLBACK');
    } catch (rollbackError) {
      // The connection is broken; release(error) destroys it instead of pooling it.
      unusable = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    }
    throw error;
  } finally {
    client.release(unusable);
  }
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    const error = new Error('The request was aborted');
    error.name = 'AbortError';
    throw error;
  }
}
