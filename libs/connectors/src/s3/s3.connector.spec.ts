import { HeadObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { createServer } from 'node:net';
import { buffer } from 'node:stream/consumers';
import { createTestBucket, s3TestCredentials, type TestBucket } from '@rightsdesk/testing';
import { S3ConnectorError } from './s3-client';
import { S3Connector } from './s3.connector';
import { aContext, aCustomer, anS3System, MemorySink } from './s3-connector.fixtures.test';

// A port that was just free: bound to port 0, then closed.
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

describe('S3Connector', () => {
  let bucket: TestBucket;
  let sut: S3Connector;

  beforeEach(async () => {
    bucket = await createTestBucket();
    sut = new S3Connector(anS3System(bucket.name), { client: bucket.client, pageSize: 2 });
  });

  afterEach(async () => {
    await sut.close();
    await bucket.drop();
  });

  async function put(key: string, body = `body of ${key}`, contentType = 'image/png'): Promise<void> {
    await bucket.client.send(
      new PutObjectCommand({ Bucket: bucket.name, Key: key, Body: body, ContentType: contentType }),
    );
  }

  async function keys(): Promise<string[]> {
    const page = await bucket.client.send(new ListObjectsV2Command({ Bucket: bucket.name }));
    return (page.Contents ?? []).map((object) => object.Key!).sort();
  }

  async function seed(): Promise<void> {
    for (const key of [
      'avatars/42/a.png',
      'avatars/42/b.png',
      'avatars/42/old/c.png',
      'avatars/42/d.png',
      'avatars/42/e.png',
    ]) {
      await put(key);
    }
    // Another customer whose id starts with the same digits, and one at the top level.
    await put('avatars/420/x.png');
    await put('avatars/4/y.png');
    await put('other/42/z.png');
  }

  it('counts the objects under the subject prefix across pages, and nobody else’s', async () => {
    await seed();
    expect(await sut.count(aCustomer('42'))).toEqual([{ collection: 'avatars', count: 5 }]);
    expect(await sut.count(aCustomer('4'))).toEqual([{ collection: 'avatars', count: 1 }]);
    expect(await sut.count(aCustomer('42', '420'))).toEqual([{ collection: 'avatars', count: 6 }]);
    expect(await sut.count(aCustomer())).toEqual([{ collection: 'avatars', count: 0 }]);
  });

  it('finds objects by identity placeholders, one prefix per combination of values', async () => {
    const byUser = new S3Connector(
      anS3System(bucket.name, [
        {
          keyTemplate: 'uploads/{user_id}/{shop.customers.id}/',
          placeholders: [
            { kind: 'identity', identity: 'user_id' },
            { kind: 'field', ref: { system: 'shop', collection: 'customers', field: 'id' } },
          ],
        },
      ]),
      { client: bucket.client },
    );
    await put('uploads/u-7/42/a');
    await put('uploads/u-7/43/b');
    await put('uploads/u-8/42/c');
    await put('uploads/u-9/42/d');
    const subject = aCustomer('42', '43');
    subject.identities.user_id = ['u-7', 'u-8', 'u-7'];
    expect(await byUser.count(subject)).toEqual([{ collection: 'avatars', count: 3 }]);
  });

  it('exports file metadata for the subject and streams each file’s bytes', async () => {
    await put('avatars/42/a.png', 'PNG bytes', 'image/png');
    await put('avatars/42/notes.txt', 'some notes', 'text/plain');
    await put('avatars/43/a.png');
    const sink = new MemorySink();

    const result = await sut.access(aCustomer('42'), sink, aContext());

    expect(result).toEqual({
      state: 'done',
      collections: [{ collection: 'avatars', found: 2, changed: 0, actions: ['export'] }],
    });
    expect(sink.records.map(({ collection, record }) => ({ collection, ...record }))).toEqual([
      {
        collection: 'avatars',
        key: 'avatars/42/a.png',
        size: 9,
        contentType: 'image/png',
        lastModified: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
      {
        collection: 'avatars',
        key: 'avatars/42/notes.txt',
        size: 10,
        contentType: 'text/plain',
        lastModified: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    ]);
    const stream = await sut.openFile('avatars/42/notes.txt');
    expect((await buffer(stream)).toString('utf8')).toBe('some notes');
  });

  it('erases every object under the subject prefix in batches, leaves others, and changes nothing the second time', async () => {
    await seed();

    const first = await sut.erase(aCustomer('42'), aContext());
    const second = await sut.erase(aCustomer('42'), aContext());

    expect(first).toEqual({
      state: 'done',
      collections: [{ collection: 'avatars', found: 5, changed: 5, actions: ['delete_object'] }],
    });
    expect(second).toEqual({
      state: 'done',
      collections: [{ collection: 'avatars', found: 0, changed: 0, actions: ['delete_object'] }],
    });
    expect(await keys()).toEqual(['avatars/4/y.png', 'avatars/420/x.png', 'other/42/z.png']);
  });

  it('erases every collection of the system', async () => {
    const twoCollections = new S3Connector(
      anS3System(bucket.name, [
        {},
        {
          name: 'exports',
          keyTemplate: 'exports/{user_id}/',
          placeholders: [{ kind: 'identity', identity: 'user_id' }],
        },
      ]),
      { client: bucket.client },
    );
    await put('avatars/42/a.png');
    await put('exports/u-7/2024.zip');
    await put('exports/u-70/2024.zip');
    const subject = aCustomer('42');
    subject.identities.user_id = ['u-7'];

    const result = await twoCollections.erase(subject, aContext());

    expect(result).toEqual({
      state: 'done',
      collections: [
        { collection: 'avatars', found: 1, changed: 1, actions: ['delete_object'] },
        { collection: 'exports', found: 1, changed: 1, actions: ['delete_object'] },
      ],
    });
    expect(await keys()).toEqual(['exports/u-70/2024.zip']);
  });

  it.each([['..'], ['42/../43'], [''], ['4\\3'], ['4\n3']])(
    'skips a key value that could widen the prefix (%j) and notes it without the value',
    async (value) => {
      await put('avatars/43/a.png');
      await put('avatars/42/b.png');

      const result = await sut.erase(aCustomer(value, '42'), aContext());

      expect(result).toEqual({
        state: 'done',
        collections: [{ collection: 'avatars', found: 1, changed: 1, actions: ['delete_object'] }],
        notes: [
          'System "avatars", collection "avatars": 1 value for {shop.customers.id} cannot be part of an object key and was skipped',
        ],
      });
      expect(await keys()).toEqual(['avatars/43/a.png']);
      expect(await sut.count(aCustomer(value))).toEqual([{ collection: 'avatars', count: 0 }]);
    },
  );

  it('matches nothing with a value longer than any S3 key', async () => {
    await put('avatars/42/a.png');
    expect(await sut.count(aCustomer(`42${'x'.repeat(1100)}`))).toEqual([
      { collection: 'avatars', count: 0 },
    ]);
  });

  it('refuses a key template that ends with a placeholder, and check() says why', async () => {
    const loose = new S3Connector(anS3System(bucket.name, [{ keyTemplate: 'avatars/{shop.customers.id}' }]), {
      client: bucket.client,
    });
    await put('avatars/420/x.png');
    await expect(loose.erase(aCustomer('42'), aContext())).rejects.toThrow(/must be followed by "\/"/);
    expect(await loose.check()).toEqual([
      expect.stringMatching(
        /^System "avatars", collection "avatars": key template placeholder .* must be followed by "\/"/,
      ),
    ]);
    expect(await keys()).toEqual(['avatars/420/x.png']);
  });

  it('keeps the objects on opt-out and has nothing to rectify', async () => {
    await put('avatars/42/a.png');
    expect(await sut.optOut(aCustomer('42'), aContext())).toEqual({ state: 'done', collections: [] });
    expect(await sut.rectify(aCustomer('42'), [], aContext())).toEqual({ state: 'done', collections: [] });
    await expect(
      sut.rectify(aCustomer('42'), [{ collection: 'avatars', field: 'key', value: 'x' }], aContext()),
    ).rejects.toThrow(/System "avatars" \(s3\) holds files, which cannot be rectified/);
    expect(await keys()).toEqual(['avatars/42/a.png']);
    expect(await sut.resolveKeys(aCustomer('42'), [])).toEqual({});
  });

  it('fails with the S3 error code alone, without the key it was asked about', async () => {
    const error: unknown = await sut.openFile('avatars/42/missing.png').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(S3ConnectorError);
    expect(error).toMatchObject({
      code: 'NoSuchKey',
      message: 'System "avatars": open file: S3 failed (NoSuchKey)',
    });
    expect(JSON.stringify(error)).not.toContain('missing.png');

    const missing = new S3Connector(anS3System('no-such-bucket-here'), { client: bucket.client });
    await expect(missing.count(aCustomer('42'))).rejects.toMatchObject({
      name: 'S3ConnectorError',
      code: 'NoSuchBucket',
      message: 'System "avatars", collection "avatars": count: S3 failed (NoSuchBucket)',
    });
  });

  describe('check()', () => {
    it('finds nothing wrong with a reachable bucket', async () => {
      expect(await sut.check()).toEqual([]);
    });

    it('reports a bucket that does not exist', async () => {
      const missing = new S3Connector(anS3System('no-such-bucket-here'), { client: bucket.client });
      expect(await missing.check()).toEqual([
        'System "avatars": bucket "no-such-bucket-here" does not exist',
      ]);
    });

    it('reports credentials the store refuses', async () => {
      const refused = new S3Connector(anS3System(bucket.name), {
        endpoint: bucket.endpoint,
        accessKeyId: 'NOT-A-KEY',
        secretAccessKey: 'not-a-secret',
      });
      try {
        expect(await refused.check()).toEqual([
          expect.stringMatching(/refused access: check the access key/),
        ]);
      } finally {
        await refused.close();
      }
    });

    it('reports an endpoint nobody listens on', async () => {
      const port = await closedPort();
      const unreachable = new S3Connector(anS3System(bucket.name), {
        endpoint: `http://127.0.0.1:${port}`,
        ...s3TestCredentials(),
      });
      try {
        expect(await unreachable.check()).toEqual([
          expect.stringMatching(/could not be reached \(ECONNREFUSED\)/),
        ]);
      } finally {
        await unreachable.close();
      }
    });
  });

  it('builds its own client from resolved values and destroys only that one on close()', async () => {
    await put('avatars/42/a.png');
    const own = new S3Connector(anS3System(bucket.name), {
      endpoint: bucket.endpoint,
      ...s3TestCredentials(),
    });
    expect(await own.count(aCustomer('42'))).toEqual([{ collection: 'avatars', count: 1 }]);
    await own.close();

    await sut.close();
    // The borrowed client still works after the connector that borrowed it closed.
    await expect(
      bucket.client.send(new HeadObjectCommand({ Bucket: bucket.name, Key: 'avatars/42/a.png' })),
    ).resolves.toBeDefined();
  });

  it('refuses half a key pair', () => {
    expect(() => new S3Connector(anS3System(bucket.name), { accessKeyId: 'only-the-id' })).toThrow(
      /both accessKeyId and secretAccessKey/,
    );
  });
});
