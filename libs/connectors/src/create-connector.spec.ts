import { PutObjectCommand } from '@aws-sdk/client-s3';
import { createTestBucket, s3TestCredentials, type TestBucket } from '@rightsdesk/testing';
import { emptyIdentities, type SuppressionStore } from './connector';
import { createConnector } from './create-connector';
import {
  type PostgresSystem,
  type S3System,
  type SuppressionSystem,
  type WebhookSystem,
} from './datamap/datamap.types';
import { PostgresConnector } from './postgres/postgres.connector';
import { S3Connector } from './s3/s3.connector';
import { SuppressionConnector } from './suppression/suppression.connector';
import { WebhookConnector } from './webhook/webhook.connector';

const base = { title: 'T', purposes: [], recipients: [], concurrency: 1 };

const postgres: PostgresSystem = {
  ...base,
  kind: 'postgres',
  key: 'shop',
  connection: { url: { env: 'SHOP_DATABASE_URL' } },
  collections: [],
  eraseOrder: [],
};

const webhook: WebhookSystem = {
  ...base,
  kind: 'webhook',
  key: 'crm',
  connection: {
    url: { env: 'CRM_URL' },
    secret: { value: 'an-inline-secret-of-length' },
    timeoutMs: 1000,
    callbackDeadlineHours: 1,
  },
  identities: [],
  optOuts: ['marketing'],
  collections: [],
};

const suppression: SuppressionSystem = { ...base, kind: 'suppression', key: 'suppression', collections: [] };

// A store that is never reached: these tests only build connectors.
const unusedStore: SuppressionStore = {
  add: () => Promise.reject(new Error('not used')),
  count: () => Promise.reject(new Error('not used')),
};

describe('createConnector', () => {
  let bucket: TestBucket;

  beforeAll(async () => {
    bucket = await createTestBucket();
  });

  afterAll(async () => {
    await bucket.drop();
  });

  it('builds an S3 connector from settings read from the environment', async () => {
    const system: S3System = {
      ...base,
      kind: 's3',
      key: 'avatars',
      connection: {
        bucket: bucket.name,
        region: 'us-east-1',
        endpoint: { env: 'AVATARS_ENDPOINT' },
        accessKeyId: { env: 'AVATARS_KEY_ID' },
        secretAccessKey: { value: s3TestCredentials().secretAccessKey },
        forcePathStyle: true,
      },
      collections: [
        {
          kind: 's3',
          name: 'avatars',
          fields: [],
          category: 'content.media',
          keyTemplate: 'avatars/{user_id}/',
          placeholders: [{ kind: 'identity', identity: 'user_id' }],
          retention: [],
        },
      ],
    };
    await bucket.client.send(
      new PutObjectCommand({ Bucket: bucket.name, Key: 'avatars/u-1/a.png', Body: 'x' }),
    );
    const sut = createConnector(system, {
      env: { AVATARS_ENDPOINT: bucket.endpoint, AVATARS_KEY_ID: s3TestCredentials().accessKeyId },
    });
    try {
      expect(sut).toBeInstanceOf(S3Connector);
      expect(await sut.check()).toEqual([]);
      expect(await sut.count({ identities: { ...emptyIdentities(), user_id: ['u-1'] }, keys: {} })).toEqual([
        { collection: 'avatars', count: 1 },
      ]);
    } finally {
      await sut.close();
    }
  });

  it('builds a webhook connector from an env URL and an inline secret', async () => {
    const sut = createConnector(webhook, { env: { CRM_URL: 'https://crm.example.com/hook' } });
    expect(sut).toBeInstanceOf(WebhookConnector);
    expect(await sut.check()).toEqual([]);
  });

  it('builds a postgres connector', async () => {
    const sut = createConnector(postgres, { env: { SHOP_DATABASE_URL: 'postgres://127.0.0.1:1/shop' } });
    expect(sut).toBeInstanceOf(PostgresConnector);
    await sut.close();
  });

  it('builds a suppression connector on the store it is given, and refuses without one', () => {
    expect(createConnector(suppression, { env: {}, suppressionStore: unusedStore })).toBeInstanceOf(
      SuppressionConnector,
    );
    expect(() => createConnector(suppression, { env: {} })).toThrow(
      'System "suppression" (suppression) needs Rightsdesk\'s suppression store, and none was given',
    );
  });

  it('names the missing variable and the system, and no other setting', () => {
    const env = { UNRELATED: 'postgres://user:password@db/x' };
    expect(() => createConnector(postgres, { env })).toThrow(
      /^System "shop" \(postgres\): .*SHOP_DATABASE_URL/,
    );
    expect(() => createConnector(webhook, { env: { CRM_URL: '' } })).toThrow(
      /^System "crm" \(webhook\): .*CRM_URL/,
    );
    try {
      createConnector(postgres, { env });
    } catch (error) {
      expect((error as Error).message).not.toContain('password');
    }
  });
});
