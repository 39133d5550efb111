import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { GetObjectCommand, ListBucketsCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { startS3, type RunningS3 } from './s3.launcher';

function clientFor(s3: RunningS3, accessKeyId: string = s3.accessKeyId): S3Client {
  return new S3Client({
    endpoint: s3.url,
    region: s3.region,
    credentials: { accessKeyId, secretAccessKey: s3.secretAccessKey },
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

function tcpConnect(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1' }, () => {
      socket.destroy();
      resolve();
    });
    socket.once('error', reject);
  });
}

describe('startS3', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 's3-launcher-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('serves the configured buckets, keeps objects byte for byte, and is gone after stop()', async () => {
    const sut = await startS3({ dir, buckets: ['first-bucket', 'second-bucket'] });
    const client = clientFor(sut);
    try {
      expect(sut.url).toBe(`http://127.0.0.1:${sut.port}`);
      const buckets = await client.send(new ListBucketsCommand({}));
      expect(buckets.Buckets?.map((bucket) => bucket.Name).sort()).toEqual(['first-bucket', 'second-bucket']);

      const body = Buffer.from('\u00e9t\u00e9 \u{1F600} bytes', 'utf8');
      await client.send(
        new PutObjectCommand({
          Bucket: 'first-bucket',
          Key: 'a/b.txt',
          Body: body,
          ContentType: 'text/plain',
        }),
      );
      const read = await client.send(new GetObjectCommand({ Bucket: 'first-bucket', Key: 'a/b.txt' }));
      expect(Buffer.from(await read.Body!.transformToByteArray())).toEqual(body);
      expect(read.ContentType).toBe('text/plain');
    } finally {
      client.destroy();
      await sut.stop();
      await sut.stop();
    }
    await expect(tcpConnect(sut.port)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('keeps objects in dir across restarts', async () => {
    const first = await startS3({ dir, buckets: ['kept-bucket'] });
    const firstClient = clientFor(first);
    try {
      await firstClient.send(new PutObjectCommand({ Bucket: 'kept-bucket', Key: 'k', Body: 'value' }));
    } finally {
      firstClient.destroy();
      await first.stop();
    }
    const second = await startS3({ dir, buckets: ['kept-bucket'] });
    const secondClient = clientFor(second);
    try {
      const read = await secondClient.send(new GetObjectCommand({ Bucket: 'kept-bucket', Key: 'k' }));
      expect(await read.Body!.transformToString()).toBe('value');
    } finally {
      secondClient.destroy();
      await second.stop();
    }
  });

  // s3rver does not verify SigV4 signatures, so only the access key id can be wrong.
  it('refuses an unknown access key id', async () => {
    const sut = await startS3({ dir });
    const client = clientFor(sut, 'NOT-S3RVER');
    try {
      await expect(client.send(new ListBucketsCommand({}))).rejects.toMatchObject({
        name: 'InvalidAccessKeyId',
      });
    } finally {
      client.destroy();
      await sut.stop();
    }
  });

  it('rejects bucket names shorter than 3 characters before starting', async () => {
    await expect(startS3({ dir, buckets: ['ab'] })).rejects.toThrow(/at least 3 characters/);
  });
});
