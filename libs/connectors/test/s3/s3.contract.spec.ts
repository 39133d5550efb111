import { GetObjectCommand, ListObjectsCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { createTestBucket } from '@rightsdesk/testing';
import { emptyIdentities, type Subject } from '../../src/connector';
import { type S3System } from '../../src/datamap/datamap.types';
import { S3Connector } from '../../src/s3/s3.connector';
import { describeConnectorContract, type StoreSnapshot } from '../connector-contract';

const CUSTOMER_ID = 'shop.customers.id';

function systemFor(bucket: string): S3System {
  return {
    kind: 's3',
    key: 'files',
    title: 'Customer files',
    purposes: ['Providing the service'],
    recipients: [],
    concurrency: 1,
    connection: { bucket, region: 'us-east-1', forcePathStyle: true },
    collections: [
      {
        kind: 's3',
        name: 'avatars',
        fields: [],
        category: 'content.media',
        keyTemplate: `avatars/{${CUSTOMER_ID}}/`,
        placeholders: [{ kind: 'field', ref: { system: 'shop', collection: 'customers', field: 'id' } }],
        retention: [],
      },
      {
        kind: 's3',
        name: 'exports',
        fields: [],
        category: 'content.media',
        keyTemplate: 'exports/{user_id}/',
        placeholders: [{ kind: 'identity', identity: 'user_id' }],
        retention: [],
      },
    ],
  };
}

function customer(id: string, userId: string, email: string): Subject {
  return {
    identities: { ...emptyIdentities(), email: [email], user_id: [userId] },
    keys: { [CUSTOMER_ID]: [id] },
  };
}

const A = customer('cust-a-1001', 'user-a-77', 'alex@example.com');
const B = customer('cust-b-2002', 'user-b-88', 'bo@example.com');

// Written by the fixture, read back without the connector.
const OBJECTS: Record<string, string> = {
  'avatars/cust-a-1001/photo.png': 'PNG of A',
  'avatars/cust-a-1001/old/photo-2019.png': 'older PNG of A',
  'exports/user-a-77/orders-2024.csv': 'order,total\n1,10',
  'avatars/cust-b-2002/photo.png': 'PNG of B',
  'exports/user-b-88/orders-2024.csv': 'order,total\n2,20',
  // Shares A's id as a string prefix without being under A's prefix.
  'avatars/cust-a-10010/photo.png': 'PNG of someone else',
};

// Where the fixture put a subject's objects, by plain concatenation (only A and B are asked).
function prefixesOf(subject: Subject): Array<{ collection: string; prefix: string }> {
  return [
    ...(subject.keys[CUSTOMER_ID] ?? []).map((id) => ({ collection: 'avatars', prefix: `avatars/${id}/` })),
    ...subject.identities.user_id.map((id) => ({ collection: 'exports', prefix: `exports/${id}/` })),
  ];
}

describeConnectorContract('s3', async () => {
  const bucket = await createTestBucket();
  for (const [key, body] of Object.entries(OBJECTS)) {
    await bucket.client.send(
      new PutObjectCommand({
        Bucket: bucket.name,
        Key: key,
        Body: body,
        ContentType: 'application/octet-stream',
      }),
    );
  }
  const allKeys = async (): Promise<string[]> => {
    const page = await bucket.client.send(new ListObjectsCommand({ Bucket: bucket.name }));
    return (page.Contents ?? []).map((object) => object.Key!);
  };
  const connector = new S3Connector(systemFor(bucket.name), { client: bucket.client });

  return {
    connector,
    subjectA: A,
    subjectB: B,
    nobody: customer('cust-z-9999', 'user-z-99', 'nobody@example.com'),
    markers: {
      a: [
        'avatars/cust-a-1001/photo.png',
        'avatars/cust-a-1001/old/photo-2019.png',
        'exports/user-a-77/orders-2024.csv',
      ],
      b: ['cust-b-2002', 'user-b-88', 'cust-a-10010'],
      secrets: [],
    },
    heldFor: async (subject) => {
      const prefixes = prefixesOf(subject);
      return (await allKeys()).filter((key) => prefixes.some(({ prefix }) => key.startsWith(prefix))).length;
    },
    snapshot: async (subject) => {
      const snapshot: StoreSnapshot = {};
      const keys = await allKeys();
      for (const { collection, prefix } of prefixesOf(subject)) {
        for (const key of keys.filter((candidate) => candidate.startsWith(prefix))) {
          const object = await bucket.client.send(new GetObjectCommand({ Bucket: bucket.name, Key: key }));
          snapshot[collection] ??= {};
          snapshot[collection][key] = { body: await object.Body!.transformToString() };
        }
      }
      return snapshot;
    },
    capabilities: { access: true, erase: true },
    brokenConnector: () =>
      new S3Connector(systemFor('no-such-bucket-for-contract'), { client: bucket.client }),
    teardown: async () => {
      await connector.close();
      await bucket.drop();
    },
  };
});
