import { randomBytes } from 'node:crypto';
import { withPostgresClient } from '@rightsdesk/local-services';
import { droppableDatabase, type TestDatabase } from './test-database';
import { postgresTestUrl } from './test-service-urls';

/**
 * An empty database on the test PostgreSQL, for tests that bring their own schema (a company's
 * data store behind a connector). Cloned from template0, so no Rightsdesk table is in the way and
 * no lock on the migrated template is needed.
 */
export async function createScratchDatabase(): Promise<TestDatabase> {
  const serverUrl = postgresTestUrl();
  const name = `s_${randomBytes(8).toString('hex')}`;
  await withPostgresClient(serverUrl, async (client) => {
    await client.query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8'`);
  });

  return droppableDatabase(serverUrl, name);
}
