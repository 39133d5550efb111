import { randomUUID } from 'node:crypto';
import type { Browser, Locator, Page } from 'playwright-core';
import { eventually, launchBrowser, screenshot } from '@rightsdesk/testing';
import { type Credentials, expectClean, signedIn } from './web-console-fixtures';
import { startWebStack, type WebStack } from './web-stack';

const DAY = 86_400_000;
// Schedules that do not fire during the test (1 January, 03:00): every run here is started by hand.
const NEVER = '0 3 1 1 *';
const STATUSES = ['Running', 'Paused', 'Completed', 'Cancelled', 'Failed', 'Stopped by legal hold'];
const HOLD_REASON = 'Litigation hold, case 2026-17';

async function attributes(rows: Locator, name: string): Promise<Array<string | null>> {
  return Promise.all((await rows.all()).map((row) => row.getAttribute(name)));
}

// The console's Retention page in a real browser against the built api and worker, with the demo
// page-view rules in the data map next to Rightsdesk's own: the rules, the dry run's counts, a
// manual run, a legal hold placed and lifted, paging through runs, and what an auditor sees.
describe('web console: retention', () => {
  let stack: WebStack;
  let browser: Browser;
  let admin: Credentials;
  let auditor: Credentials;
  const seededRuns: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    stack = await startWebStack({ pageViewRetention: { anonymizeCron: NEVER, deleteCron: NEVER } });
    admin = await stack.officer('admin', 'ada.retention@privacy.example', 'Ada Admin');
    auditor = await stack.officer('auditor', 'audrey.retention@privacy.example', 'Audrey Auditor');
    // Seven page views past the 30 days of the anonymize rule, three more past the 120 days of the
    // delete rule (those are due for anonymizing too); the seeded ones are from today.
    await stack.shop(
      `INSERT INTO page_views (customer_id, page, ip, viewed_at)
       SELECT (SELECT min(id) FROM customers), '/old/' || g, '10.1.2.3', now() - CASE WHEN g <= 3 THEN interval '200 days' ELSE interval '40 days' END
         FROM generate_series(1, 10) g`,
    );
    // 25 finished runs of one rule, a day apart, for paging through the record.
    for (let i = 0; i < 25; i += 1) {
      const id = randomUUID();
      const started = new Date(Date.now() - (i + 2) * DAY);
      await stack.db(
        `INSERT INTO retention_run (id, rule_id, trigger, status, as_of, rows_affected, batches, started_at, finished_at, updated_at)
         VALUES ($1, 'rightsdesk.officer_sessions', 'schedule', 'completed', $2, $3, 1, $2, $4, $4)`,
        [id, started.toISOString(), i, new Date(started.getTime() + 1000).toISOString()],
      );
      seededRuns.push(id);
    }
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const ruleRow = (page: Page, id: string) => page.locator(`.retention-rules-table tr[data-rule="${id}"]`);

  it('shows every rule with its source, schedule and hold, and the dry run counts what is due', async () => {
    const watched = await signedIn(browser, stack, admin, '/console/retention');
    const { page } = watched;
    await page.getByRole('heading', { level: 1, name: 'Retention' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Console' });
    await eventually(() => nav.getByRole('link', { name: 'Retention' }).getAttribute('aria-current'), (seen) => expect(seen).toBe('page'));

    await page.locator('.retention-rules-table').waitFor();
    const ids = await attributes(page.locator('.retention-rules-table tbody tr'), 'data-rule');
    expect(ids).toEqual(expect.arrayContaining(['shop.page_views.anonymize', 'shop.page_views.delete', 'rightsdesk.request_records', 'rightsdesk.unverified_requests']));
    const anonymize = ruleRow(page, 'shop.page_views.anonymize');
    await eventually(() => anonymize.locator('td').nth(0).textContent(), (seen) => expect(seen).toMatch(/^Anonymizes after 30 days/));
    await eventually(() => anonymize.locator('td').nth(1).textContent(), (seen) => expect(seen).toBe('Data map'));
    await eventually(() => anonymize.locator('td').nth(2).textContent(), (seen) => expect(seen).toContain(`${NEVER} (UTC)`));
    await eventually(() => anonymize.locator('td').nth(3).textContent(), (seen) => expect(seen).toBe('None'));
    await eventually(() => anonymize.locator('td').nth(4).textContent(), (seen) => expect(seen).toBe('Never run'));
    await eventually(() => ruleRow(page, 'rightsdesk.request_records').locator('td').nth(1).textContent(), (seen) => expect(seen).toBe('Rightsdesk'));
    await expectClean(watched);
    await screenshot(page, 'console-retention');

    await page.getByRole('button', { name: 'Check what is due now' }).click();
    await page.locator('.retention-plan-table').waitFor();
    const due = (id: string) => page.locator(`.retention-plan-table tr[data-rule="${id}"] .retention-due`);
    await eventually(() => due('shop.page_views.anonymize').textContent(), (seen) => expect(seen).toBe('10'));
    await eventually(() => due('shop.page_views.delete').textContent(), (seen) => expect(seen).toBe('3'));
    const [{ ids: oldest }] = await stack.shop<{ ids: string[] }>(`SELECT array_agg(id::text ORDER BY id) AS ids FROM page_views WHERE viewed_at < now() - interval '120 days'`);
    await eventually(
      () => page.locator('.retention-plan-table tr[data-rule="shop.page_views.delete"] li code').allTextContents(),
      (seen) => expect(seen).toEqual(oldest),
    );
    await eventually(() => page.locator('.retention-plan-summary').textContent(), (seen) => expect(seen).toMatch(new RegExp(`^Checked ${ids.length} rules as of .*: \\d+ due in all\\.$`)));
    // A dry run changes nothing.
    const [{ count }] = await stack.shop<{ count: number }>(`SELECT count(*)::int AS count FROM page_views WHERE viewed_at < now() - interval '120 days'`);
    expect(count).toBe(3);
    await expectClean(watched);
    await screenshot(page, 'console-retention-dry-run');
  }, 90_000);

  it('runs a rule now, places a legal hold that stops it, and lifts the hold after confirmation', async () => {
    const watched = await signedIn(browser, stack, admin, '/console/retention');
    const { page } = watched;
    await page.locator('.retention-rules-table').waitFor();

    await page.getByRole('button', { name: 'Run now for shop.page_views.anonymize' }).click();
    await page.locator('.retention-outcome', { hasText: 'A run of shop.page_views.anonymize has started.' }).waitFor();
    const [run] = await stack.db<{ id: string; trigger: string }>(`SELECT id, trigger FROM retention_run WHERE rule_id = 'shop.page_views.anonymize'`);
    expect(run.trigger).toBe('manual');
    const runRow = page.locator(`.retention-runs-table tr[data-run="${run.id}"]`);
    await eventually(() => runRow.locator('.retention-run-status').textContent(), (seen) => expect(STATUSES).toContain(seen));
    await eventually(() => runRow.locator('td').nth(1).textContent(), (seen) => expect(seen).toBe('Admin (run now)'));
    await eventually(() => ruleRow(page, 'shop.page_views.anonymize').locator('.retention-latest-run .badge').textContent(), (seen) => expect(STATUSES).toContain(seen));

    // The hold needs a reason; the form says so before asking the api.
    const deleteRow = ruleRow(page, 'shop.page_views.delete');
    await page.getByRole('button', { name: 'Place legal hold for shop.page_views.delete' }).click();
    const dialog = page.locator('dialog[open]');
    await dialog.getByRole('heading', { name: 'Place a legal hold on shop.page_views.delete' }).waitFor();
    await dialog.getByRole('button', { name: 'Place legal hold' }).click();
    await dialog.locator('.error-summary', { hasText: 'Enter the reason for the hold.' }).waitFor();
    await eventually(() => dialog.getByLabel('Reason').getAttribute('aria-invalid'), (seen) => expect(seen).toBe('true'));
    await dialog.getByLabel('Reason').fill(HOLD_REASON);
    await expectClean(watched);
    await screenshot(page, 'console-retention-hold-dialog');
    await dialog.getByRole('button', { name: 'Place legal hold' }).click();
    await page.locator('.retention-outcome', { hasText: 'shop.page_views.delete is under legal hold.' }).waitFor();
    await eventually(() => deleteRow.locator('.retention-hold').textContent(), (seen) => expect(seen).toMatch(new RegExp(`^Held${HOLD_REASON}Placed in the console on `)));
    const runHeld = page.getByRole('button', { name: 'Run now for shop.page_views.delete' });
    await eventually(() => runHeld.isDisabled(), (seen) => expect(seen).toBe(true));
    expect(await page.getByRole('button', { name: 'Place legal hold for shop.page_views.delete' }).count()).toBe(0);
    await expectClean(watched);
    await screenshot(page, 'console-retention-held');

    // The api refuses a manual start of the held rule, whatever the page shows.
    const csrf = (await page.context().cookies()).find((cookie) => cookie.name === 'rd_csrf')?.value ?? '';
    const refused = await page.request.post('/api/v1/console/retention/rules/shop.page_views.delete/runs', { headers: { 'x-csrf-token': csrf } });
    expect(refused.status()).toBe(409);
    expect(((await refused.json()) as { code: string }).code).toBe('legal_hold');

    await page.getByRole('button', { name: 'Lift legal hold for shop.page_views.delete' }).click();
    await dialog.getByText(`The hold was placed because: “${HOLD_REASON}”.`).waitFor();
    await dialog.getByRole('button', { name: 'Lift legal hold' }).click();
    await page.locator('.retention-outcome', { hasText: 'The legal hold on shop.page_views.delete is lifted.' }).waitFor();
    await eventually(() => deleteRow.locator('.retention-hold').textContent(), (seen) => expect(seen).toBe('None'));
    await eventually(() => runHeld.isDisabled(), (seen) => expect(seen).toBe(false));
    const holds = await stack.db<{ rule_id: string }>('SELECT rule_id FROM retention_hold');
    expect(holds).toEqual([]);
    await expectClean(watched);
  }, 90_000);

  it('filters the runs by rule and loads older ones page by page', async () => {
    const watched = await signedIn(browser, stack, admin, '/console/retention');
    const { page } = watched;
    await page.locator('#retention-runs-rule').selectOption('rightsdesk.officer_sessions');
    await page.getByRole('button', { name: 'Show runs' }).click();
    await page.waitForURL((url) => url.searchParams.get('rule') === 'rightsdesk.officer_sessions');
    await page.locator('.retention-runs-table caption', { hasText: 'Runs of rightsdesk.officer_sessions, newest first' }).waitFor();
    const rows = page.locator('.retention-runs-table tbody tr');
    await eventually(() => rows.count(), (seen) => expect(seen).toBe(20));
    await page.getByRole('button', { name: 'Load more runs' }).click();
    await page.getByText('All runs are shown.').waitFor();
    const shown = await attributes(rows, 'data-run');
    expect(shown).toEqual(expect.arrayContaining(seededRuns));
    expect(new Set(shown).size).toBe(shown.length);
    expect(await page.locator('.retention-runs-table tbody tr[data-rule]:not([data-rule="rightsdesk.officer_sessions"])').count()).toBe(0);
    await expectClean(watched);
  }, 60_000);

  it('says when a run is already active, and cancels a paused run after confirmation', async () => {
    // A paused run: no worker touches it (the reconciler takes over running runs only).
    const paused = randomUUID();
    const startedAt = new Date(Date.now() - 3600_000).toISOString();
    await stack.db(
      `INSERT INTO retention_run (id, rule_id, trigger, status, as_of, rows_affected, batches, cursor, started_at, updated_at)
       VALUES ($1, 'rightsdesk.request_uploads', 'manual', 'paused', $2, 4, 2, '42', $2, $2)`,
      [paused, startedAt],
    );
    const watched = await signedIn(browser, stack, admin, '/console/retention?rule=rightsdesk.request_uploads');
    const { page } = watched;
    await page.locator('.retention-rules-table').waitFor();
    await page.getByRole('button', { name: 'Run now for rightsdesk.request_uploads' }).click();
    await page.locator('.retention-outcome', { hasText: /^A run of rightsdesk\.request_uploads was already active \(Paused, started .+\), so no new one was started\.$/ }).waitFor();
    const [{ count }] = await stack.db<{ count: number }>(`SELECT count(*)::int AS count FROM retention_run WHERE rule_id = 'rightsdesk.request_uploads'`);
    expect(count).toBe(1);

    const row = page.locator(`.retention-runs-table tr[data-run="${paused}"]`);
    await eventually(() => row.locator('.retention-run-status').textContent(), (seen) => expect(seen).toBe('Paused'));
    await row.getByRole('button', { name: /^Resume of rightsdesk\.request_uploads/ }).waitFor();
    await row.getByRole('button', { name: /^Cancel run of rightsdesk\.request_uploads/ }).click();
    const dialog = page.locator('dialog[open]');
    await dialog.getByRole('heading', { name: 'Cancel the run of rightsdesk.request_uploads?' }).waitFor();
    await expectClean(watched);
    // Keeping it changes nothing.
    await dialog.getByRole('button', { name: 'Keep running' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await stack.db<{ status: string }>('SELECT status FROM retention_run WHERE id = $1', [paused]))[0].status).toBe('paused');
    await row.getByRole('button', { name: /^Cancel run of rightsdesk\.request_uploads/ }).click();
    await dialog.getByRole('button', { name: 'Cancel run' }).click();
    await page.locator('.retention-outcome', { hasText: 'The run of rightsdesk.request_uploads is cancelled.' }).waitFor();
    await eventually(() => row.locator('.retention-run-status').textContent(), (seen) => expect(seen).toBe('Cancelled'));
    expect(await row.getByRole('button').count()).toBe(0);
    expect((await stack.db<{ status: string }>('SELECT status FROM retention_run WHERE id = $1', [paused]))[0].status).toBe('cancelled');
    await expectClean(watched);
  }, 60_000);

  it('shows an auditor the rules, the dry run and the runs without any admin action', async () => {
    const watched = await signedIn(browser, stack, auditor, '/console/retention');
    const { page } = watched;
    await page.locator('.retention-rules-table').waitFor();
    await page.getByText('Only admins start runs and place legal holds.').waitFor();
    await eventually(() => page.locator('.retention-rules-table thead th').allTextContents(), (seen) => expect(seen).not.toContain('Actions'));
    await page.getByRole('button', { name: 'Check what is due now' }).click();
    await page.locator('.retention-plan-table').waitFor();
    await page.locator('.retention-runs-table').waitFor();
    for (const name of [/^Run now/, /^Place legal hold/, /^Lift legal hold/, /^Pause/, /^Resume/, /^Cancel run/]) {
      expect(await page.getByRole('button', { name }).count()).toBe(0);
    }
    await expectClean(watched);
    await screenshot(page, 'console-retention-auditor');

    // Every role has the menu entry.
    const officer = await stack.officer('officer', 'otto.retention@privacy.example', 'Otto Officer');
    const officerPage = await signedIn(browser, stack, officer, '/console/requests');
    await officerPage.page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Retention' }).click();
    await officerPage.page.getByRole('heading', { level: 1, name: 'Retention' }).waitFor();
    await officerPage.page.locator('.retention-rules-table').waitFor();
    expect(await officerPage.page.getByRole('button', { name: /^Run now/ }).count()).toBe(0);
    expect(officerPage.problems()).toEqual([]);
  }, 90_000);

  it('speaks German', async () => {
    const watched = await signedIn(browser, stack, admin, '/console/retention');
    const { page } = watched;
    await page.locator('.retention-rules-table').waitFor();
    await page.getByLabel('Language').selectOption('de');
    await page.getByRole('heading', { level: 1, name: 'Aufbewahrung' }).waitFor();
    await page.getByRole('navigation', { name: 'Konsole' }).getByRole('link', { name: 'Aufbewahrung' }).waitFor();
    await eventually(() => ruleRow(page, 'shop.page_views.delete').locator('td').nth(0).textContent(), (seen) => expect(seen).toMatch(/^Löscht \(Frist: 120 Tage\)/));
    await page.getByRole('button', { name: 'Jetzt ausführen für shop.page_views.delete' }).waitFor();
    await expectClean(watched);
  }, 60_000);
});
