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
