import type { PoolClient } from 'pg';
import { throwIfAborted } from './pg-transaction';

export const EXPORT_BATCH_SIZE = 1000;
const CURSOR = 'rightsdesk_export';

/**
 * Streams a query's rows through a server-side cursor, `batchSize` rows per FETCH, awaiting
 * `onRow` for each: a subject with 100,000 rows never sits in memory at once, and a slow sink
 * slows the reads. Must run inside a transaction (the cursor lives until its end).
 */
export async function streamRows(
  client: PoolClient,
  sql: string,
  values: unknown[],
  onRow: (row: Record<string, unknown>) => Promise<void>,
  options: { batchSize?: number; signal?: AbortSignal } = {},
): Promise<number> {
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? EXPORT_BATCH_SIZE));
  await client.query(`DECLARE ${CURSOR} NO SCROLL CURSOR FOR ${sql}`, values);
  let count = 0;
  for (;;) {
    throwIfAborted(options.signal);
    const { rows } = await client.query<Record<string, unknown>>(`FETCH FORWARD ${batchSize} FROM ${CURSOR}`);
    for (const row of rows) {
      await onRow(row);
      count += 1;
    }
    if (rows.length < batchSize) {
      break;
    }
  }
  await client.query(`CLOSE ${CURSOR}`);
  return count;
}
