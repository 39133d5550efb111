import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { eventually, launchBrowser, openPage, screenshot, seriousAccessibilityViolations, type WatchedPage } from '@rightsdesk/testing';
import { startWebStack, type WebStack } from './web-stack';

const DAY = 86_400_000;

// RFC 6238 as an authenticator app computes it, written out here so the test checks the product's
// own implementation against an independent one (base32 secret, HMAC-SHA1, 30 s steps, 6 digits).
function base32Decode(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const char of text.replace(/\s/g, '')) {
    bits += alphabet.indexOf(char).toString(2).padStart(5, '0');
  }
  return Buffer.from((bits.match(/.{8}/g) ?? []).map((byte) => parseInt(byte, 2)));
}

function totpStep(at: Date): number {
  return Math.floor(at.getTime() / 30_000);
}

function totpCode(secret: Buffer, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', secret).update(counter).digest();
  const offset = mac[mac.length - 1] & 0xf;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

/** The Monday 00:00 UTC of the ISO week `weeksAgo` weeks before this one. */
function mondayUtc(weeksAgo: number): Date {
  const now = new Date();
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const sinceMonday = (new Date(today).getUTCDay() + 6) % 7;
  return new Date(today - sinceMonday * DAY - weeksAgo * 7 * DAY);
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

// The oversight and administration pages of the console in a real browser, against the product as
// `npm start` runs it: the audit trail and its chain, metrics and charts, the data map, officers,
// API keys, settings and the account's second factor; admin pages stay closed to other roles.
describe('web console: oversight and administration', () => {
  let stack: WebStack;
  let browser: Browser;
  let admin: { email: string; password: string };
  const watched: WatchedPage[] = [];

  async function signedIn(email: string, password: string, next: string): Promise<WatchedPage> {
    const opened = await openPage(browser, stack.base);
    watched.push(opened);
    const { page } = opened;
    await page.goto(`/console/sign-in?next=${encodeURIComponent(next)}`);
    await page.locator('#sign-in-email').fill(email);
    await page.locator('#sign-in-password').fill(password);
    await page.locator('form.sign-in-form button[type=submit]').click();
    await page.waitForURL((url) => url.pathname === next);
    return opened;
  }

  async function checked(opened: WatchedPage, name: string): Promise<void> {
    expect(await seriousAccessibilityViolations(opened.page)).toEqual([]);
    expect(opened.problems()).toEqual([]);
    await screenshot(opened.page, name);
  }

  /** A request row as the workflow leaves it; the figures read only type, status and dates. */
  async function seedRequest(values: { type: string; status: string; receivedAt: Date; dueOn: Date; closedAt?: Date }): Promise<void> {
    await stack.db(
      `INSERT INTO privacy_request (id, reference, type, status, regime, country, language, channel, email_lookup, personal_data,
         received_at, received_on, due_on, due_explanation, closed_at, version)
       VALUES ($1, $2, $3, $4, 'gdpr', 'DE', 'en', 'post', $5, $6, $7, $8, $9, 'seeded for the metrics test', $10, 1)`,
      [
        randomUUID(),
        `RD-${randomBytes(8).toString('hex').toUpperCase().match(/.{4}/g)?.join('-')}`,
        values.type,
        values.status,
        randomBytes(32),
        randomBytes(16),
        values.receivedAt.toISOString(),
        isoDate(values.receivedAt),
        isoDate(values.dueOn),
        values.closedAt?.toISOString() ?? null,
      ],
    );
  }

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startWebStack(), launchBrowser()]);
    admin = await stack.officer('admin', 'ada.admin@privacy.example', 'Ada Admin');
    // Three weeks ago: an access and two erasures, one closed two days later; five weeks ago an
    // opt-out closed the next day; ten weeks ago an access still open, overdue for six weeks.
    const w3 = mondayUtc(3);
    await seedRequest({ type: 'access', status: 'awaiting_review', receivedAt: new Date(w3.getTime() + DAY + 10 * 3600_000), dueOn: new Date(w3.getTime() + 40 * DAY) });
    await seedRequest({ type: 'erasure', status: 'completed', receivedAt: new Date(w3.getTime() + DAY), dueOn: new Date(w3.getTime() + 40 * DAY), closedAt: new Date(w3.getTime() + 3 * DAY) });
    await seedRequest({ type: 'erasure', status: 'awaiting_review', receivedAt: new Date(w3.getTime() + 2 * DAY), dueOn: new Date(w3.getTime() + 40 * DAY) });
    const w5 = mondayUtc(5);
    await seedRequest({ type: 'opt_out', status: 'completed', receivedAt: new Date(w5.getTime() + DAY), dueOn: new Date(w5.getTime() + 20 * DAY), closedAt: new Date(w5.getTime() + 2 * DAY) });
    await seedRequest({ type: 'access', status: 'awaiting_review', receivedAt: new Date(mondayUtc(10).getTime() + DAY), dueOn: new Date(mondayUtc(6).getTime() + DAY) });
  }, 120_000);

  afterAll(async () => {
    for (const { page } of watched) {
      await page.context().close();
    }
    await browser?.close();
    await stack?.stop();
  });

  it('shows the audit chain intact and filters the trail by request', async () => {
    const opened = await signedIn(admin.email, admin.password, '/console/audit');
    const { page } = opened;
    const filed = await page.request.post('/api/v1/requests', { data: { type: 'access', email: 'grace.audit@example.com', country: 'DE' } });
    expect(filed.status()).toBe(202);
    const { reference } = (await filed.json()) as { reference: string };
    const [request] = await stack.db<{ id: string }>('SELECT id FROM privacy_request WHERE reference = $1', [reference]);
    const [{ count }] = await stack.db<{ count: number }>('SELECT count(*)::int AS count FROM audit_event WHERE request_id = $1', [request.id]);

    await page.reload();
    await page.locator('.chain-intact').waitFor();
    await eventually(() => page.locator('.chain-intact').textContent(), (seen) => expect(seen).toMatch(/Audit chain intact.*\d+ events verified/));
    await page.locator('.audit-table').waitFor();

    await page.locator('#audit-request-id').fill(request.id);
    await page.getByRole('button', { name: 'Show events' }).click();
    await page.waitForURL((url) => url.searchParams.get('requestId') === request.id);
    await page.locator('.audit-table caption', { hasText: 'matching the filters' }).waitFor();
    const rows = page.locator('.audit-table tbody tr');
    // The caption follows the address at once; the rows follow when the filtered page arrives.
    await eventually(() => rows.count(), (seen) => expect(seen).toBe(count));
    await eventually(() => rows.first().locator('td').nth(2).textContent(), (seen) => expect(seen).toBe('Request received'));
    await eventually(() => rows.first().getByRole('link', { name: 'Open request' }).getAttribute('href'), (seen) => expect(seen).toBe(`/console/requests/${request.id}`));

    // A malformed id is caught by the form, with a summary and the field marked.
    await page.locator('#audit-request-id').fill('not-an-id');
    await page.getByRole('button', { name: 'Show events' }).click();
    await page.locator('.error-summary').waitFor();
    await eventually(() => page.locator('#audit-request-id').getAttribute('aria-invalid'), (seen) => expect(seen).toBe('true'));
    await page.locator('#audit-request-id').fill(request.id);
    await page.getByRole('button', { name: 'Show events' }).click();
    await page.locator('.error-summary').waitFor({ state: 'detached' });
    await checked(opened, 'console-audit');
  }, 90_000);

  it('renders the figures and three charts for the seeded weeks, and downloads the California CSV', async () => {
    const opened = await signedIn(admin.email, admin.password, '/console/metrics');
    const { page } = opened;
    await page.locator('#chart-received').waitFor();
    // 12 weeks by default; bars only for weeks with requests: three weeks ago (access + erasure,
    // two segments), five weeks ago (opt-out) and ten weeks ago (access), plus this week's filings.
    const thisWeek = await stack.db<{ count: number }>('SELECT count(*)::int AS count FROM privacy_request WHERE received_at >= $1', [mondayUtc(0).toISOString()]);
    const currentBars = thisWeek[0].count > 0 ? 1 : 0;
    expect(await page.locator('#chart-received .chart-bar').count()).toBe(3 + currentBars);
    expect(await page.locator('#chart-received .chart-segment').count()).toBe(4 + currentBars);
    await eventually(() => page.locator('#chart-received .chart-bar[data-index="8"] .chart-value').textContent(), (seen) => expect(seen).toBe('3'));
    // Median days to close: the erasure (2 days) and the opt-out (1 day) weeks.
    expect(await page.locator('#chart-median .chart-bar').count()).toBe(2);
    // Overdue at every week's end: a point for each of the 12 weeks.
    expect(await page.locator('#chart-overdue .chart-point').count()).toBe(12);
    await eventually(() => page.locator('#chart-received').getAttribute('role'), (seen) => expect(seen).toBe('img'));
    await eventually(() => page.locator('#chart-received desc').textContent(), (seen) => expect(seen).toContain('12 weeks'));
    await page.locator('summary', { hasText: 'Show the data' }).first().click();
    await page.locator('.chart-data table').first().waitFor();

    const year = String(new Date().getUTCFullYear());
    const link = page.getByRole('link', { name: `Download the California figures for ${year} (CSV)` });
    await eventually(() => link.getAttribute('href'), (seen) => expect(seen).toBe(`/api/v1/console/metrics/ccpa.csv?year=${year}`));
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(`ccpa-metrics-${year}.csv`);
    const csv = await readFile((await download.path()) ?? '', 'utf8');
    expect(csv.split('\n')[0]).toMatch(/^request_kind,received,/);
    await checked(opened, 'console-metrics');

    // A phone-sized screen: the charts scroll inside their box, nothing else overflows.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await screenshot(page, 'console-metrics-390');
  }, 90_000);

  it('lists the data map systems with their collections and plain category names', async () => {
    const opened = await signedIn(admin.email, admin.password, '/console/data-map');
    const { page } = opened;
    await page.getByRole('heading', { level: 2, name: 'Shop database' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Profile pictures' }).waitFor();
    await page.locator('table caption', { hasText: 'Fields of customers' }).waitFor();
    const email = page.locator('.fields-table tr', { has: page.locator('th code', { hasText: /^email$/ }) }).first();
    await eventually(() => email.locator('td').first().textContent(), (seen) => expect(seen).toBe('Email address'));
    expect(await page.content()).not.toMatch(/postgres:\/\/|S3RVER|RDWEB_/);
    await checked(opened, 'console-data-map');
  }, 60_000);

  it('lets an admin add an officer, who signs in with the password shown once; the last admin cannot be demoted', async () => {
    const opened = await signedIn(admin.email, admin.password, '/console/admin/officers');
    const { page } = opened;
    await page.locator('.officers-table').waitFor();
    await page.locator('#officer-name').fill('Grace Hopper');
    await page.locator('#officer-email').fill('grace.hopper@privacy.example');
    await page.locator('#officer-role').selectOption('officer');
    await page.getByRole('button', { name: 'Add officer' }).click();
    await page.getByText('Password for Grace Hopper', { exact: true }).waitFor();
    const password = (await page.locator('.shown-once-value code').textContent()) ?? '';
    expect(password.length).toBeGreaterThanOrEqual(12);
    await page.locator('tr[data-officer="grace.hopper@privacy.example"]').waitFor();

    // The only admin changing their own role is refused, and told why.
    await page.getByRole('button', { name: 'Change role for Ada Admin' }).click();
    await page.locator('dialog[open] #role-auditor').check();
    await page.locator('dialog[open] button[type=submit]').click();
    await page.getByText('This is the last active admin').waitFor();
    await checked(opened, 'console-officers');

    const grace = await signedIn('grace.hopper@privacy.example', password, '/console/requests');
    await grace.page.getByRole('heading', { level: 1 }).waitFor();
    expect(grace.problems()).toEqual([]);
  }, 90_000);

  it('creates an API key shown once and revokes it after confirmation', async () => {
    const opened = await signedIn(admin.email, admin.password, '/console/admin/api-keys');
    const { page } = opened;
    await page.locator('#api-key-name').fill('Newsletter mailer');
    await page.getByRole('button', { name: 'Create key' }).click();
    await page.locator('.error-summary', { hasText: 'Choose at least one scope' }).waitFor();
    await page.getByLabel(/Read the suppression list/).check();
    await page.getByRole('button', { name: 'Create key' }).click();
    await page.getByText('The key “Newsletter mailer”').waitFor();
    const key = (await page.locator('.shown-once-value code').textContent()) ?? '';
    expect(key).toMatch(/^rdk_[0-9a-f]+_/);
    const row = page.locator('tr[data-api-key="Newsletter mailer"]');
    await eventually(() => row.locator('td').nth(1).textContent(), (seen) => expect(seen).toContain('Read the suppression list'));
    await checked(opened, 'console-api-keys');
    const hash = createHash('sha256').update('probe@example.com').digest('hex');
    expect((await page.request.get(`/api/v1/suppressions/${hash}`, { headers: { authorization: `Bearer ${key}` } })).status()).toBe(200);

    await row.getByRole('button', { name: /Revoke/ }).click();
    await page.locator('dialog[open]').getByRole('button', { name: 'Revoke key' }).click();
    await page.getByText('The key “Newsletter mailer” is revoked.').waitFor();
    await row.getByText(/^Revoked/).waitFor();
    expect((await page.request.get(`/api/v1/suppressions/${hash}`, { headers: { authorization: `Bearer ${key}` } })).status()).toBe(401);
  }, 60_000);

  it('saves workflow settings and shows the api refusing auto-approval together with four eyes', async () => {
    const opened = await signedIn(admin.email, admin.password, '/console/admin/settings');
    const { page } = opened;
    await page.locator('#settings-autoApprove-opt_out').check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    await page.reload();
    await page.locator('#settings-autoApprove-opt_out').waitFor();
    await eventually(() => page.locator('#settings-autoApprove-opt_out').isChecked(), (seen) => expect(seen).toBe(true));
    await expect(page.locator('#settings-autoApprove-child_data_removal').isDisabled()).resolves.toBe(true);

    await page.locator('#settings-autoApprove-erasure').check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.locator('.error-summary', { hasText: 'cannot be both approved automatically and need four eyes: Erasure' }).waitFor();
    await eventually(() => page.locator('#settings-autoApprove-erasure').getAttribute('aria-invalid'), (seen) => expect(seen).toBe('true'));
    await checked(opened, 'console-settings');
  }, 60_000);

  it('sets up TOTP on the account page, after which sign-in asks for the code', async () => {
    const totpOfficer = await stack.officer('officer', 'totp.officer@privacy.example', 'Tom Totp');
    const opened = await signedIn(totpOfficer.email, totpOfficer.password, '/console/account');
    const { page } = opened;
    await page.getByRole('button', { name: 'Set up a second factor' }).click();
    const shown = (await page.locator('.shown-once-value code').first().textContent()) ?? '';
    expect(shown).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
    await eventually(() => page.locator('.shown-once-value.long code').textContent(), (seen) => expect(seen).toMatch(/^otpauth:\/\/totp\//));
    const secret = base32Decode(shown);
    await checked(opened, 'console-account-setup');
    const step = totpStep(new Date());
    await page.locator('#totp-code').fill(totpCode(secret, step));
    await page.getByRole('button', { name: 'Turn on the second factor' }).click();
    await page.getByText('Your second factor is on.').waitFor();
    await page.getByText('On: signing in asks for a code').waitFor();
    await checked(opened, 'console-account');

    const again = await openPage(browser, stack.base);
    watched.push(again);
    await again.page.goto('/console/sign-in?next=%2Fconsole%2Faccount');
    await again.page.locator('#sign-in-email').fill(totpOfficer.email);
    await again.page.locator('#sign-in-password').fill(totpOfficer.password);
    await again.page.locator('form.sign-in-form button[type=submit]').click();
    await again.page.locator('#sign-in-code').waitFor();
    // The confirming code's step is used up (no replay); the next step is within the allowed drift.
    await again.page.locator('#sign-in-code').fill(totpCode(secret, step + 1));
    await again.page.locator('form.sign-in-form button[type=submit]').click();
    await again.page.waitForURL((url) => url.pathname === '/console/account');
    await again.page.getByText('On: signing in asks for a code').waitFor();
    expect(again.problems()).toEqual([]);
  }, 90_000);

  it('hides the admin menu from auditors and officers, and answers admin addresses with not found', async () => {
    for (const role of ['auditor', 'officer'] as const) {
      const person = await stack.officer(role, `${role}.menu@privacy.example`, `Menu ${role}`);
      const opened = await signedIn(person.email, person.password, '/console/audit');
      const { page } = opened;
      const nav = page.getByRole('navigation', { name: 'Console' });
      await nav.getByRole('link', { name: 'Audit trail' }).waitFor();
      for (const name of ['Officers', 'API keys', 'Settings']) {
        expect(await nav.getByRole('link', { name }).count()).toBe(0);
      }
      for (const path of ['/console/admin/officers', '/console/admin/api-keys', '/console/admin/settings']) {
        await page.goto(path);
        await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
      }
      expect(opened.problems()).toEqual([]);
    }
  }, 90_000);
});
