import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import type { FieldSpec, PostgresSystem, RetentionRule } from '../../src/datamap/datamap.types';
import { quoteIdent } from '../../src/postgres/quote-ident';

// A table of visits for retention tests, in a schema of its own whose name needs quoting. Every
// third visit is recent; the others happened before CUTOFF.

export const NOW = new Date('2025-06-01T00:00:00Z');
export const CUTOFF = new Date('2025-03-01T00:00:00Z');
export const SIGNED_UP_CUTOFF = new Date('2024-01-01T00:00:00Z');

export interface VisitsStore {
  schema: string;
  system: PostgresSystem;
  table: string;
  query<T extends object = Record<string, unknown>>(sql: string, values?: unknown[]): Promise<T[]>;
  ids(where?: string): Promise<number[]>;
  close(): Promise<void>;
}

function field(name: string, category: FieldSpec['category']): FieldSpec {
  return { name, category, rectifiable: false, secret: false, erasure: { action: 'delete_row' } };
}

export function aRule(overrides: Partial<RetentionRule> = {}): RetentionRule {
  return { name: 'delete', field: 'seen_at', period: 'P90D', action: 'delete', legalHold: false, ...overrides };
}

/**
 * `count` visits with ids 1…count: ids divisible by 3 were seen after the cutoff, the rest before.
 * `signed_up` is before SIGNED_UP_CUTOFF for even ids, after it for ids ending in 1, NULL otherwise.
 */
export async function createVisitsStore(url: string, count: number): Promise<VisitsStore> {
  const schema = `Visits "${randomBytes(4).toString('hex')}" data`;
  const table = `${quoteIdent(schema)}.visits`;
  const pool = new Pool({ connectionString: url, max: 2 });
  pool.on('error', () => undefined);
  const query = async <T extends object = Record<string, unknown>>(sql: string, values: unknown[] = []): Promise<T[]> =>
    (await pool.query<T>(sql, values)).rows;
  await query(`
    CREATE SCHEMA ${quoteIdent(schema)};
    CREATE TABLE ${table} (
      id bigint PRIMARY KEY, seen_at timestamptz NOT NULL, signed_up timestamptz,
      ip inet, ip_text text, email text, note text, nick text, page text NOT NULL);
    CREATE INDEX visits_seen_at_idx ON ${table} (seen_at);`);
  await query(
    `INSERT INTO ${table}
    SELECT g,
           CASE WHEN g % 3 = 0 THEN timestamptz '2025-05-01' ELSE timestamptz '2025-01-01' END + make_interval(secs => g % 86400),
           CASE WHEN g % 2 = 0 THEN timestamptz '2023-06-01' WHEN g % 10 = 1 THEN timestamptz '2024-06-01' END,
           ('203.0.' || (g % 250) || '.' || (g % 200 + 1))::inet,
           '198.51.100.' || (g % 200 + 1),
           'visitor' || g || '@example.com',
           'note ' || g,
           'nick' || g,
           '/page/' || g
      FROM generate_series(1, $1::int) AS g`,
    [count],
  );
  await query(`ANALYZE ${table}`);
  const system: PostgresSystem = {
    kind: 'postgres',
    key: 'web',
    title: 'Web analytics',
    purposes: [],
    recipients: [],
    concurrency: 1,
    connection: { url: { value: url } },
    eraseOrder: ['visits'],
    collections: [
      {
        kind: 'postgres',
        name: 'visits',
        schema,
        table: 'visits',
        primaryKey: 'id',
        subject: { by: 'identity', fields: [{ field: 'email', identity: 'email' }] },
        fields: [
          field('email', 'contact.email'),
          field('ip', 'device.ip'),
          field('ip_text', 'device.ip'),
          field('note', 'other'),
          field('nick', 'other'),
          field('page', 'activity.page_view'),
        ],
        retention: [],
      },
    ],
  };
  return {
    schema,
    system,
    table,
    query,
    ids: async (where = 'true') =>
      (await query<{ id: string }>(`SELECT id FROM ${table} WHERE ${where} ORDER BY id`)).map((row) => Number(row.id)),
    close: async () => {
      try {
        await query(`DROP SCHEMA ${quoteIdent(schema)} CASCADE`);
      } finally {
        await pool.end();
      }
    },
  };
}
