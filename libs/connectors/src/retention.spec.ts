import type { SuppressionSystem } from './datamap/datamap.types';
import { canFindChildren, supportsRetention } from './retention';
import { SuppressionConnector } from './suppression/suppression.connector';
import { aWebhookSystem, PROVIDER_SECRET } from './webhook/webhook-connector.fixtures.test';
import { WebhookConnector } from './webhook/webhook.connector';

// The engine asks each system what it can do; a provider or the suppression list must say "nothing"
// rather than be handed a retention rule.

const SUPPRESSION: SuppressionSystem = {
  kind: 'suppression',
  key: 'suppression',
  title: 'Suppression list',
  purposes: [],
  recipients: [],
  concurrency: 1,
  collections: [{ kind: 'suppression', name: 'suppressed_emails', fields: [], retention: [] }],
};

describe('which connectors take part in retention', () => {
  it('leaves providers and the suppression list out', () => {
    const fail = () => Promise.reject(new Error('not called'));
    const webhook = new WebhookConnector(aWebhookSystem(), { url: 'http://127.0.0.1:1/', secret: PROVIDER_SECRET, fetch: fail });
    const suppression = new SuppressionConnector(SUPPRESSION, { add: fail, count: fail });
    for (const connector of [webhook, suppression]) {
      expect([connector.system.kind, supportsRetention(connector), canFindChildren(connector)]).toEqual([connector.system.kind, false, false]);
    }
  });
});
