import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startApi, type ApiHarness } from './api-harness';
import { anOfficer, signIn } from './console-harness';

// Every connection secret the map holds, inline or by variable: none may reach the console.
const SECRETS = ['hunter2-inline', 'db.internal', 'url-secret-123', 'crm.example.com', 'shop-avatars-bucket', 'RDTEST_DATAMAP_', 'env-value-s3-secret', 'env-value-hook'];

const DATA_MAP = `version: 1
systems:
  shop:
    kind: postgres
    title: Shop database
    description: Customers and their orders
    connection:
      url: postgres://shop@db.internal:5432/shop?application_name=hunter2-inline
    purposes: [Providing the service]
    recipients: [Hosting provider]
    collections:
      customers:
        table: customers
        primaryKey: id
        identity: { field: email, kind: email, index: customers_email_idx }
        erasure: delete_row
        fields:
          id: { category: account.id }
          email: { category: contact.email, rectifiable: true }
          password_hash: { category: account.credentials, secret: true }
          marketing_opt_in: { category: marketing.consent }
        optOut:
          set: { marketing_opt_in: false }
        retention: { field: last_login_at, period: P3Y, action: delete, condition: { field: created_at, olderThan: P5Y }, legalHold: true }
        children: { birthDate: birth_date, under: 16, schedule: { cron: "0 4 * * *" } }
      orders:
        table: orders
        primaryKey: id
        reference: { field: customer_id, to: customers.id }
        fields:
          customer_id: { category: account.id, erasure: set_null }
          shipping_address: { category: contact.address, erasure: { replace: "[erased]" } }
          total_cents: { category: activity.purchase, erasure: { keep: "tax law" } }
      page_views:
        table: page_views
        primaryKey: id
        reference: { field: customer_id, to: customers.id }
        erasure: delete_row
        fields:
          customer_id: { category: account.id }
          ip: { category: device.ip }
        retention:
          - field: viewed_at
            period: P30D
            action: anonymize
            anonymize: { ip: anonymize_ip }
            schedule: { cron: "0 3 * * *", timezone: UTC }
          - name: purge
            field: viewed_at
            period: P120D
            action: delete
  avatars:
    kind: s3
    title: Profile pictures
    connection:
      bucket: shop-avatars-bucket
      endpoint: { env: RDTEST_DATAMAP_S3_ENDPOINT }
      accessKeyId: { env: RDTEST_DATAMAP_S3_KEY }
      secretAccessKey: { env: RDTEST_DATAMAP_S3_SECRET }
      forcePathStyle: true
    collections:
      avatars:
        keyTemplate: "avatars/{shop.customers.id}/"
        category: content.media
  crm:
    kind: webhook
    title: CRM
    connection:
      url: https://crm.example.com/privacy?token=url-secret-123
      secret: { env: RDTEST_DATAMAP_HOOK_SECRET }
    identities: [email, shop.customers.id]
    collections:
      contacts:
        fields:
          email: { category: contact.email }
  suppression:
    kind: suppression
    title: Marketing suppression list
`;

describe('console data map', () => {
  let dir: string;
  let h: ApiHarness;
  let none: ApiHarness;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'rightsdesk-datamap-view-'));
    const file = path.join(dir, 'datamap.yaml');
    await writeFile(file, DATA_MAP);
    process.env.RDTEST_DATAMAP_S3_ENDPOINT = 'http://127.0.0.1:1';
    process.env.RDTEST_DATAMAP_S3_KEY = 'env-value-s3-key';
    process.env.RDTEST_DATAMAP_S3_SECRET = 'env-value-s3-secret';
    process.env.RDTEST_DATAMAP_HOOK_SECRET = 'env-value-hook';
    [h, none] = await Promise.all([startApi({ DATAMAP_PATH: file, PACKAGE_DIR: path.join(dir, 'packages') }), startApi()]);
  });

  afterAll(async () => {
    await Promise.all([h?.close(), none?.close()]);
    await rm(dir, { recursive: true, force: true });
    for (const name of ['S3_ENDPOINT', 'S3_KEY', 'S3_SECRET', 'HOOK_SECRET']) {
      delete process.env[`RDTEST_DATAMAP_${name}`];
    }
  });

  it('shows systems, collections, fields, lookups, opt-outs, retention rules and children checks as declared, to every role', async () => {
    const session = await signIn(h, await anOfficer(h, 'auditor'));
    const response = await session.get('/api/v1/console/data-map');
    expect(response.statusCode).toBe(200);
    const body = response.json<{ sha256: string; systems: Array<Record<string, unknown> & { collections: Array<Record<string, unknown>> }> }>();
    expect(body.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(body.systems.map((s) => [s.key, s.title, s.kind])).toEqual([
      ['shop', 'Shop database', 'postgres'],
      ['avatars', 'Profile pictures', 's3'],
      ['crm', 'CRM', 'webhook'],
      ['suppression', 'Marketing suppression list', 'suppression'],
    ]);
    const [shop, avatars, crm, suppression] = body.systems;
    expect(shop).toMatchObject({ description: 'Customers and their orders', purposes: ['Providing the service'], recipients: ['Hosting provider'], eraseOrder: ['orders', 'page_views', 'customers'] });
    expect(shop.collections[0]).toEqual({
      name: 'customers',
      description: null,
      table: 'public.customers',
      category: null,
      subject: { by: 'identity', identities: [{ field: 'email', kind: 'email' }], reference: null, keyTemplate: null },
      fields: [
        { name: 'id', category: 'account.id', description: null, rectifiable: false, secret: false, erasure: { action: 'delete_row', value: null, reason: null } },
        { name: 'email', category: 'contact.email', description: null, rectifiable: true, secret: false, erasure: { action: 'delete_row', value: null, reason: null } },
        { name: 'password_hash', category: 'account.credentials', description: null, rectifiable: false, secret: true, erasure: { action: 'delete_row', value: null, reason: null } },
        { name: 'marketing_opt_in', category: 'marketing.consent', description: null, rectifiable: false, secret: false, erasure: { action: 'delete_row', value: null, reason: null } },
      ],
      optOut: [{ field: 'marketing_opt_in', value: false }],
      retention: [
        {
          id: 'shop.customers.delete',
          name: 'delete',
          field: 'last_login_at',
          period: 'P3Y',
          action: 'delete',
          anonymize: [],
          condition: { field: 'created_at', olderThan: 'P5Y' },
          legalHold: true,
          schedule: null,
        },
      ],
      children: { id: 'shop.customers.children', birthDate: 'birth_date', under: 16, schedule: { cron: '0 4 * * *', timezone: 'UTC' } },
    });
    expect(shop.collections[1]).toMatchObject({
      subject: { by: 'reference', reference: { field: 'customer_id', collection: 'customers', toField: 'id' } },
      fields: [
        { name: 'customer_id', erasure: { action: 'set_null' } },
        { name: 'shipping_address', erasure: { action: 'replace', value: '[erased]', reason: null } },
        { name: 'total_cents', erasure: { action: 'keep', value: null, reason: 'tax law' } },
      ],
    });
    expect(shop.collections[1]).toMatchObject({ retention: [], children: null });
    expect(shop.collections[2].retention).toEqual([
      {
        id: 'shop.page_views.anonymize',
        name: 'anonymize',
        field: 'viewed_at',
        period: 'P30D',
        action: 'anonymize',
        anonymize: [{ field: 'ip', erasure: { action: 'anonymize_ip', value: null, reason: null } }],
        condition: null,
        legalHold: false,
        schedule: { cron: '0 3 * * *', timezone: 'UTC' },
      },
      {
        id: 'shop.page_views.purge',
        name: 'purge',
        field: 'viewed_at',
        period: 'P120D',
        action: 'delete',
        anonymize: [],
        condition: null,
        legalHold: false,
        schedule: null,
      },
    ]);
    expect(avatars.collections[0]).toMatchObject({ name: 'avatars', category: 'content.media', table: null, subject: { by: 'key_template', keyTemplate: 'avatars/{shop.customers.id}/' }, retention: [], children: null });
    expect(crm.collections[0]).toMatchObject({
      subject: { by: 'provider', identities: [{ field: null, kind: 'email' }, { field: null, kind: 'shop.customers.id' }] },
      fields: [{ name: 'email', erasure: { action: 'keep' } }],
    });
    expect(suppression.collections[0]).toMatchObject({ name: 'suppressed_emails', subject: { by: 'suppression' }, fields: [{ name: 'email_sha256', category: 'marketing.consent' }] });
  });

  it('never shows connection strings, credentials, secret URLs or environment variables', async () => {
    const session = await signIn(h, await anOfficer(h, 'officer'));
    const text = (await session.get('/api/v1/console/data-map')).body;
    for (const secret of SECRETS) {
      expect([secret, text.includes(secret)]).toEqual([secret, false]);
    }
    expect(text).not.toMatch(/connection|postgres:\/\/|https?:\/\//i);
  });

  it('answers 409 no_data_map when none is configured', async () => {
    const session = await signIn(none, await anOfficer(none, 'admin'));
    const response = await session.get('/api/v1/console/data-map');
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'no_data_map' });
  });
});
