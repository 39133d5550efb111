import { type ActionContext, emptyIdentities, type ExportSink, type Subject } from '../connector';
import { type WebhookCollection, type WebhookSystem } from '../datamap/datamap.types';

export const PROVIDER_SECRET = 'provider-secret-with-enough-bytes';

export function aWebhookSystem(
  overrides: { timeoutMs?: number; collections?: string[] } = {},
): WebhookSystem {
  return {
    kind: 'webhook',
    key: 'crm',
    title: 'CRM',
    purposes: ['Customer support'],
    recipients: ['Example CRM Inc.'],
    concurrency: 1,
    connection: {
      url: { env: 'CRM_WEBHOOK_URL' },
      secret: { env: 'CRM_WEBHOOK_SECRET' },
      timeoutMs: overrides.timeoutMs ?? 5_000,
      callbackDeadlineHours: 72,
    },
    optOuts: ['marketing', 'sale_sharing'],
    identities: [
      { kind: 'identity', identity: 'email' },
      { kind: 'identity', identity: 'user_id' },
      { kind: 'field', ref: { system: 'shop', collection: 'customers', field: 'id' } },
    ],
    collections: (overrides.collections ?? ['contacts', 'tickets']).map((name): WebhookCollection => ({
      kind: 'webhook',
      name,
      fields: [],
      retention: [],
    })),
  };
}

export function aSubject(): Subject {
  return {
    identities: {
      ...emptyIdentities(),
      email: ['ann@example.com'],
      phone: ['+4915112345678'],
      user_id: ['u-7'],
    },
    keys: { 'shop.customers.id': ['42'], 'shop.customers.username': ['ann'] },
  };
}

export function aContext(overrides: Partial<ActionContext> = {}): ActionContext {
  return {
    requestId: 'req-1',
    requestType: 'erasure',
    hashSalt: Buffer.alloc(32, 1),
    callbackUrl: 'https://rightsdesk.example.com/api/provider-callbacks',
    ...overrides,
  };
}

export class MemorySink implements ExportSink {
  readonly records: Array<{ collection: string; record: Record<string, unknown> }> = [];

  write(collection: string, record: Record<string, unknown>): Promise<void> {
    this.records.push({ collection, record });
    return Promise.resolve();
  }
}
