import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
// Relative imports only: Jest runs this file outside its module registry, without path aliases.
import { MIGRATIONS } from '../../libs/data-access/src/migrations';
import { databaseUrl, startPostgres, startRedis, startS3, withPostgresClient } from '../../libs/local-services/src';
import {
  TEMPLATE_DATABASE,
  TEST_DIR_PREFIX,
  TEST_PG_URL_VAR,
  TEST_REDIS_URL_VAR,
  TEST_S3_URL_VAR,
} from '../../libs/testing/src/test-services.constants';
import { recordRun, setTestServices, sweepStrayRuns, type TestServices } from './test-services';
import globalTeardown from './global-teardown';

// Outside the per-run directory: an initialized cluster is copied in ≈0.1 s, initdb takes ≈1 s.
const INITDB_CACHE = path.join(os.tmpdir(), 'rightsdesk-initdb-cache');

// Starts one PostgreSQL, one Redis and one S3 (s3rver) for the whole run and migrates a template
// database that each test file clones (libs/testing createTestDatabase). Jest requires a default
// export here.
export default async function globalSetup(): Promise<void> {
  // The AWS SDK warns on every client that Node 20 support ends in 2027; true, but noise in tests.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const needPostgres = !process.env[TEST_PG_URL_VAR];
  const needRedis = !process.env[TEST_REDIS_URL_VAR];
  const needS3 = !process.env[TEST_S3_URL_VAR];
  if (!needPostgres && !needRedis && !needS3) {
    return;
  }
  await sweepStrayRuns();
  const services: TestServices = {
    dir: await mkdtemp(path.join(os.tmpdir(), TEST_DIR_PREFIX)),
    exported: [],
  };
  setTestServices(services);
  // allSettled: when one start fails, wait for the other so the teardown can stop it too.
  const results = await Promise.allSettled([
    needPostgres &&
      startPostgres({
        dataDir: path.join(services.dir, 'postgres'),
        mode: 'ephemeral',
        initdbCache: INITDB_CACHE,
      }).then(async (postgres) => {
        services.postgres = postgres;
        await createTemplateDatabase(postgres.url);
        exportVar(services, TEST_PG_URL_VAR, postgres.url);
      }),
    needRedis &&
      startRedis().then((redis) => {
        services.redis = redis;
        exportVar(services, TEST_REDIS_URL_VAR, redis.url);
      }),
    // In this process, not a child: a killed run takes it along, so the sweep only removes its files.
    needS3 &&
      startS3({ dir: path.join(services.dir, 's3') }).then((s3) => {
        services.s3 = s3;
        exportVar(services, TEST_S3_URL_VAR, s3.url);
      }),
  ]);
  const failure = results.find((result) => result.status === 'rejected');
  if (failure) {
    await globalTeardown();
    throw failure.reason;
  }
  await recordRun(services);
}

function exportVar(services: TestServices, name: string, value: string): void {
  process.env[name] = value;
  services.exported.push(name);
}

async function createTemplateDatabase(serverUrl: string): Promise<void> {
  await withPostgresClient(serverUrl, (client) => client.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`));
  const dataSource = new DataSource({
    type: 'postgres',
    url: databaseUrl(serverUrl, TEMPLATE_DATABASE),
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'all',
  });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
  } finally {
    await dataSource.destroy();
  }
  // Nobody may connect to the template afterwards: a session on it makes every clone fail.
  await withPostgresClient(serverUrl, (client) =>
    client.query(`ALTER DATABASE ${TEMPLATE_DATABASE} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`),
  );
}
