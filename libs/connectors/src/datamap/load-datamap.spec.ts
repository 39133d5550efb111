import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataMapSchema } from './datamap.schema';
import type {
  DataMap,
  DataSystem,
  PostgresSystem,
  S3System,
  SuppressionSystem,
  WebhookSystem,
} from './datamap.types';
import {
  DataMapError,
  formatDataMapIssues,
  loadDataMap,
  parseDataMap,
  resolveConfigValue,
} from './load-datamap';
import { parse } from 'yaml';

const DEMO = join(__dirname, '../../../../apps/cli/demo/datamap.yaml');
const DOCS = join(__dirname, '../../../../docs/data-map.md');

function system<K extends DataSystem['kind']>(
  map: DataMap,
  key: string,
  kind: K,
): Extract<DataSystem, { kind: K }> {
  const found = map.systems.find((candidate) => candidate.key === key);
  if (found?.kind !== kind) {
    throw new Error(`no ${kind} system ${key}`);
  }
  return found as Extract<DataSystem, { kind: K }>;
}

function rejection(run: () => unknown): DataMapError {
  try {
    run();
  } catch (error) {
    if (error instanceof DataMapError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a DataMapError');
}

describe('the demo data map', () => {
  let map: DataMap;
  let bytes: Buffer;

  beforeAll(async () => {
    bytes = await readFile(DEMO);
    map = await loadDataMap(DEMO);
  });

  it('loads with the path it was given and the sha256 of its bytes', () => {
    expect(map.version).toBe(1);
    expect(map.file).toBe(DEMO);
    expect(map.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(parseDataMap(bytes.toString('utf8'), DEMO).sha256).toBe(map.sha256);
  });

  it('erases the children of customers before customers, in file order otherwise', () => {
    const shop = system(map, 'shop', 'postgres');
    expect(shop.eraseOrder).toEqual([
      'orders',
      'page_views',
      'support_tickets',
      'customers',
      'newsletter_subscriptions',
    ]);
    const customers = shop.eraseOrder.indexOf('customers');
    for (const child of ['orders', 'page_views', 'support_tickets']) {
      expect(shop.eraseOrder.indexOf(child)).toBeLessThan(customers);
    }
  });

  it('normalizes the shop database', () => {
    const shop: PostgresSystem = system(map, 'shop', 'postgres');
    expect(shop).toMatchObject({
      title: 'Shop database',
      concurrency: 4,
      connection: { url: { env: 'DEMO_COMPANY_DATABASE_URL' } },
      recipients: ['Amazon Web Services (hosting, EU and US regions)'],
    });
    expect(shop.collections.map((collection) => collection.name)).toEqual([
      'customers',
      'orders',
      'page_views',
      'support_tickets',
      'newsletter_subscriptions',
    ]);
    const [customers, orders, pageViews, , newsletter] = shop.collections;
    expect(customers).toMatchObject({
      schema: 'public',
      table: 'customers',
      primaryKey: 'id',
      subject: {
        by: 'identity',
        fields: [
          { field: 'email', identity: 'email', index: 'customers_email_idx' },
          { field: 'username', identity: 'username', index: 'customers_username_idx' },
        ],
      },
      optOut: { marketing_opt_in: false },
      // A time stamp column need not be a declared field; a rule without a name is named after its action.
      retention: [{ name: 'delete', field: 'last_login_at', period: 'P3Y', action: 'delete', legalHold: false }],
      children: { birthDate: 'birth_date', under: 13, schedule: { cron: '0 4 * * *', timezone: 'UTC' } },
    });
    expect(customers.fields.find((field) => field.name === 'password_hash')).toEqual({
      name: 'password_hash',
      category: 'account.credentials',
      rectifiable: false,
      secret: true,
      erasure: { action: 'delete_row' },
    });
    expect(orders.subject).toEqual({
      by: 'reference',
      field: 'customer_id',
      to: { collection: 'customers', field: 'id' },
      index: 'orders_customer_id_idx',
    });
    expect(orders.fields.map((field) => [field.name, field.erasure])).toEqual([
      ['customer_id', { action: 'set_null' }],
      ['shipping_address', { action: 'replace', value: '[erased]' }],
      ['total_cents', { action: 'keep', reason: 'Tax law requires keeping invoices for 10 years (§147 AO)' }],
      ['created_at', { action: 'keep', reason: 'Tax law requires keeping invoices for 10 years (§147 AO)' }],
    ]);
    expect(pageViews.retention).toEqual([
      {
        name: 'anonymize',
        field: 'viewed_at',
        period: 'P30D',
        action: 'anonymize',
        anonymize: { ip: { action: 'anonymize_ip' } },
        legalHold: false,
        schedule: { cron: '0 3 * * *', timezone: 'UTC' },
      },
      {
        name: 'delete',
        field: 'viewed_at',
        period: 'P120D',
        action: 'delete',
        legalHold: false,
        schedule: { cron: '30 3 * * *', timezone: 'UTC' },
      },
    ]);
    expect(orders.retention).toEqual([]);
    expect(orders.children).toBeUndefined();
    expect(newsletter.subject).toEqual({
      by: 'identity',
      fields: [{ field: 'email', identity: 'email', index: 'newsletter_subscriptions_email_idx' }],
    });
    expect(newsletter.fields.find((field) => field.name === 'subscribed')?.erasure).toEqual({
      action: 'replace',
      value: false,
    });
  });

  it('normalizes the avatars bucket', () => {
    const avatars: S3System = system(map, 'avatars', 's3');
    expect(avatars.connection).toEqual({
      bucket: 'demo-avatars',
      region: 'us-east-1',
      endpoint: { env: 'DEMO_S3_ENDPOINT' },
      accessKeyId: { env: 'DEMO_S3_ACCESS_KEY_ID' },
      secretAccessKey: { env: 'DEMO_S3_SECRET_ACCESS_KEY' },
      forcePathStyle: true,
    });
    expect(avatars.collections).toEqual([
      {
        kind: 's3',
        name: 'avatars',
        fields: [],
        keyTemplate: 'avatars/{shop.customers.id}/',
        placeholders: [{ kind: 'field', ref: { system: 'shop', collection: 'customers', field: 'id' } }],
        category: 'content.media',
        retention: [],
      },
    ]);
  });

  it('gives the suppression system its one synthesized collection', () => {
    const suppression: SuppressionSystem = system(map, 'suppression', 'suppression');
    expect(suppression).toMatchObject({ recipients: [], concurrency: 2 });
    expect(suppression.collections).toHaveLength(1);
    expect(suppression.collections[0]).toMatchObject({
      kind: 'suppression',
      name: 'suppressed_emails',
      fields: [{ name: 'email_sha256', category: 'marketing.consent', rectifiable: false, secret: false }],
    });
  });

  it('passes the whole-map schema as well', () => {
    const result = dataMapSchema.safeParse(parse(bytes.toString('utf8')));
    expect(result.error?.issues).toBeUndefined();
  });

  it('checks environment variables only when given an environment', () => {
    const text = bytes.toString('utf8');
    const env = {
      DEMO_COMPANY_DATABASE_URL: 'postgres://localhost/demo',
      DEMO_S3_ENDPOINT: 'http://127.0.0.1:4569',
      DEMO_S3_ACCESS_KEY_ID: 'S3RVER',
      DEMO_S3_SECRET_ACCESS_KEY: 'S3RVER',
    };
    expect(parseDataMap(text, 'demo.yaml', { env }).systems).toHaveLength(3);
    const error = rejection(() => parseDataMap(text, 'demo.yaml', { env: { ...env, DEMO_S3_ENDPOINT: '' } }));
    expect(formatDataMapIssues(error.issues)).toBe(
      'demo.yaml:122:7 systems.avatars.connection.endpoint: environment variable DEMO_S3_ENDPOINT is not set',
    );
  });
});

const WEBHOOK = `version: 1
systems:
  crm:
    kind: webhook
    title: CRM
    connection:
      url: http://localhost:4000/privacy
      secret: { env: CRM_SECRET }
      timeoutMs: 2500
    identities: [email, user_id]
    collections:
      contacts:
        description: People in the CRM
        fields:
          email: { category: contact.email, description: Primary email }
          notes: { category: other }
`;

describe('parseDataMap', () => {
  it('normalizes a webhook system and accepts plain http on localhost', () => {
    const crm: WebhookSystem = system(parseDataMap(WEBHOOK, 'crm.yaml'), 'crm', 'webhook');
    expect(crm).toEqual({
      key: 'crm',
      kind: 'webhook',
      title: 'CRM',
      purposes: [],
      recipients: [],
      concurrency: 2,
      connection: {
        url: { value: 'http://localhost:4000/privacy' },
        secret: { env: 'CRM_SECRET' },
        timeoutMs: 2500,
        callbackDeadlineHours: 72,
      },
      identities: [
        { kind: 'identity', identity: 'email' },
        { kind: 'identity', identity: 'user_id' },
      ],
      // Marketing only unless the map says the provider is a partner we sell or share with.
      optOuts: ['marketing'],
      collections: [
        {
          kind: 'webhook',
          name: 'contacts',
          description: 'People in the CRM',
          fields: [
            {
              name: 'email',
              category: 'contact.email',
              description: 'Primary email',
              rectifiable: false,
              secret: false,
              erasure: { action: 'keep', reason: 'handled by the provider' },
            },
            {
              name: 'notes',
              category: 'other',
              rectifiable: false,
              secret: false,
              erasure: { action: 'keep', reason: 'handled by the provider' },
            },
          ],
          retention: [],
        },
      ],
    });
  });

  it('reports every problem at once, in file order, one line each', () => {
    const text = WEBHOOK.replace('title: CRM', 'title: ""')
      .replace('timeoutMs: 2500', 'timeoutMs: fast')
      .replace('category: other', 'category: notes');
    const error = rejection(() => parseDataMap(text, 'crm.yaml'));
    expect(error.issues.map((issue) => [issue.line, issue.column, issue.path])).toEqual([
      [5, 5, 'systems.crm.title'],
      [9, 7, 'systems.crm.connection.timeoutMs'],
      [16, 20, 'systems.crm.collections.contacts.fields.notes.category'],
    ]);
    expect(error.message).toBe(
      [
        'crm.yaml: 3 problems in the data map',
        'crm.yaml:5:5 systems.crm.title: must not be empty',
        'crm.yaml:9:7 systems.crm.connection.timeoutMs: must be a number, not a string',
        'crm.yaml:16:20 systems.crm.collections.contacts.fields.notes.category: unknown data category "notes"; see the category table in docs/data-map.md',
      ].join('\n'),
    );
  });

  it('accepts the worked example of docs/data-map.md', async () => {
    const docs = await readFile(DOCS, 'utf8');
    const example = /## Worked example[\s\S]*?```yaml\n([\s\S]*?)```/.exec(docs)?.[1];
    expect(example).toBeDefined();
    const map = parseDataMap(example!, 'docs/data-map.md');
    expect(map.systems.map((entry) => entry.kind)).toEqual(['postgres', 's3', 'suppression']);
    expect(system(map, 'shop', 'postgres').eraseOrder).toEqual(['orders', 'customers']);
  });

  it('resolves anchors and merge keys, and places problems inside them', () => {
    const text = `version: 1
systems:
  shop:
    kind: postgres
    title: Shop
    connection: { url: { env: SHOP_URL } }
    collections:
      users:
        table: users
        identity: { field: email, kind: email }
        fields:
          email: &email { category: contact.email, erasure: hash }
          backup_email: { <<: *email, rectifiable: true }
          id: { category: acount.id, erasure: delete_row }
`;
    const error = rejection(() => parseDataMap(text, 'shop.yaml'));
    expect(formatDataMapIssues(error.issues)).toBe(
      'shop.yaml:14:17 systems.shop.collections.users.fields.id.category: unknown data category "acount.id" (did you mean "account.id"?); see the category table in docs/data-map.md',
    );
    const fixed = parseDataMap(text.replace('acount.id', 'account.id'), 'shop.yaml');
    const users = system(fixed, 'shop', 'postgres').collections[0];
    expect(users.fields.find((field) => field.name === 'backup_email')).toEqual({
      name: 'backup_email',
      category: 'contact.email',
      rectifiable: true,
      secret: false,
      erasure: { action: 'hash' },
    });
  });

  it('never repeats an inline password in its message', () => {
    const text = `version: 1
systems:
  shop:
    kind: postgres
    title: Shop
    connection: { url: "postgresql://shop:correct-horse@db/shop" }
    collections:
      users:
        table: users
        identity: { field: id, kind: user_id }
        fields:
          id: { category: account.id, erasure: delete_row }
`;
    const error = rejection(() => parseDataMap(text, 'shop.yaml'));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0].path).toBe('systems.shop.connection.url');
    expect(error.message).not.toContain('correct-horse');
  });
});

describe('loadDataMap', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'datamap-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reports a missing file as a problem at line 0', async () => {
    const path = join(dir, 'missing.yaml');
    await expect(loadDataMap(path)).rejects.toMatchObject({
      issues: [{ file: path, line: 0, column: 0, path: '', message: 'file not found' }],
    });
    await expect(loadDataMap(path)).rejects.toBeInstanceOf(DataMapError);
  });

  it('rejects bytes that are not UTF-8', async () => {
    const path = join(dir, 'latin1.yaml');
    await writeFile(path, Buffer.from([0x76, 0x65, 0x72, 0x3a, 0x20, 0xe9, 0x0a]));
    await expect(loadDataMap(path)).rejects.toMatchObject({
      issues: [{ line: 0, message: 'the file is not valid UTF-8' }],
    });
  });

  it('names the file it read in every problem', async () => {
    const path = join(dir, 'bad.yaml');
    await writeFile(path, 'version: 1\nsystems: {}\n');
    await expect(loadDataMap(path)).rejects.toMatchObject({
      issues: [
        { file: path, line: 2, column: 1, path: 'systems', message: 'must declare at least one system' },
      ],
    });
  });
});

describe('resolveConfigValue', () => {
  it('returns inline values and set variables', () => {
    expect(resolveConfigValue({ value: 'https://crm.example.com' }, {})).toBe('https://crm.example.com');
    expect(resolveConfigValue({ env: 'CRM_SECRET' }, { CRM_SECRET: 's' })).toBe('s');
  });

  it('names the variable that is unset or empty', () => {
    expect(() => resolveConfigValue({ env: 'CRM_SECRET' }, {})).toThrow(
      'environment variable CRM_SECRET is not set',
    );
    expect(() => resolveConfigValue({ env: 'CRM_SECRET' }, { CRM_SECRET: '' })).toThrow('CRM_SECRET');
  });
});
