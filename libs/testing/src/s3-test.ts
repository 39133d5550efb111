import { randomBytes } from 'node:crypto';
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectsCommand,
  ListObjectsCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { S3RVER_ACCESS_KEY_ID, S3RVER_SECRET_ACCESS_KEY } from '@rightsdesk/local-services';
import { TEST_S3_URL_VAR } from './test-services.constants';

export const TEST_S3_REGION = 'us-east-1';

export interface TestBucket {
  name: string;
  /** Path-style, with the checksum settings s3rver needs. */
  client: S3Client;
  endpoint: string;
  /** Empties and deletes the bucket, then destroys the client. Safe to call twice. */
  drop(): Promise<void>;
}

/** The s3rver the Jest global setup started; tests want createTestBucket() instead. */
export function s3TestEndpoint(): string {
  const value = process.env[TEST_S3_URL_VAR];
  if (!value) {
    throw new Error(
      `${TEST_S3_URL_VAR} is not set: run tests with the root Jest config (npx jest <path>), whose globalSetup starts s3rver`,
    );
  }
  return value;
}

/** Credentials s3rver accepts, for connectors built in tests. */
export function s3TestCredentials(): { accessKeyId: string; secretAccessKey: string } {
  return { accessKeyId: S3RVER_ACCESS_KEY_ID, secretAccessKey: S3RVER_SECRET_ACCESS_KEY };
}

export function createTestS3Client(endpoint: string = s3TestEndpoint()): S3Client {
  return new S3Client({
    endpoint,
    region: TEST_S3_REGION,
    credentials: s3TestCredentials(),
    forcePathStyle: true,
    // Without these the SDK sends aws-chunked bodies that s3rver stores framing and all.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/** A bucket of its own on the shared s3rver, so test files never see each other's objects. */
export async function createTestBucket(): Promise<TestBucket> {
  const endpoint = s3TestEndpoint();
  const name = `t-${randomBytes(8).toString('hex')}`;
  const client = createTestS3Client(endpoint);
  await client.send(new CreateBucketCommand({ Bucket: name }));

  let dropping: Promise<void> | undefined;
  return {
    name,
    client,
    endpoint,
    drop: () =>
      (dropping ??= (async () => {
        try {
          await emptyBucket(client, name);
          await client.send(new DeleteBucketCommand({ Bucket: name }));
        } finally {
          client.destroy();
        }
      })()),
  };
}

// ListObjects v1: s3rver fails any truncated ListObjectsV2 page on Node ≥ 17 (its continuation
// tokens use DES, which OpenSSL 3 dropped). Each round deletes what it listed, so no marker is needed.
async function emptyBucket(client: S3Client, bucket: string): Promise<void> {
  for (;;) {
    const page = await client.send(new ListObjectsCommand({ Bucket: bucket, MaxKeys: 1000 }));
    const keys = (page.Contents ?? []).flatMap((object) => (object.Key ? [{ Key: object.Key }] : []));
    if (keys.length === 0) {
      return;
    }
    await client.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys, Quiet: true } }));
  }
}
