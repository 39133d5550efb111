import { S3Connector } from './s3.connector';
import { aContext, aCustomer, anS3System } from './s3-connector.fixtures.test';
import { startVersionedBucket, type VersionedBucket } from './versioned-bucket.test';

describe.each(['Enabled', 'Suspended'] as const)(
  'S3Connector erase on a bucket with versioning %s',
  (status) => {
    let bucket: VersionedBucket;
    let sut: S3Connector;

    beforeEach(async () => {
      bucket = await startVersionedBucket('versioned-bucket', status);
      sut = new S3Connector(anS3System(bucket.bucket), {
        endpoint: bucket.endpoint,
        accessKeyId: 'test',
        secretAccessKey: 'test',
        pageSize: 2,
      });
    });

    afterEach(async () => {
      await sut.close();
      await bucket.close();
    });

    it('deletes every version and delete marker under the prefix by version id, and nothing else', async () => {
      bucket.putVersion('avatars/42/a.png');
      bucket.putVersion('avatars/42/a.png');
      bucket.putVersion('avatars/42/a.png', { deleteMarker: true });
      bucket.putVersion('avatars/42/b.png');
      bucket.putVersion('avatars/42/c&d.png');
      bucket.putVersion('avatars/420/x.png');

      const first = await sut.erase(aCustomer('42'), aContext());
      const second = await sut.erase(aCustomer('42'), aContext());

      expect(first).toEqual({
        state: 'done',
        collections: [{ collection: 'avatars', found: 3, changed: 3, actions: ['delete_all_versions'] }],
      });
      expect(second).toEqual({
        state: 'done',
        collections: [{ collection: 'avatars', found: 0, changed: 0, actions: ['delete_all_versions'] }],
      });
      expect(bucket.versions.map((version) => version.key)).toEqual(['avatars/420/x.png']);
      // Five entries in batches of two, each naming its version.
      expect(bucket.deleteRequests.map((batch) => batch.length)).toEqual([2, 2, 1]);
      expect(bucket.deleteRequests.flat().sort()).toEqual([
        'avatars/42/a.png@v1',
        'avatars/42/a.png@v2',
        'avatars/42/a.png@v3',
        'avatars/42/b.png@v4',
        'avatars/42/c&d.png@v5',
      ]);
    });
  },
);
