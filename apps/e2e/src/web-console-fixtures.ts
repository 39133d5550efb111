import type { Browser, Page } from 'playwright-core';
import { openPage, seriousAccessibilityViolations, waitFor, type WatchedPage } from '@rightsdesk/testing';
import type { WebStack } from './web-stack';

export interface Credentials {
  email: string;
  password: string;
}

/** Files a request through the public JSON API and confirms it with the emailed token: it ends awaiting review. */
export async function fileVerified(stack: WebStack, body: Record<string, unknown>): Promise<{ id: string; reference: string }> {
  const filed = await fetch(`${stack.base}/api/v1/requests`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (filed.status !== 202) {
    throw new Error(`filing failed: ${filed.status} ${await filed.text()}`);
  }
  const { reference } = (await filed.json()) as { reference: string };
  const mail = await stack.sink.waitForMessage((m) => (m.subject ?? '').includes(reference) && (m.text ?? '').includes('/requests/verify'), 20_000);
  const link = new URL(/http:\/\/\S+\/requests\/verify\?\S+/.exec(mail.text ?? '')![0]);
  const confirmed = await fetch(`${stack.base}/api/v1/requests/${reference}/verification`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: link.searchParams.get('token') }),
  });
  if (confirmed.status !== 200) {
    throw new Error(`confirmation failed: ${confirmed.status} ${await confirmed.text()}`);
  }
  return { id: await idOf(stack, reference), reference };
}

export async function idOf(stack: WebStack, reference: string): Promise<string> {
  const [row] = await stack.db<{ id: string }>('SELECT id FROM privacy_request WHERE reference = $1', [reference]);
  return row.id;
}

/** A console session for calls a test makes around the browser (logging requests with past dates). */
export async function apiSession(stack: WebStack, who: Credentials): Promise<{ post(path: string, body: unknown): Promise<Response> }> {
  const signIn = await fetch(`${stack.base}/api/v1/console/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(who) });
  if (signIn.status !== 200) {
    throw new Error(`sign-in failed: ${signIn.status}`);
  }
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  return {
    post: (path, body) => fetch(`${stack.base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken }, body: JSON.stringify(body) }),
  };
}

/** YYYY-MM-DD, `days` from today (UTC), as the statutory clock counts. */
export function daysFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** A new browser context signed in through the sign-in page. */
export async function signedIn(browser: Browser, stack: WebStack, who: Credentials, path = '/console/requests', viewport?: { width: number; height: number }): Promise<WatchedPage> {
  const watched = await openPage(browser, stack.base, viewport ? { viewport } : {});
  const { page } = watched;
  await page.goto(path);
  await page.getByLabel('Email address').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('h1', { hasNotText: 'Sign in' }).waitFor();
  return watched;
}

/** No serious axe violation and no CSP violation or script error so far. */
export async function expectClean(watched: WatchedPage): Promise<void> {
  expect(await seriousAccessibilityViolations(watched.page)).toEqual([]);
  expect(watched.problems()).toEqual([]);
}

/** The references in the queue's table, once they are these (a new URL reloads the table). */
export async function rowsAre(page: Page, references: string[]): Promise<void> {
  let seen: string[] = [];
  await waitFor(
    `queue rows ${references.join(', ')}`,
    async () => {
      seen = await page.locator('tbody tr th a').allTextContents();
      return JSON.stringify(seen) === JSON.stringify(references);
    },
    10_000,
    () => `saw ${seen.join(', ')}`,
  );
}

/** A form control's value, once it is this (the form follows the URL after back and forward). */
export async function valueIs(page: Page, label: string, value: string): Promise<void> {
  let seen = '';
  await waitFor(
    `${label} = ${value}`,
    async () => {
      seen = await page.getByLabel(label, { exact: true }).inputValue();
      return seen === value;
    },
    10_000,
    () => `saw ${seen}`,
  );
}
