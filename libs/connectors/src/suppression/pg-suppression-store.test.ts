import { Pool } from 'pg';
import { type SuppressionListName, type SuppressionStore } from '../connector';

/**
 * The suppression lists in a real PostgreSQL table shaped like Rightsdesk's `suppression_entry`
 * (bytea digest and list as primary key), for connector tests. The app's own adapter lives in
 * data-access.
 */
export class PgSuppressionStore implements SuppressionStore {
  private readonly pool: Pool;

  constructor(url: string) {
    this.pool = new Pool({ connectionString: url, max: 2 });
    // The test database is dropped WITH (FORCE) at the end; an idle connection the server ends then
    // must not surface as an unhandled error in whichever test runs next (as connector-pool.ts).
    this.pool.on('error', () => undefined);
  }

  async add(emailHashes: string[], source: string, list: SuppressionListName = 'marketing'): Promise<number> {
    if (emailHashes.length === 0) {
      return 0;
    }
    const result = await this.pool.query(
      `INSERT INTO suppression_entry (email_sha256, list, source)
       SELECT decode(h, 'hex'), $3, $2 FROM unnest($1::text[]) AS h
       ON CONFLICT (email_sha256, list) DO NOTHING`,
      [emailHashes, source, list],
    );
    return result.rowCount ?? 0;
  }

  async count(emailHashes: string[], list?: SuppressionListName): Promise<number> {
    const result = await this.pool.query<{ n: number }>(
      `SELECT count(DISTINCT email_sha256)::int AS n FROM suppression_entry
        WHERE email_sha256 = ANY (SELECT decode(h, 'hex') FROM unnest($1::text[]) AS h)
          AND ($2::varchar IS NULL OR list = $2)`,
      [emailHashes, list ?? null],
    );
    return result.rows[0].n;
  }

  /** Every entry, for assertions. */
  async entries(): Promise<Array<{ digest: string; list: SuppressionListName; source: string }>> {
    const result = await this.pool.query<{ digest: string; list: SuppressionListName; source: string }>(
      `SELECT encode(email_sha256, 'hex') AS digest, list, source FROM suppression_entry ORDER BY 1, 2`,
    );
    return result.rows;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
