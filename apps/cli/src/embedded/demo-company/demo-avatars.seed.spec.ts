import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { GetObjectCommand, ListObjectsCommand, S3Client } from '@aws-sdk/client-s3';
import { startS3, type RunningS3 } from '@rightsdesk/local-services';
import { renderAvatarPng } from './demo-avatar.png';
import { demoAvatarKey, seedDemoAvatars } from './demo-avatars.seed';

const BUCKET = 'demo-avatars';

describe('seedDemoAvatars', () => {
  let dir: string;
  let s3: RunningS3;
  let client: S3Client;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'rightsdesk-spec-avatars-'));
    // No buckets configured: the seeder has to create its own.
    s3 = await startS3({ dir });
    client = new S3Client({
      endpoint: s3.url,
      region: s3.region,
      credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
      forcePathStyle: true,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  });

  afterAll(async () => {
    client?.destroy();
    await s3?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const seed = (customerIds: string[]): Promise<{ uploaded: number }> =>
    seedDemoAvatars({
      endpoint: s3.url,
      accessKeyId: s3.accessKeyId,
      secretAccessKey: s3.secretAccessKey,
      region: s3.region,
      bucket: BUCKET,
      customerIds,
    });

  it('creates the bucket and uploads one PNG per customer under avatars/{id}/', async () => {
    const ids = Array.from({ length: 12 }, (_, index) => String(index + 1));
    await expect(seed(ids)).resolves.toEqual({ uploaded: 12 });

    const listing = await client.send(new ListObjectsCommand({ Bucket: BUCKET, Prefix: 'avatars/' }));
    expect(listing.Contents?.map((object) => object.Key).sort()).toEqual(ids.map(demoAvatarKey).sort());

    const object = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'avatars/3/avatar.png' }));
    const body = Buffer.from(await object.Body!.transformToByteArray());
    expect(object.ContentType).toBe('image/png');
    expect(body).toEqual(renderAvatarPng('3'));
    expect(body.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  });

  it('runs again against the existing bucket', async () => {
    await expect(seed(['42'])).resolves.toEqual({ uploaded: 1 });
    const object = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'avatars/42/avatar.png' }));
    expect(Buffer.from(await object.Body!.transformToByteArray())).toEqual(renderAvatarPng('42'));
  });
});

describe('renderAvatarPng', () => {
  it('writes a valid 48×48 RGB PNG whose chunks check out, different per seed', () => {
    const png = renderAvatarPng('1');
    const chunks = readChunks(png);
    expect(chunks.map((chunk) => chunk.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    const header = chunks[0].data;
    expect([header.readUInt32BE(0), header.readUInt32BE(4), header[8], header[9]]).toEqual([48, 48, 8, 2]);
    // Every scanline: a filter byte and 48 RGB pixels.
    expect(inflateSync(chunks[1].data)).toHaveLength(48 * (1 + 48 * 3));
    expect(renderAvatarPng('1')).toEqual(png);
    expect(renderAvatarPng('2')).not.toEqual(png);
  });
});

function readChunks(png: Buffer): Array<{ type: string; data: Buffer }> {
  const chunks: Array<{ type: string; data: Buffer }> = [];
  for (let offset = 8; offset < png.length;) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    const crc = png.readUInt32BE(offset + 8 + length);
    // zlib.crc32 is what the writer used; check against an independent bitwise CRC-32.
    expect(crc).toBe(bitwiseCrc32(png.subarray(offset + 4, offset + 8 + length)));
    chunks.push({ type, data });
    offset += 12 + length;
  }
  return chunks;
}

function bitwiseCrc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit += 1) {
      crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
    }
  }
  return (crc ^ 0xffffffff) >>> 0;
}
