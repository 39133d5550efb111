import { createHash } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@rightsdesk/testing';
import { type ActionContext, emptyIdentities, type ExportSink, type Subject } from '../connector';
import { type SuppressionSystem } from '../datamap/datamap.types';
import { PgSuppressionStore } from './pg-suppression-store.test';
import { normalizeEmail } from '@rightsdesk/domain';
import { emailSha256, SuppressionConnector } from './suppression.connector';

const system: SuppressionSystem = {
  kind: 'suppression',
  key: 'suppression',
  title: 'Marketing suppression list',
  purposes: ['Honouring opt-outs'],
  recipients: [],
  concurrency: 1,
  collections: [{ kind: 'suppression', name: 'suppressed_emails', fields: [], retention: [] }],
};

function aSubject(...emails: string[]): Subject {
  return { identities: { ...emptyIdentities(), email: emails }, keys: {} };
}

function aContext(requestId = 'req-1', optOutChannels?: ActionContext['optOutChannels']): ActionContext {
  return { requestId, requestType: 'opt_out', hashSalt: Buffer.alloc(32), ...(optOutChannels ? { optOutChannels } : {}) };
}

class MemorySink implements ExportSink {
  readonly records: Array<{ collection: string; record: Record<string, unknown> }> = [];

  write(collection: string, record: Record<string, unknown>): Promise<void> {
    this.records.push({ collection, record });
    return Promise.resolve();
  }
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

describe('normalizeEmail and emailSha256', () => {
  it('trims and lower-cases, and keeps dots and tags that other providers treat as distinct', () => {
    expect(normalizeEmail('  Ann.Example+News@Example.COM \n')).toBe('ann.example+news@example.com');
    expect(emailSha256('  Ann@Example.com ')).toBe(sha256('ann@example.com'));
    expect(emailSha256('a.nn@example.com')).not.toBe(emailSha256('ann@example.com'));
  });
});

describe('SuppressionConnector', () => {
  let database: TestDatabase;
  let store: PgSuppressionStore;
  let sut: SuppressionConnector;

  beforeAll(async () => {
    database = await createTestDatabase();
    store = new PgSuppressionStore(database.url);
  });

  afterAll(async () => {
    await store.close();
    await database.drop();
  });

  beforeEach(() => {
    sut = new SuppressionConnector(system, store);
  });

  it('adds the digests of the subject’s emails on opt-out and nothing the second time', async () => {
    const subject = aSubject('opt.out@example.com', 'OPT.OUT@example.com ', 'second@example.com');

    const first = await sut.optOut(subject, aContext('req-first'));
    const second = await sut.optOut(subject, aContext('req-second'));

    expect(first).toEqual({
      state: 'done',
      collections: [{ collection: 'suppressed_emails', found: 2, changed: 2, actions: ['add:suppression'] }],
    });
    expect(second).toEqual({
      state: 'done',
      collections: [{ collection: 'suppressed_emails', found: 2, changed: 0, actions: ['add:suppression'] }],
    });
    const entries = await store.entries();
    expect(entries.filter((entry) => entry.digest === sha256('opt.out@example.com'))).toEqual([
      { digest: sha256('opt.out@example.com'), list: 'marketing', source: 'request:req-first' },
    ]);
    // Digests only: no email is stored anywhere in the table.
    expect(JSON.stringify(entries)).not.toContain('@');
    expect(await sut.count(subject)).toEqual([{ collection: 'suppressed_emails', count: 2 }]);
  });

  it.each([
    { channels: ['sale_sharing'] as const, lists: ['sale_sharing'], actions: ['add:sale_sharing'] },
    { channels: ['email'] as const, lists: ['marketing'], actions: ['add:suppression'] },
    { channels: ['surveys', 'notifications'] as const, lists: ['marketing'], actions: ['add:suppression'] },
    { channels: ['all'] as const, lists: ['marketing', 'sale_sharing'], actions: ['add:suppression', 'add:sale_sharing'] },
    { channels: ['email', 'sale_sharing'] as const, lists: ['marketing', 'sale_sharing'], actions: ['add:suppression', 'add:sale_sharing'] },
  ])('puts an opt-out of $channels on the $lists list(s) only', async ({ channels, lists, actions }) => {
    const email = `lists.${channels.join('.')}@example.com`;

    const result = await sut.optOut(aSubject(email), aContext('req-lists', channels));

    expect(result).toEqual({
      state: 'done',
      collections: [{ collection: 'suppressed_emails', found: 1, changed: lists.length, actions }],
    });
    const entries = (await store.entries()).filter((entry) => entry.digest === sha256(email));
    expect(entries.map((entry) => entry.list)).toEqual(lists);
  });

  it('exports the sale/sharing opt-out beside the marketing one', async () => {
    await sut.optOut(aSubject('both.lists@example.com'), aContext('req-both', ['all']));
    await sut.optOut(aSubject('sale.only@example.com'), aContext('req-sale', ['sale_sharing']));
    const sink = new MemorySink();

    await sut.access(aSubject('both.lists@example.com', 'sale.only@example.com'), sink, aContext());

    expect(sink.records).toEqual([
      { collection: 'suppressed_emails', record: { email_sha256: sha256('both.lists@example.com'), suppressed: true, sale_sharing_opt_out: true } },
      { collection: 'suppressed_emails', record: { email_sha256: sha256('sale.only@example.com'), suppressed: false, sale_sharing_opt_out: true } },
    ]);
  });

  it('exports which of the subject’s emails are on the list, as digests', async () => {
    await sut.optOut(aSubject('listed@example.com'), aContext());
    const sink = new MemorySink();

    const result = await sut.access(aSubject('Listed@example.com', 'unlisted@example.com'), sink, aContext());

    expect(sink.records).toEqual([
      {
        collection: 'suppressed_emails',
        record: { email_sha256: sha256('listed@example.com'), suppressed: true },
      },
    ]);
    expect(result).toEqual({
      state: 'done',
      collections: [{ collection: 'suppressed_emails', found: 1, changed: 0, actions: ['export'] }],
    });
  });

  it('keeps the list on erasure', async () => {
    const subject = aSubject('erase.me@example.com');
    await sut.optOut(subject, aContext());

    const result = await sut.erase(subject, aContext());

    expect(result).toEqual({
      state: 'done',
      collections: [{ collection: 'suppressed_emails', found: 1, changed: 0, actions: ['keep:suppression'] }],
    });
    expect(await sut.count(subject)).toEqual([{ collection: 'suppressed_emails', count: 1 }]);
  });

  it('does nothing for a subject without an email', async () => {
    const subject = aSubject();
    expect(await sut.optOut(subject, aContext())).toEqual({
      state: 'done',
      collections: [{ collection: 'suppressed_emails', found: 0, changed: 0, actions: ['add:suppression'] }],
    });
    expect(await sut.count(subject)).toEqual([{ collection: 'suppressed_emails', count: 0 }]);
  });

  it('has nothing to check, resolve or rectify', async () => {
    expect(await sut.check()).toEqual([]);
    expect(await sut.resolveKeys(aSubject('a@example.com'), [])).toEqual({});
    expect(await sut.rectify(aSubject('a@example.com'), [], aContext())).toEqual({
      state: 'done',
      collections: [],
    });
    await expect(
      sut.rectify(
        aSubject('a@example.com'),
        [{ collection: 'suppressed_emails', field: 'email_sha256', value: 'x' }],
        aContext(),
      ),
    ).rejects.toThrow(
      'System "suppression" (suppression) holds digests of emails, which cannot be rectified',
    );
  });
});
