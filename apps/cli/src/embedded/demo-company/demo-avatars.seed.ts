import {
  CreateBucketCommand,
  HeadBucketCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { renderAvatarPng } from './demo-avatar.png';

export interface SeedDemoAvatarsOptions {
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  /** The data map's avatars bucket, `demo-avatars`. */
  bucket: string;
  /** Customer ids (customers.id); each gets `avatars/{id}/avatar.png`. */
  customerIds: string[];
}

const UPLOADS_AT_ONCE = 8;

/** A client for the embedded S3 server (s3rver). */
export function demoS3Client(options: Pick<SeedDemoAvatarsOptions, 'endpoint' | 'region' | 'accessKeyId' | 'secretAccessKey'>): S3Client {
  return new S3Client({
    endpoint: options.endpoint,
    region: options.region,
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
    forcePathStyle: true,
    // Without these the SDK streams aws-chunked bodies, which s3rver stores framing and all.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/** The object key the data map's keyTemplate `avatars/{shop.customers.id}/` expands to. */
export function demoAvatarKey(customerId: string): string {
  return `avatars/${customerId}/avatar.png`;
}

/** Uploads one generated profile picture per customer id, creating the bucket when missing. */
export async function seedDemoAvatars(options: SeedDemoAvatarsOptions): Promise<{ uploaded: number }> {
  const client = demoS3Client(options);
  try {
    await ensureBucket(client, options.bucket);
    const pending = [...options.customerIds];
    let uploaded = 0;
    const uploader = async (): Promise<void> => {
      for (let id = pending.shift(); id !== undefined; id = pending.shift()) {
        await client.send(
          new PutObjectCommand({
            Bucket: options.bucket,
            Key: demoAvatarKey(id),
            Body: renderAvatarPng(id),
            ContentType: 'image/png',
          }),
        );
        uploaded += 1;
      }
    };
    await Promise.all(Array.from({ length: Math.min(UPLOADS_AT_ONCE, pending.length) }, uploader));
    return { uploaded };
  } finally {
    client.destroy();
  }
}

async function ensureBucket(client: S3Client, bucket: string): Promise<void> {
  try {
    await client.send(new HeadBucketCommand({ Bucket: bucket }));
    return;
  } catch (error) {
    if (!(error instanceof S3ServiceException) || error.$metadata.httpStatusCode !== 404) {
      throw error;
    }
  }
  try {
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
  } catch (error) {
    // Another start created it in the meantime.
    if (!(error instanceof S3ServiceException) || error.name !== 'BucketAlreadyOwnedByYou') {
      throw error;
    }
  }
}
