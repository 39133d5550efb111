import { emptyIdentities, type Subject } from '../../src/connector';
import { type WebhookSystem } from '../../src/datamap/datamap.types';
import { parseProviderCallback, WebhookConnector } from '../../src/webhook/webhook.connector';
import { verifyWebhookSignature } from '../../src/webhook/webhook-signature';
import { describeConnectorContract, type StoreSnapshot } from '../connector-contract';
import { CrmProvider } from './crm-provider';

const SECRET = 'crm-webhook-secret-0123456789';

const system: WebhookSystem = {
  kind: 'webhook',
  key: 'crm',
  title: 'CRM',
  purposes: ['Customer support'],
  recipients: ['Example CRM Inc.'],
  concurrency: 1,
  connection: {
    url: { env: 'CRM_URL' },
    secret: { env: 'CRM_SECRET' },
    timeoutMs: 5_000,
    callbackDeadlineHours: 72,
  },
  optOuts: ['marketing', 'sale_sharing'],
  identities: [
    { kind: 'identity', identity: 'email' },
    { kind: 'identity', identity: 'user_id' },
    { kind: 'field', ref: { system: 'shop', collection: 'customers', field: 'id' } },
  ],
  collections: [
    { kind: 'webhook', name: 'contacts', fields: [], retention: [] },
    { kind: 'webhook', name: 'tickets', fields: [], retention: [] },
  ],
};

function subject(email: string, userId: string, customerId: string): Subject {
  return {
    identities: { ...emptyIdentities(), email: [email], user_id: [userId] },
    keys: { 'shop.customers.id': [customerId] },
  };
}

const A = subject('alex@example.com', 'u-alex-1', 'cust-a-1');
const B = subject('bo@example.com', 'u-bo-2', 'cust-b-2');

function seed(provider: CrmProvider): void {
  provider.contacts = [
    {
      id: 'c-a',
      email: 'alex@example.com',
      user_id: 'u-alex-1',
      customer_id: 'cust-a-1',
      name: 'Alex Meyer',
      marketing: true,
    },
    {
      id: 'c-b',
      email: 'bo@example.com',
      user_id: 'u-bo-2',
      customer_id: 'cust-b-2',
      name: 'Alex Meyer',
      marketing: true,
    },
  ];
  provider.tickets = [
    { id: 't-a1', contact_id: 'c-a', body: 'Alex asks where the parcel is' },
    { id: 't-b1', contact_id: 'c-b', body: 'Bo wants a refund' },
  ];
}

for (const mode of ['sync', 'async'] as const) {
  describeConnectorContract(`webhook (${mode} provider)`, async () => {
    const provider = new CrmProvider(SECRET, mode);
    await provider.start();
    seed(provider);
    const connector = new WebhookConnector(system, { url: provider.url, secret: SECRET });
    const identitiesOf = (who: Subject): Record<string, string[]> => ({
      email: who.identities.email,
      user_id: who.identities.user_id,
      'shop.customers.id': who.keys['shop.customers.id'] ?? [],
    });

    return {
      connector,
      subjectA: A,
      subjectB: B,
      nobody: subject('nobody@example.com', 'u-nobody', 'cust-z-9'),
      markers: {
        a: ['alex@example.com', 'Alex asks where the parcel is'],
        b: ['bo@example.com', 'u-bo-2', 'cust-b-2', 'Bo wants a refund'],
        secrets: [],
      },
      heldFor: (who) => {
        const ids = new Set(provider.matching(identitiesOf(who)).map((contact) => contact.id));
        return Promise.resolve(
          ids.size + provider.tickets.filter((ticket) => ids.has(ticket.contact_id)).length,
        );
      },
      snapshot: (who) => {
        const contacts = provider.matching(identitiesOf(who));
        const ids = new Set(contacts.map((contact) => contact.id));
        const snapshot: StoreSnapshot = {
          contacts: Object.fromEntries(contacts.map((contact) => [contact.id, { ...contact }])),
          tickets: Object.fromEntries(
            provider.tickets
              .filter((ticket) => ids.has(ticket.contact_id))
              .map((ticket) => [ticket.id, { ...ticket }]),
          ),
        };
        return Promise.resolve(snapshot);
      },
      capabilities: {
        access: true,
        erase: true,
        rectify: [{ collection: 'contacts', field: 'name', value: 'Alexandra Meyer' }],
        optOut: {
          isOptedOut: (who) => {
            const contacts = provider.matching(identitiesOf(who));
            return Promise.resolve(contacts.length > 0 && contacts.every((contact) => !contact.marketing));
          },
        },
      },
      brokenConnector: () => new WebhookConnector(system, { url: 'not a url', secret: 'short' }),
      settle: (result) => {
        const callback = provider.settle(result.providerReference);
        // What the API's callback endpoint will do with it: verify, then parse.
        expect(
          verifyWebhookSignature({
            secret: SECRET,
            timestamp: String(callback.timestamp),
            signature: callback.signature,
            body: callback.body,
            now: new Date(),
          }),
        ).toEqual({ ok: true });
        const parsed = parseProviderCallback(JSON.parse(callback.body));
        expect(parsed).toMatchObject({ ok: true, value: { systemKey: 'crm', status: 'completed' } });
        return Promise.resolve();
      },
      teardown: async () => {
        await connector.close();
        await provider.stop();
        expect(provider.rejected).toBe(0);
      },
    };
  });
}
