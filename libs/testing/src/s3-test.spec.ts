import { GetObjectCommand, HeadBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { createTestBucket, createTestS3Client } from './s3-test';

describe('createTestBucket', () => {
  it('gives each caller its own bucket and drop() removes it with its objects', async () => {
    const first = await createTestBucket();
    const second = await createTestBucket();
    const observer = createTestS3Client();
    try {
      expect(first.name).not.toBe(second.name);
      await first.client.send(new PutObjectCommand({ Bucket: first.name, Key: 'only/in/first', Body: 'x' }));
      await expect(
        second.client.send(new GetObjectCommand({ Bucket: second.name, Key: 'only/in/first' })),
      ).rejects.toMatchObject({ name: 'NoSuchKey' });

      await first.drop();
      await first.drop();
      await expect(observer.send(new HeadBucketCommand({ Bucket: first.name }))).rejects.toMatchObject({
        $metadata: { httpStatusCode: 404 },
      });
      await expect(observer.send(new HeadBucketCommand({ Bucket: second.name }))).resolves.toBeDefined();
    } finally {
      observer.destroy();
      await first.drop();
      await second.drop();
    }
  });
});
