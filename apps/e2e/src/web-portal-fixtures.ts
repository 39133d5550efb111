import type { ParsedMail } from 'mailparser';
import type { Page } from 'playwright-core';
import { seriousAccessibilityViolations, type WatchedPage } from '@rightsdesk/testing';
import type { WebStack } from './web-stack';

/** The link in an email whose path is `path` (the emails link to the privacy center's pages). */
export function linkIn(mail: ParsedMail, path: string): URL {
  const found = (mail.text ?? '').match(/https?:\/\/\S+/g)?.map((href) => new URL(href)).find((url) => url.pathname === path);
  if (!found) {
    throw new Error(`no ${path} link in "${mail.subject ?? ''}"`);
  }
  return found;
}

/** The newest email to `address` whose subject matches, once it has arrived. */
export function emailTo(stack: WebStack, address: string, subject: RegExp): Promise<ParsedMail> {
  return stack.sink.waitForMessage((m) => JSON.stringify(m.to ?? '').includes(address) && subject.test(m.subject ?? ''), 30_000);
}

/** Every page of the privacy center: no serious axe violation, no CSP violation, no script error. */
export async function expectCleanPage(watched: WatchedPage): Promise<void> {
  expect(await seriousAccessibilityViolations(watched.page)).toEqual([]);
  expect(watched.problems()).toEqual([]);
}

/** Whether the page scrolls sideways: at phone width nothing may stick out. */
export function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate<boolean>('document.documentElement.scrollWidth > window.innerWidth');
}

export interface ConsoleClient {
  post(path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }>;
  get(path: string): Promise<{ status: number; body: Record<string, unknown> }>;
}

/**
 * An officer signed in to the console API as a script would (the console UI is tested on its own):
 * the session cookie, and the CSRF token on every change.
 */
export async function signInOfficer(stack: WebStack, role: 'admin' | 'officer', email: string): Promise<ConsoleClient> {
  const account = await stack.officer(role, email, `Test ${role}`);
  const response = await fetch(`${stack.base}/api/v1/console/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: account.email, password: account.password }),
  });
  if (response.status !== 200) {
    throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  }
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]);
  const csrf = cookies.find((cookie) => cookie.startsWith('rd_csrf='))?.slice('rd_csrf='.length) ?? '';
  const call = async (method: 'GET' | 'POST', path: string, body?: unknown) => {
    const answer = await fetch(`${stack.base}${path}`, {
      method,
      headers: { cookie: cookies.join('; '), ...(method === 'POST' ? { 'content-type': 'application/json', 'x-csrf-token': csrf } : {}) },
      body: method === 'POST' ? JSON.stringify(body ?? {}) : undefined,
    });
    return { status: answer.status, body: (await answer.json()) as Record<string, unknown> };
  };
  return { post: (path, body) => call('POST', path, body), get: (path) => call('GET', path) };
}

/** The request's id in the console, found by its reference as an officer searches for it. */
export async function requestIdOf(officer: ConsoleClient, reference: string): Promise<string> {
  const { body } = await officer.get(`/api/v1/console/requests?${new URLSearchParams({ q: reference }).toString()}`);
  const id = (body.items as Array<{ id: string; reference: string }> | undefined)?.find((item) => item.reference === reference)?.id;
  if (!id) {
    throw new Error(`request ${reference} not in the queue`);
  }
  return id;
}

/** A minimal PDF the server recognises by its content. */
export function aPdf(marker: string): Buffer {
  return Buffer.from(`%PDF-1.4\n% ${marker}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'latin1');
}
