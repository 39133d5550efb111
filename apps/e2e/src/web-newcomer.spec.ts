import { type ChildProcess, spawn } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { freePort } from '@rightsdesk/local-services';
import { eventually, launchBrowser, openPage, screenshot, seriousAccessibilityViolations, waitFor, type WatchedPage } from '@rightsdesk/testing';

const ROOT = path.resolve(__dirname, '../../..');
const ADA = 'ada.lovelace@example.com';

// The "done when", literally: `npm start` (the built start command, in a folder of its own
// instead of .rightsdesk/), then a newcomer in a browser who files a request, confirms it from the
// local mailbox, signs in to the console with the printed demo admin, approves it, sees it complete
// and downloads the data — reading nothing but the banner and the pages.
describe('a newcomer: npm start, file, confirm from the mailbox, approve in the console, download', () => {
  let workDir: string;
  let start: ChildProcess;
  let output = '';
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(os.tmpdir(), 'rightsdesk-newcomer-'));
    // The embedded PostgreSQL runs as the postgres user, which must be able to enter the folder.
    await chmod(workDir, 0o755);
    const [port, workerPort] = [await freePort(), await freePort()];
    start = spawn(process.execPath, [path.join(ROOT, 'dist/apps/cli/src/main.js'), 'start'], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', RIGHTSDESK_WORKDIR: path.join(workDir, 'work'), PORT: String(port), WORKER_HEALTH_PORT: String(workerPort) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    start.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    start.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    browser = await launchBrowser();
    await waitFor('the start banner', () => Promise.resolve(output.includes('Rightsdesk is running') || start.exitCode !== null), 120_000);
    if (!output.includes('Rightsdesk is running')) {
      throw new Error(`npm start did not come up:\n${output}`);
    }
    base = /App\s+(http:\/\/\S+)/.exec(output)?.[1] ?? '';
  }, 150_000);

  afterAll(async () => {
    await browser?.close();
    if (start && start.exitCode === null) {
      const exited = new Promise((resolve) => start.once('exit', resolve));
      start.kill('SIGINT');
      await exited;
    }
    await rm(workDir, { recursive: true, force: true });
  }, 60_000);

  async function clean(watched: WatchedPage, name: string): Promise<void> {
    expect([name, await seriousAccessibilityViolations(watched.page)]).toEqual([name, []]);
    expect([name, watched.problems()]).toEqual([name, []]);
    await screenshot(watched.page, `newcomer-${name}`);
  }

  /** Opens the newest email in the local mailbox whose subject matches, and answers its links. */
  async function openEmail(page: Page, subject: RegExp): Promise<void> {
    await waitFor(
      `an email "${subject.source}" in the mailbox`,
      async () => {
        await page.goto('/dev/mailbox');
        return (await page.getByRole('link', { name: subject }).count()) > 0;
      },
      60_000,
    );
    await page.getByRole('link', { name: subject }).first().click();
  }

  it('goes from the printed URL to the downloaded data', async () => {
    const admin = /Demo admin\s+(\S+@\S+)/.exec(output)?.[1];
    const password = /Password\s+(\S+)\s+\(shown only now/.exec(output)?.[1];
    expect(base).toMatch(/^http:\/\/localhost:\d+$/);
    expect(admin).toBe('admin@rightsdesk.localhost');
    expect(password).toMatch(/^\S{16,}$/);

    // The privacy center: "See your data" for Ada.
    const requester = await openPage(browser, base);
    const page = requester.page;
    await page.goto('/');
    await page.getByRole('link', { name: 'Ask to see your data' }).click();
    await page.getByLabel('Email address').fill(ADA);
    await page.getByLabel('Country you live in').selectOption('DE');
    await clean(requester, 'form');
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.getByRole('heading', { level: 1, name: /Check your email/ }).waitFor();
    const reference = /RD(-[0-9A-Z]{4}){4}/.exec((await page.locator('main').textContent()) ?? '')?.[0];
    expect(reference).toBeDefined();

    // The local mailbox (shown on the start banner) has the confirmation link.
    await openEmail(page, /Confirm your privacy request/);
    await page.getByRole('link', { name: /\/requests\/verify\?/ }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Confirm your privacy request' }).waitFor();
    await page.getByRole('button', { name: 'Confirm my request' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your privacy request', exact: true }).waitFor();
    const statusUrl = page.url();
    await eventually(() => page.locator('main').textContent(), (seen) => expect(seen).toContain(reference));
    await clean(requester, 'status-confirmed');

    // The console, with the demo admin the banner printed.
    const officer = await openPage(browser, base);
    const consolePage = officer.page;
    await consolePage.goto('/console');
    await consolePage.getByLabel('Email address').fill(admin ?? '');
    await consolePage.getByLabel('Password').fill(password ?? '');
    await consolePage.getByRole('button', { name: 'Sign in' }).click();
    await consolePage.getByRole('heading', { level: 1, name: 'Requests' }).waitFor();
    await consolePage.getByRole('link', { name: reference, exact: true }).click();
    await consolePage.getByRole('heading', { level: 1, name: `Request ${reference}` }).waitFor();
    await consolePage.getByRole('button', { name: 'Approve…' }).click();
    const dialog = consolePage.getByRole('dialog', { name: 'Approve this request?' });
    await clean(officer, 'approve-dialog');
    await dialog.getByRole('button', { name: /^Approve/ }).click();
    await consolePage.getByText(/^Approved\./).waitFor();

    let statusText = '';
    // Back on the status page: it completes (the worker exports Ada's data from the demo company).
    await waitFor(
      'the request to complete on the status page',
      async () => {
        await page.goto(statusUrl);
        await page.getByRole('heading', { level: 1, name: 'Your privacy request', exact: true }).waitFor();
        statusText = (await page.locator('main').textContent()) ?? '';
        return /Completed|Done|completed/.test((await page.locator('main').textContent()) ?? '');
      },
      90_000,
      () => `status page:\n${statusText}\nnpm start's output (last lines):\n${output.split('\n').slice(-40).join('\n')}`,
    );
    await clean(requester, 'status-completed');

    // The completion email's link: a page whose button downloads the ZIP.
    await openEmail(page, /Your data is ready/);
    await page.getByRole('link', { name: /\/requests\/download\?/ }).first().click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await clean(requester, 'download');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Download/ }).click()]);
    const file = path.join(workDir, 'ada.zip');
    await download.saveAs(file);
    const zip = await readFile(file);
    expect(zip.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(zip.includes(Buffer.from('index.html'))).toBe(true);
  }, 240_000);
});
