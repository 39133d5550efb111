import { randomBytes } from 'node:crypto';
import { databaseUrl, withPostgresClient } from '@rightsdesk/local-services';
import { postgresTestUrl } from './test-service-urls';
import { TEMPLATE_DATABASE } from './test-services.constants';

export interface TestDatabase {
  /** postgres://postgres@127.0.0.1:PORT/t_<hex> */
  url: string;
  name: string;
  /** Drops the database, disconnecting anyone still on it. Safe to call twice. */
  drop(): Promise<void>;
}

// Any number serves; it only has to be the same in every Jest worker.
const CLONE_LOCK = 7_201_120_431;
const CLONE_ATTEMPTS = 20;

/** A fresh database cloned from the migrated template, so test files never see each other's rows. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = postgresTestUrl();
  const name = `t_${randomBytes(8).toString('hex')}`;
  await withPostgresClient(serverUrl, async (client) => {
    // PostgreSQL refuses to clone a template while another session is connected to it; an
    // advisory lock makes the Jest workers take turns and the retry covers anything else.
    await client.query('SELECT pg_advisory_lock($1)', [CLONE_LOCK]);
    try {
      for (let attempt = 1; ; attempt += 1) {
        try {
          await client.query(`CREATE DATABASE "${name}" TEMPLATE ${TEMPLATE_DATABASE}`);
          return;
        } catch (error) {
          if (attempt >= CLONE_ATTEMPTS || !/is being accessed by other users/.test(String(error))) {
            throw error;
          }
          await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 30));
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [CLONE_LOCK]);
    }
  });

  return droppableDatabase(serverUrl, name);
}

/** A handle on a database of the test server that the test drops when done. */
export function droppableDatabase(serverUrl: string, name: string): TestDatabase {
  let dropping: Promise<void> | undefined;
  return {
    url: databaseUrl(serverUrl, name),
    name,
    drop: () =>
      (dropping ??= withPostgresClient(serverUrl, async (client) => {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      })),
  };
}
