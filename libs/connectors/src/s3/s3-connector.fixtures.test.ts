import { type ActionContext, emptyIdentities, type ExportSink, type Subject } from '../connector';
import { type S3Collection, type S3System } from '../datamap/datamap.types';

export function anS3System(bucket: string, collections: Array<Partial<S3Collection>> = [{}]): S3System {
  return {
    kind: 's3',
    key: 'avatars',
    title: 'Profile pictures',
    purposes: ['Providing the service'],
    recipients: [],
    concurrency: 1,
    connection: { bucket, region: 'us-east-1', forcePathStyle: true },
    collections: collections.map((collection) => ({
      kind: 's3',
      name: 'avatars',
      fields: [],
      category: 'content.media',
      keyTemplate: 'avatars/{shop.customers.id}/',
      placeholders: [{ kind: 'field', ref: { system: 'shop', collection: 'customers', field: 'id' } }],
      retention: [],
      ...collection,
    })),
  };
}

export function aCustomer(...ids: string[]): Subject {
  return { identities: emptyIdentities(), keys: { 'shop.customers.id': ids } };
}

export function aContext(requestId = 'req-1'): ActionContext {
  return { requestId, requestType: 'erasure', hashSalt: Buffer.alloc(32, 7) };
}

export class MemorySink implements ExportSink {
  readonly records: Array<{ collection: string; record: Record<string, unknown> }> = [];

  write(collection: string, record: Record<string, unknown>): Promise<void> {
    this.records.push({ collection, record });
    return Promise.resolve();
  }
}
