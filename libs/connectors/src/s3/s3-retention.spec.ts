import { ListObjectsCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { createTestBucket, type TestBucket } from '@rightsdesk/testing';
import type { RetentionRule } from '../datamap/datamap.types';
import { canFindChildren, supportsRetention, type RetentionBatch, type RetentionWindow } from '../retention';
import { S3Connector } from './s3.connector';
import { anS3System } from './s3-connector.fixtures.test';
import { startVersionedBucket, type VersionedBucket } from './versioned-bucket.test';

const RULE: RetentionRule = { name: 'delete', field: 'last_modified', period: 'P90D', action: 'delete', legalHold: false };
const OLD = ['avatars/1/a.png', 'avatars/1/b.png', 'avatars/2/c.png', 'avatars/3/d.png'];
const NEW = ['avatars/1/new.png', 'avatars/4/e.png'];
// Outside the collection's prefix, and old: another collection's business.
const ELSEWHERE = 'exports/1/x.csv';
// Under the prefix `avatars/` but not under the template `avatars/{id}/`: not this collection's either.
const BESIDE = 'avatars/readme.txt';

describe('S3Connector retention on s3rver', () => {
  let bucket: TestBucket;
  let sut: S3Connector;
  let window: RetentionWindow;

  async function put(key: string): Promise<void> {
    await bucket.client.send(new PutObjectCommand({ Bucket: bucket.name, Key: key, Body: key }));
  }

  async function keys(): Promise<string[]> {
    const page = await bucket.client.send(new ListObjectsCommand({ Bucket: bucket.name }));
    return (page.Contents ?? []).map((object) => object.Key!).sort();
  }

  async function runAll(limit: number): Promise<RetentionBatch[]> {
    const batches: RetentionBatch[] = [];
    let cursor: string | null = null;
    do {
      const batch = await sut.retentionBatch('avatars', RULE, window, cursor, limit);
      batches.push(batch);
      cursor = batch.cursor;
    } while (cursor !== null && batches.length < 20);
    return batches;
  }

  // s3rver dates an object by its file's mtime, to the second: the cutoff is the first whole second
  // after the old objects, and the new ones are written after it.
  beforeEach(async () => {
    bucket = await createTestBucket();
    for (const key of [...OLD, ELSEWHERE, BESIDE]) {
      await put(key);
    }
    const cutoff = Math.ceil((Date.now() + 1) / 1000) * 1000;
    await new Promise((resolve) => setTimeout(resolve, cutoff - Date.now() + 20));
    window = { cutoff: new Date(cutoff) };
    for (const key of NEW) {
      await put(key);
    }
    sut = new S3Connector(anS3System(bucket.name), { client: bucket.client, pageSize: 2 });
  });

  afterEach(async () => {
    await sut.close();
    await bucket.drop();
  });

  it('supports retention, but finds no children', () => {
    expect(supportsRetention(sut)).toBe(true);
    expect(canFindChildren(sut)).toBe(false);
  });

  it('lists at most `limit` keys a batch after the cursor and deletes those modified before the cutoff', async () => {
    const batches = await runAll(2);
    expect(batches.map((batch) => [batch.affected, batch.cursor])).toEqual([
      [2, 'avatars/1/b.png'],
      [1, 'avatars/2/c.png'],
      [1, 'avatars/4/e.png'],
      [0, null],
    ]);
    expect(batches.every((batch) => batch.longestStatementMs > 0)).toBe(true);
    expect(await keys()).toEqual([...NEW, ELSEWHERE, BESIDE].sort());
  });

  it('pages within a batch when the limit is larger than a page', async () => {
    const batches = await runAll(3);
    expect(batches.map((batch) => [batch.affected, batch.cursor])).toEqual([
      [2, 'avatars/1/new.png'],
      [2, 'avatars/4/e.png'],
      [0, null],
    ]);
    expect(await keys()).toEqual([...NEW, ELSEWHERE, BESIDE].sort());
  });

  it('resumes after the cursor it is given', async () => {
    const batch = await sut.retentionBatch('avatars', RULE, window, 'avatars/1/new.png', 10);
    expect([batch.affected, batch.cursor]).toEqual([2, null]);
    expect(await keys()).toEqual(['avatars/1/a.png', 'avatars/1/b.png', ...NEW, ELSEWHERE, BESIDE].sort());
  });

  it('plans: counts due objects of the collection, without sample keys (a key may hold an email), deleting nothing', async () => {
    expect(await sut.planRetention('avatars', RULE, window, 3)).toEqual({ due: 4, sampleKeys: [] });
    expect(await keys()).toEqual([...OLD, ...NEW, ELSEWHERE, BESIDE].sort());
  });

  it('refuses to anonymize objects', async () => {
    await expect(sut.retentionBatch('avatars', { ...RULE, action: 'anonymize' }, window, null, 10)).rejects.toThrow(
      'System "avatars", collection "avatars": objects cannot be anonymized, only deleted',
    );
    expect(await keys()).toHaveLength(OLD.length + NEW.length + 2);
  });
});

describe('S3Connector retention on a versioned bucket', () => {
  let bucket: VersionedBucket;
  let sut: S3Connector;
  const old = new Date('2024-01-01T00:00:00Z');
  const recent = new Date('2025-05-01T00:00:00Z');

  beforeEach(async () => {
    bucket = await startVersionedBucket('versioned-bucket', 'Enabled');
    sut = new S3Connector(anS3System(bucket.bucket), { endpoint: bucket.endpoint, accessKeyId: 'test', secretAccessKey: 'test', pageSize: 2 });
  });

  afterEach(async () => {
    await sut.close();
    await bucket.close();
  });

  it('deletes every version of a due key, and nothing of a key that merely starts like it', async () => {
    bucket.putVersion('avatars/1/a.png', { lastModified: old });
    bucket.putVersion('avatars/1/a.png', { lastModified: old });
    bucket.putVersion('avatars/1/a.png.bak', { lastModified: recent });
    bucket.putVersion('avatars/1/b.png', { lastModified: old });
    bucket.putVersion('avatars/1/b.png', { lastModified: recent });
    bucket.putVersion('avatars/2/c.png', { lastModified: old });

    const batch = await sut.retentionBatch('avatars', RULE, { cutoff: new Date('2025-03-01T00:00:00Z') }, null, 10);

    expect([batch.affected, batch.cursor]).toEqual([2, null]);
    expect(bucket.versions.map((version) => `${version.key}@${version.versionId}`)).toEqual([
      'avatars/1/a.png.bak@v3',
      'avatars/1/b.png@v4',
      'avatars/1/b.png@v5',
    ]);
  });
});
