import { createTestDatabase, type TestDatabase } from '@rightsdesk/testing';
import { Pool } from 'pg';
import { emptyIdentities, type Subject } from '../../src/connector';
import { type SuppressionSystem } from '../../src/datamap/datamap.types';
import { PgSuppressionStore } from '../../src/suppression/pg-suppression-store.test';
import { emailSha256, SuppressionConnector } from '../../src/suppression/suppression.connector';
import { describeConnectorContract, type StoreSnapshot } from '../connector-contract';

const system: SuppressionSystem = {
  kind: 'suppression',
  key: 'suppression',
  title: 'Marketing suppression list',
  purposes: ['Honouring opt-outs'],
  recipients: [],
  concurrency: 1,
  collections: [{ kind: 'suppression', name: 'suppressed_emails', fields: [], retention: [] }],
};

function withEmails(...emails: string[]): Subject {
  return { identities: { ...emptyIdentities(), email: emails, user_id: ['u-1'] }, keys: {} };
}

// Each has one email already on the list (so the connector has something of theirs to find) and
// one that is not (so an opt-out still has something to add).
const A = withEmails('alex@example.com', 'alex.work@example.org');
const B = withEmails('bo@example.com', 'bo.work@example.org');
const LISTED = ['alex@example.com', 'bo@example.com'];

let database: TestDatabase;
let pool: Pool;

beforeAll(async () => {
  // The migrated database holds Rightsdesk's own suppression_entry table.
  database = await createTestDatabase();
  pool = new Pool({ connectionString: database.url, max: 1 });
  pool.on('error', () => undefined);
});

afterAll(async () => {
  await pool?.end();
  await database?.drop();
});

async function listed(subject: Subject): Promise<Array<{ digest: string; source: string }>> {
  const digests = subject.identities.email.map(emailSha256);
  const result = await pool.query<{ digest: string; source: string }>(
    `SELECT encode(email_sha256, 'hex') AS digest, source FROM suppression_entry
     WHERE encode(email_sha256, 'hex') = ANY ($1::text[]) ORDER BY 1`,
    [digests],
  );
  return result.rows;
}

describeConnectorContract('suppression', async () => {
  await pool.query('TRUNCATE suppression_entry');
  const store = new PgSuppressionStore(database.url);
  await store.add(LISTED.map(emailSha256), 'seed');
  const connector = new SuppressionConnector(system, store);

  return {
    connector,
    subjectA: A,
    subjectB: B,
    nobody: withEmails('nobody@example.com'),
    markers: {
      a: [emailSha256('alex@example.com')],
      b: [emailSha256('bo@example.com'), emailSha256('bo.work@example.org'), 'bo@example.com'],
      secrets: [],
    },
    heldFor: async (subject) => (await listed(subject)).length,
    snapshot: async (subject) => {
      const snapshot: StoreSnapshot = { suppressed_emails: {} };
      for (const row of await listed(subject)) {
        snapshot.suppressed_emails[row.digest] = { source: row.source };
      }
      return snapshot;
    },
    capabilities: {
      access: true,
      // Erasure keeps the list on purpose (the opt-out must outlive it): the contract's "erase
      // removes A" does not apply. suppression.connector.spec.ts checks the keep.
      erase: false,
      optOut: {
        isOptedOut: async (subject) =>
          (await listed(subject)).length === new Set(subject.identities.email.map(emailSha256)).size,
      },
    },
    brokenConnector: null,
    teardown: async () => {
      await connector.close();
      await store.close();
    },
  };
});
