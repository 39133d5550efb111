import { Client } from 'pg';

/** One short-lived connection for administrative statements (CREATE/DROP DATABASE and the like). */
export async function withPostgresClient<T>(url: string, use: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** The URL of another database on the same server. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Creates the database unless it exists (safe to repeat); returns its URL. */
export async function createDatabaseIfMissing(serverUrl: string, name: string): Promise<string> {
  await withPostgresClient(serverUrl, async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      await client.query(`CREATE DATABASE "${name}"`);
    }
  });
  return databaseUrl(serverUrl, name);
}
