import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { createDatabaseIfMissing, freePort, startS3, type RunningS3 } from '@rightsdesk/local-services';
import { Client } from 'pg';
import {
  createDemoCompanySchema,
  demoAvatarOwnerIds,
  demoS3Client,
  isDemoCompanySeeded,
  seedDemoAvatars,
  seedDemoCompany,
} from './demo-company';
import type { ServiceLine } from './start-banner';
import type { WorkspacePaths } from './workspace-paths';

const DEMO_COMPANY_DATABASE = 'demo_company';
const DEMO_BUCKET = 'demo-avatars';
const DEMO_PEOPLE_COUNT = 3_000;
const PREFERRED_S3_PORT = 54330;

export interface DemoCompany {
  /** Variables the api and worker get: the data map and the connections it names. */
  env: Record<string, string>;
  lines: ServiceLine[];
  s3?: RunningS3;
}

/**
 * The demo company `npm start` runs against: a shop database in the embedded PostgreSQL (seeded
 * once with a few thousand people), a bucket of profile pictures in an embedded S3 server, and the
 * demo data map over both. Skipped when the user brings their own data map.
 */
export async function prepareDemoCompany(paths: WorkspacePaths, postgresServerUrl: string, say: (line: string) => void): Promise<DemoCompany> {
  const databaseUrl = await createDatabaseIfMissing(postgresServerUrl, DEMO_COMPANY_DATABASE);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  let avatarOwners: string[];
  try {
    await createDemoCompanySchema(client, { withIndexes: true });
    if (!(await isDemoCompanySeeded(client))) {
      say(`Seeding the demo company database with ${DEMO_PEOPLE_COUNT.toLocaleString('en')} people…`);
      await seedDemoCompany(client, { people: DEMO_PEOPLE_COUNT });
    }
    avatarOwners = await demoAvatarOwnerIds(client);
  } finally {
    await client.end();
  }

  const s3 = await startS3({ dir: paths.s3Dir, port: await freePort(PREFERRED_S3_PORT), buckets: [DEMO_BUCKET] });
  const s3Env = { endpoint: s3.url, accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey, region: s3.region };
  if (await bucketIsEmpty(s3Env)) {
    await seedDemoAvatars({ ...s3Env, bucket: DEMO_BUCKET, customerIds: avatarOwners });
  }
  return {
    env: {
      DATAMAP_PATH: paths.demoDataMap,
      DEMO_COMPANY_DATABASE_URL: databaseUrl,
      DEMO_S3_ENDPOINT: s3.url,
      DEMO_S3_ACCESS_KEY_ID: s3.accessKeyId,
      DEMO_S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
    },
    lines: [
      { label: 'Demo shop DB', embedded: true, url: databaseUrl, where: 'database demo_company' },
      { label: 'Demo S3', embedded: true, url: s3.url, where: `bucket ${DEMO_BUCKET}` },
    ],
    s3,
  };
}

async function bucketIsEmpty(s3: { endpoint: string; accessKeyId: string; secretAccessKey: string; region: string }): Promise<boolean> {
  const client = demoS3Client(s3);
  try {
    const listed = await client.send(new ListObjectsV2Command({ Bucket: DEMO_BUCKET, MaxKeys: 1 }));
    return (listed.KeyCount ?? 0) === 0;
  } finally {
    client.destroy();
  }
}
