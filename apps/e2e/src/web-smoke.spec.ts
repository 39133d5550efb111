import type { Browser } from 'playwright-core';
import { eventually, launchBrowser, openPage, screenshot, seriousAccessibilityViolations } from '@rightsdesk/testing';
import { startWebStack, type WebStack } from './web-stack';

// The built app served by the built api: it renders, keeps the strict CSP, and passes axe.
describe('web app: served by the api under its Content-Security-Policy', () => {
  let stack: WebStack;
  let browser: Browser;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startWebStack(), launchBrowser()]);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('renders the privacy center with the company name, and the console, with no CSP violation', async () => {
    const { page, problems } = await openPage(browser, stack.base);
    const response = await page.goto('/requests/new');
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByRole('heading', { level: 1 }).waitFor();
    await eventually(() => page.locator('.brand-name').textContent(), (seen) => expect(seen).toContain('Rightsdesk Demo Company'));
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'smoke-home');

    await page.goto('/console');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(problems()).toEqual([]);
  }, 60_000);
});
