import { createHash } from 'node:crypto';
import { ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { AuditRepository, ExecutionRepository, SuppressionRepository } from '@rightsdesk/data-access';
import { withPostgresClient } from '@rightsdesk/local-services';
import { AccessPackageDelivery, ExecutionFinalizer, ExecutionService, PackageStore, SystemExecutor } from '@rightsdesk/workflow';
import { heldFor } from './execution/company-fixture';
import { type ExecutionHarness, startExecutionHarness } from './execution/execution-harness';
import { unzip } from './execution/unzip';

describe('execution engine: approved requests act on the company data map', () => {
  let h: ExecutionHarness;
  let customerIds: Record<string, string>;

  beforeAll(async () => {
    h = await startExecutionHarness({ env: { ACCESS_PACKAGE_MAX_DOWNLOADS: '2', LOG_LEVEL: process.env.RD_TEST_LOG_LEVEL ?? 'silent' } });
    await h.startWorker();
    customerIds = await withPostgresClient(h.companyUrl, async (client) => {
      const { rows } = await client.query<{ id: string; email: string }>('SELECT id::text, email FROM customers');
      return Object.fromEntries(rows.map((row) => [row.email, row.id]));
    });
    for (const [email, id] of Object.entries(customerIds)) {
      await h.bucket.client.send(
        new PutObjectCommand({ Bucket: h.bucket.name, Key: `avatars/${id}/avatar.png`, Body: Buffer.from(`png of ${email}`), ContentType: 'image/png' }),
      );
    }
  }, 60_000);

  afterAll(async () => {
    await h?.close();
  });

  const audit = (requestId: string) => h.worker().get(AuditRepository).findByRequest(requestId);
  const objectsUnder = async (prefix: string) =>
    (await h.bucket.client.send(new ListObjectsV2Command({ Bucket: h.bucket.name, Prefix: prefix }))).KeyCount ?? 0;

  it('access: builds an encrypted package with only the subject’s records, mails a limited link', async () => {
    const id = await h.fileVerified({ type: 'access', email: 'ada@example.com' });
    await h.approve(id);
    expect(await h.waitForStatus(id, ['completed', 'failed'])).toBe('completed');

    const mail = await h.sink.waitForMessage((m) => /download/i.test(m.text ?? '') && (m.text ?? '').includes('/requests/download?token='));
    const token = new URL(/https?:\/\/\S+\/requests\/download\?\S+/.exec(mail.text ?? '')![0]).searchParams.get('token')!;
    const delivery = h.worker().get(AccessPackageDelivery);
    const files = await unzip((await delivery.download(token)).stream);

    expect([...files.keys()]).toEqual(expect.arrayContaining(['index.html', 'shop/customers.json', 'shop/customers.csv', 'shop/orders.json']));
    expect(files.get('shop/customers.json')).toContain('ada@example.com');
    const everything = [...files.values()].join('\n');
    expect(everything).not.toContain('bob@example.com');
    expect(everything).not.toContain('+44 2');
    expect(everything).not.toContain('argon2$secret');
    expect(files.get(`avatars/files/avatars/${customerIds['ada@example.com']}/avatar.png`)).toBe('png of ada@example.com');
    expect([...files.keys()].some((name) => name.includes(`avatars/${customerIds['bob@example.com']}/`))).toBe(false);
    expect(files.get('index.html')).toContain('Shop database');

    // Limited downloads: the second works, the third is refused.
    await unzip((await delivery.download(token)).stream);
    await expect(delivery.download(token)).rejects.toMatchObject({ code: 'package_unavailable' });
    const actions = (await audit(id)).map((event) => event.action);
    expect(actions.filter((a) => a === 'access_package_downloaded')).toHaveLength(2);
    expect(actions).toEqual(expect.arrayContaining(['request_approved', 'execution_started', 'access_exported', 'request_completed']));
  });

  it('access: the package file is encrypted at rest and deleted when its link expires', async () => {
    const id = await h.fileVerified({ type: 'access', email: 'bob@example.com' });
    await h.approve(id);
    await h.waitForStatus(id, ['completed']);
    const store = h.worker().get(PackageStore);
    const delivery = h.worker().get(AccessPackageDelivery);
    h.clock.shiftMs = (h.config.execution.packageTtlDays * 24 + 1) * 3_600_000;
    try {
      expect(await delivery.expire()).toBeGreaterThanOrEqual(1);
    } finally {
      h.clock.shiftMs = 0;
    }
    const events = await audit(id);
    expect(events.map((e) => e.action)).toContain('access_package_deleted');
    const packageId = (events.find((e) => e.action === 'access_package_created')!.data as { packageId: string }).packageId;
    await expect(store.openPackage(id, packageId)).rejects.toThrow();
  });

  it('erasure: removes the subject everywhere in derived order, keeps the namesake, certifies per system', async () => {
    const adaId = customerIds['ada@example.com'];
    const id = await h.fileVerified({ type: 'erasure', email: 'ada@example.com' });
    await h.approve(id);
    expect(await h.waitForStatus(id, ['completed', 'failed'])).toBe('completed');

    expect(await heldFor(h.companyUrl, 'ada@example.com')).toEqual({ customers: 0, orders: 0, pageViews: 0, newsletter: 0 });
    expect(await heldFor(h.companyUrl, 'bob@example.com')).toEqual({ customers: 1, orders: 3, pageViews: 5, newsletter: 1 });
    const orphanOrders = await withPostgresClient(h.companyUrl, (c) =>
      c.query<{ n: number; kept: number }>(`SELECT count(*)::int AS n, count(*) FILTER (WHERE total_cents > 0)::int AS kept FROM orders WHERE customer_id IS NULL AND shipping_address = '[erased]'`),
    );
    expect(orphanOrders.rows[0]).toEqual({ n: 3, kept: 3 });
    const newsletter = await withPostgresClient(h.companyUrl, (c) => c.query<{ email: string }>(`SELECT email FROM newsletter WHERE email LIKE 'rdh1:%'`));
    expect(newsletter.rows).toHaveLength(1);
    expect(await objectsUnder(`avatars/${adaId}/`)).toBe(0);
    expect(await objectsUnder(`avatars/${customerIds['bob@example.com']}/`)).toBe(1);

    const certificates = (await audit(id)).filter((e) => e.action === 'erasure_certificate');
    expect(certificates.map((c) => (c.data as { system: string }).system).sort()).toEqual(['avatars', 'shop']);
    const shop = certificates.find((c) => (c.data as { system: string }).system === 'shop')!.data as {
      collections: Array<{ collection: string; found: number; changed: number }>;
      outcomeSha256: string;
    };
    expect(shop.outcomeSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(shop.collections).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ collection: 'customers', found: 1, changed: 1 }),
        expect.objectContaining({ collection: 'orders', found: 3, changed: 3 }),
        expect.objectContaining({ collection: 'page_views', found: 5, changed: 5 }),
      ]),
    );
    expect(JSON.stringify(certificates)).not.toContain('ada@example.com');
    const done = await h.sink.waitForMessage((m) => (m.to as { text: string }).text.includes('ada@example.com') && /is complete/.test(m.subject ?? ''));
    expect(done.text).toMatch(/deleted or anonymi[sz]ed/i);
  });

  it('a system job that runs again changes nothing and certifies nothing twice', async () => {
    const id = await h.fileVerified({ type: 'erasure', email: 'nobody-here@example.com' });
    await h.approve(id);
    await h.waitForStatus(id, ['completed']);
    const before = (await audit(id)).length;
    const run = (await h.worker().get(ExecutionRepository).findExecution(id))!.run;
    await h.worker().get(SystemExecutor).execute({ requestId: id, systemKey: 'shop', run }, 1);
    await h.worker().get(ExecutionFinalizer).finalize(id, run);
    expect((await audit(id)).length).toBe(before);
  });

  it('opt-out: suppression list, declared opt-out columns, nothing else', async () => {
    const id = await h.fileVerified({ type: 'opt_out', email: 'bob@example.com', details: { channels: ['email'] } });
    await h.approve(id);
    expect(await h.waitForStatus(id, ['completed', 'failed'])).toBe('completed');
    const digest = createHash('sha256').update('bob@example.com').digest();
    expect(await h.worker().get(SuppressionRepository).find(digest)).not.toBeNull();
    const flags = await withPostgresClient(h.companyUrl, (c) =>
      c.query<{ marketing_opt_in: boolean; subscribed: boolean; name: string }>(
        `SELECT c.marketing_opt_in, n.subscribed, c.name FROM customers c JOIN newsletter n ON n.email = c.email WHERE c.email = 'bob@example.com'`,
      ),
    );
    expect(flags.rows).toEqual([{ marketing_opt_in: false, subscribed: false, name: 'Same Name' }]);
  });

  it('rectification: changes only rectifiable fields named by the request; the audit keeps field names, not values', async () => {
    const id = await h.fileVerified({
      type: 'rectification',
      email: 'bob@example.com',
      details: { corrections: [{ field: 'phone', newValue: '+44 999' }, { field: 'password_hash', newValue: 'x' }], explanation: 'New number' },
    });
    await h.approve(id);
    expect(await h.waitForStatus(id, ['completed', 'failed'])).toBe('completed');
    const row = await withPostgresClient(h.companyUrl, (c) =>
      c.query<{ phone: string; password_hash: string }>(`SELECT phone, password_hash FROM customers WHERE email = 'bob@example.com'`),
    );
    expect(row.rows[0]).toEqual({ phone: '+44 999', password_hash: 'argon2$secret-bob' });
    const applied = (await audit(id)).find((e) => e.action === 'rectification_applied')!;
    expect(JSON.stringify(applied.data)).toContain('phone');
    expect(JSON.stringify(applied.data)).not.toContain('+44 999');
    expect((applied.data as { unmatchedCorrections?: number }).unmatchedCorrections).toBe(1);
  });

  it("child data removal: acts on the child's identities only, and only an officer may approve it", async () => {
    const id = await h.fileVerified({
      type: 'child_data_removal',
      email: 'parent@example.com',
      details: { child: { email: 'carol.child@example.com', name: 'Same Name' }, relationship: 'parent', childAge: 10 },
    });
    await expect(h.worker().get(ExecutionService).approve(id, { type: 'system', id: null })).rejects.toMatchObject({ code: 'forbidden' });
    await withPostgresClient(h.companyUrl, (c) =>
      c.query(`INSERT INTO customers (email, name, phone) VALUES ('carol.child@example.com', 'Same Name', '+44 3'), ('parent@example.com', 'Parent', '+44 4')`),
    );
    await h.approve(id);
    expect(await h.waitForStatus(id, ['completed', 'failed'])).toBe('completed');
    expect(await heldFor(h.companyUrl, 'carol.child@example.com')).toMatchObject({ customers: 0 });
    // Neither the parent who filed it nor a namesake of the child is touched.
    expect(await heldFor(h.companyUrl, 'parent@example.com')).toMatchObject({ customers: 1 });
    expect(await heldFor(h.companyUrl, 'bob@example.com')).toMatchObject({ customers: 1 });
  });
});
