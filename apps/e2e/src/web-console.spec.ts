import type { Browser, Page } from 'playwright-core';
import { computeDeadline, daysBetween } from '@rightsdesk/domain';
import { eventually, launchBrowser, openPage, screenshot, waitFor } from '@rightsdesk/testing';
import { apiSession, type Credentials, daysFromToday, expectClean, fileVerified, idOf, rowsAre, signedIn, valueIs } from './web-console-fixtures';
import { startWebStack, type WebStack } from './web-stack';

// The officers' console in a real browser against the built api and worker: sign-in, the queue
// with its URL state and due badges, a request's page and its actions (four eyes across two
// officers, a denial that emails the requester), bulk assignment, what an auditor sees, and a
// dialog used with the keyboard alone. Every page is checked with axe and for CSP violations.
describe('web console: the privacy team at work', () => {
  let stack: WebStack;
  let browser: Browser;
  let alice: Credentials;
  let bob: Credentials;
  let audrey: Credentials;
  const requests = {} as Record<'access' | 'erasure' | 'toDeny' | 'overdue' | 'soon', { id: string; reference: string }>;
  let overdueDays: number;

  beforeAll(async () => {
    // One at a time, so a stack that fails to start leaves no browser behind (afterAll closes what exists).
    browser = await launchBrowser();
    stack = await startWebStack();
    alice = await stack.officer('officer', 'alice@privacy.example', 'Alice Officer');
    bob = await stack.officer('officer', 'bob@privacy.example', 'Bob Officer');
    audrey = await stack.officer('auditor', 'audrey@privacy.example', 'Audrey Auditor');
    // customer-00N are in the company database (web-stack seeds five with orders, page views and avatars).
    requests.access = await fileVerified(stack, { type: 'access', email: 'customer-000@example.com', country: 'DE', name: 'Customer 0' });
    requests.erasure = await fileVerified(stack, { type: 'erasure', email: 'customer-001@example.com', country: 'FR' });
    requests.toDeny = await fileVerified(stack, { type: 'access', email: 'customer-002@example.com', country: 'GB' });
    // Letters that arrived weeks ago, logged with their real received dates: GDPR's month is over,
    // LGPD's 15 days nearly so.
    const session = await apiSession(stack, alice);
    const log = async (body: Record<string, unknown>) => {
      const response = await session.post('/api/v1/console/requests', { ...body, identityVerified: true });
      expect(response.status).toBe(201);
      const { reference } = (await response.json()) as { reference: string };
      return { id: await idOf(stack, reference), reference };
    };
    const lateReceived = daysFromToday(-40);
    requests.overdue = await log({ type: 'access', email: 'late@example.com', country: 'DE', channel: 'post', receivedOn: lateReceived });
    requests.soon = await log({ type: 'opt_out', email: 'soon@example.com', country: 'BR', channel: 'phone', receivedOn: daysFromToday(-12), details: { channels: ['email'] } });
    overdueDays = -daysBetween(daysFromToday(0), computeDeadline({ regime: 'gdpr', type: 'access', receivedOn: lateReceived, today: daysFromToday(0) }).dueOn);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const row = (page: Page, reference: string) => page.locator('tbody tr', { has: page.getByRole('link', { name: reference, exact: true }) });

  it('signs in: a wrong password is explained, the right one comes back to the page asked for', async () => {
    const watched = await openPage(browser, stack.base);
    const { page } = watched;
    await page.goto('/console/requests?tab=all');
    await page.getByRole('heading', { level: 1, name: 'Sign in to the privacy console' }).waitFor();
    await expectClean(watched);
    await screenshot(page, 'console-sign-in');

    await page.getByLabel('Email address').fill(alice.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    await eventually(() => summary.textContent(), (seen) => expect(seen).toContain('The email address or password is not right.'));
    // The summary takes focus so it is announced; its link leads to the field.
    await expect(page.evaluate('document.activeElement?.className')).resolves.toBe('error-summary');
    await expectClean(watched);

    await page.getByLabel('Password').fill(alice.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Requests' }).waitFor();
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/console/requests?tab=all');
    await expectClean(watched);
  }, 60_000);

  it('shows the queue with due badges, and keeps filters, search and sort in the URL through reload and back', async () => {
    const watched = await signedIn(browser, stack, alice);
    const { page } = watched;
    await page.locator('table.queue-table').waitFor();
    await eventually(() => page.getByRole('link', { name: 'Awaiting review (5)' }).getAttribute('aria-current'), (seen) => expect(seen).toBe('page'));
    // Soonest due first: the overdue letter, then the Brazilian opt-out.
    const references = await page.locator('tbody tr th a').allTextContents();
    expect(references.slice(0, 2)).toEqual([requests.overdue.reference, requests.soon.reference]);
    await eventually(() => row(page, requests.overdue.reference).locator('.badge-danger').textContent(), (seen) => expect(seen).toBe(`Overdue ${overdueDays} days`));
    await eventually(() => row(page, requests.soon.reference).locator('.badge-warning').textContent(), (seen) => expect(seen).toBe('Due in 3 days'));
    await eventually(() => row(page, requests.access.reference).locator('.badge').allTextContents(), (seen) => expect(seen).toEqual(['Awaiting review']));
    await expectClean(watched);
    await screenshot(page, 'console-queue');

    // A filter is a new URL; reload restores the view.
    await page.getByLabel('Type', { exact: true }).selectOption('erasure');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/type=erasure/);
    await rowsAre(page, [requests.erasure.reference]);
    await page.reload();
    await page.locator('table.queue-table').waitFor();
    await valueIs(page, 'Type', 'erasure');
    await rowsAre(page, [requests.erasure.reference]);

    // Search by reference (typed any way) and sort by received date.
    await page.getByLabel('Type', { exact: true }).selectOption('');
    await page.getByLabel('Reference or email address').fill(requests.access.reference.toLowerCase());
    await page.getByLabel('Sort by').selectOption('received');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/sort=received/);
    const query = new URL(page.url()).searchParams;
    expect([query.get('q'), query.get('sort'), query.get('type')]).toEqual([requests.access.reference.toLowerCase(), 'received', null]);
    await rowsAre(page, [requests.access.reference]);
    // Search by the requester's exact email finds it too.
    await page.getByLabel('Reference or email address').fill('customer-002@example.com');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/customer-002/);
    await rowsAre(page, [requests.toDeny.reference]);

    // Back undoes one step at a time, form included.
    await page.goBack();
    await page.waitForURL(/sort=received/);
    await valueIs(page, 'Reference or email address', requests.access.reference.toLowerCase());
    await rowsAre(page, [requests.access.reference]);
    await page.goBack();
    await page.waitForURL(/type=erasure/);
    await valueIs(page, 'Type', 'erasure');
    await rowsAre(page, [requests.erasure.reference]);

    // Overdue only; the tabs count under the same filters.
    await page.goto('/console/requests?overdue=true');
    await rowsAre(page, [requests.overdue.reference]);
    await page.getByRole('link', { name: 'Awaiting review (1)' }).waitFor();
    await eventually(() => page.getByLabel('Only overdue requests').isChecked(), (seen) => expect(seen).toBe(true));

    // German, from the switcher.
    await page.getByLabel('Language').selectOption('de');
    await page.getByRole('heading', { level: 1, name: 'Anfragen' }).waitFor();
    await eventually(() => row(page, requests.overdue.reference).locator('.badge-danger').textContent(), (seen) => expect(seen).toBe(`${overdueDays} Tage überfällig`));
    await expectClean(watched);
    await page.getByLabel('Sprache').selectOption('en');
    await page.context().close();
  }, 90_000);

  it('fits a phone: the table scrolls inside its own box, not the page', async () => {
    const watched = await signedIn(browser, stack, alice, '/console/requests', { width: 390, height: 844 });
    const { page } = watched;
    await page.locator('table.queue-table').waitFor();
    await expect(page.evaluate('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(390);
    await expectClean(watched);
    await screenshot(page, 'console-queue-390px');
    await page.context().close();
  }, 60_000);

  it("shows a request's page: requester, clock with its explanation, timeline and the actions allowed", async () => {
    const watched = await signedIn(browser, stack, alice);
    const { page } = watched;
    await page.getByRole('link', { name: requests.access.reference, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Request ${requests.access.reference}` }).waitFor();
    const main = page.locator('main');
    await eventually(() => main.textContent(), (seen) => expect(seen).toContain('customer-000@example.com'));
    await eventually(() => page.locator('section[aria-labelledby="request-clock-title"]').textContent(), (seen) => expect(seen).toContain('GDPR Art. 12(3), one month from receipt'));
    const timeline = await page.locator('ol.timeline li strong').allTextContents();
    expect(timeline).toEqual(expect.arrayContaining(['Request received', 'Requester confirmed the request']));
    expect(timeline).not.toContain('Request viewed');
    for (const name of ['Approve…', 'Deny…', 'Extend the deadline…', 'Ask the requester…', 'Cancel the request…', 'Add note', 'Save assignee']) {
      await eventually(() => page.getByRole('button', { name, exact: true }).isVisible(), (seen) => expect(seen).toBe(true));
    }
    await expectClean(watched);
    await screenshot(page, 'console-detail');

    // A note: written, then in the conversation.
    await page.getByLabel('Internal note').fill('Called the customer to check the address.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByText('Note added.').waitFor();
    await eventually(() => page.locator('ol.conversation').textContent(), (seen) => expect(seen).toContain('Called the customer to check the address.'));
    await expectClean(watched);
    await page.context().close();
  }, 60_000);

  it('approves an erasure with four eyes: the plan shows counts, the first officer proposes, a second approves, it completes', async () => {
    const first = await signedIn(browser, stack, alice, `/console/requests/${requests.erasure.id}`);
    const a = first.page;
    await a.getByRole('button', { name: 'Approve…' }).click();
    const dialog = a.getByRole('dialog', { name: 'Approve this request?' });
    await dialog.getByRole('table', { name: 'Shop database (shop)' }).waitFor();
    const shop = dialog.getByRole('table', { name: 'Shop database (shop)' });
    const collections = await shop.locator('tbody th').allTextContents();
    const counts = await shop.locator('tbody td.numeric').allTextContents();
    expect(collections.map((name, i) => [name, counts[i]])).toEqual([
      ['orders', '2'],
      ['page_views', '3'],
      ['customers', '1'],
      ['newsletter', '0'],
    ]);
    await eventually(() => dialog.getByRole('table', { name: 'Profile pictures (avatars)' }).locator('td').first().textContent(), (seen) => expect(seen).toBe('1'));
    await eventually(() => dialog.textContent(), (seen) => expect(seen).toContain('your approval is recorded as a proposal'));
    await expectClean(first);
    await screenshot(a, 'console-dialog-erasure-plan');
    await dialog.getByRole('button', { name: 'Propose approval' }).click();
    await a.getByText('Approval proposed. A different officer must now approve this request.').waitFor();
    await a.getByText('You proposed approving this request. A different officer must approve it.').first().waitFor();
    await eventually(() => a.getByRole('button', { name: 'Approve…' }).count(), (seen) => expect(seen).toBe(0));
    await expectClean(first);

    const second = await signedIn(browser, stack, bob, `/console/requests/${requests.erasure.id}`);
    const b = second.page;
    await b.getByText(/^Alice Officer proposed approving this request on /).waitFor();
    await b.getByRole('button', { name: 'Approve…' }).click();
    const bobDialog = b.getByRole('dialog', { name: 'Approve this request?' });
    await bobDialog.getByRole('table', { name: 'Shop database (shop)' }).waitFor();
    await eventually(() => bobDialog.textContent(), (seen) => expect(seen).toContain('Alice Officer proposed this.'));
    await bobDialog.getByRole('button', { name: 'Approve and erase' }).click();
    await b.getByText(/^Approved\. The request is running/).waitFor();
    await waitFor(
      'the erasure to complete',
      async () => (await stack.db<{ status: string }>('SELECT status FROM privacy_request WHERE id = $1', [requests.erasure.id]))[0].status === 'completed',
      60_000,
    );
    await b.reload();
    await b.locator('.request-summary').getByText('Completed').waitFor();
    const systems = await b.locator('section[aria-labelledby="request-systems-title"] tbody th').allTextContents();
    expect(systems.sort()).toEqual(['avatars', 'shop']);
    const timeline = await b.locator('ol.timeline li strong').allTextContents();
    expect(timeline).toEqual(expect.arrayContaining(['Approval proposed (four eyes)', 'Approved', 'Erasure certificate recorded', 'Completed']));
    await expectClean(second);
    await a.context().close();
    await b.context().close();
  }, 120_000);

  it('denies with a reason: the preview says what the requester reads, and the email arrives', async () => {
    const watched = await signedIn(browser, stack, alice, `/console/requests/${requests.toDeny.id}`);
    const { page } = watched;
    await page.getByRole('button', { name: 'Deny…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Deny this request?' });
    await dialog.getByLabel('Reason').selectOption('legal_obligation');
    await dialog.getByLabel('Message to the requester').fill('We must keep your invoices for ten years under tax law.');
    const preview = dialog.locator('.email-preview');
    await eventually(() => preview.textContent(), (seen) => expect(seen).toContain('A legal obligation, for example under tax or commercial law'));
    await eventually(() => preview.textContent(), (seen) => expect(seen).toContain('We must keep your invoices for ten years under tax law.'));
    await expectClean(watched);
    await screenshot(page, 'console-dialog-deny');
    await dialog.getByRole('button', { name: 'Deny and email the requester' }).click();
    await page.getByText('Denied. The requester has been emailed the reason and your message.').waitFor();
    await eventually(() => page.locator('.request-summary .badge').first().textContent(), (seen) => expect(seen).toBe('Denied'));
    const mail = await stack.sink.waitForMessage((m) => JSON.stringify(m.to ?? '').includes('customer-002@example.com') && /cannot carry out/.test(m.subject ?? ''), 20_000);
    expect(mail.text).toContain('We must keep your invoices for ten years under tax law.');
    expect(mail.text).toContain('A legal obligation');
    await expectClean(watched);
    await page.context().close();
  }, 60_000);

  it('assigns two requests in bulk and lists the result per request', async () => {
    const watched = await signedIn(browser, stack, alice);
    const { page } = watched;
    await page.locator('table.queue-table').waitFor();
    await page.getByLabel(`Select ${requests.overdue.reference}`).check();
    await page.getByLabel(`Select ${requests.soon.reference}`).check();
    await eventually(() => page.getByText('2 selected').isVisible(), (seen) => expect(seen).toBe(true));
    await page.getByRole('button', { name: 'Assign…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Assign 2 requests' });
    await eventually(() => dialog.locator('.reference-list li').allTextContents(), (seen) => expect(seen).toEqual([requests.overdue.reference, requests.soon.reference]));
    await dialog.getByLabel('Assign to').selectOption({ label: 'Bob Officer' });
    await dialog.getByRole('button', { name: 'Assign', exact: true }).click();
    const results = page.locator('section.bulk-results');
    await results.waitFor();
    await eventually(() => results.textContent(), (seen) => expect(seen).toContain('2 of 2 done.'));
    await eventually(() => results.locator('li').allTextContents(), (seen) => expect(seen).toEqual([`${requests.overdue.reference}: Assigned`, `${requests.soon.reference}: Assigned`]));
    await row(page, requests.overdue.reference).getByText('Bob Officer').waitFor();
    await expectClean(watched);

    // The assignee filter finds them.
    await page.getByLabel('Assignee').selectOption({ label: 'Bob Officer' });
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/assignee=/);
    await rowsAre(page, [requests.overdue.reference, requests.soon.reference]);
    await page.context().close();
  }, 60_000);

  it('gives an auditor the queue and the request, with no selection and no action', async () => {
    const watched = await signedIn(browser, stack, audrey);
    const { page } = watched;
    await page.locator('table.queue-table').waitFor();
    await eventually(() => page.getByRole('checkbox', { name: /^Select/ }).count(), (seen) => expect(seen).toBe(0));
    await eventually(() => page.getByRole('button', { name: 'Assign…' }).count(), (seen) => expect(seen).toBe(0));
    await eventually(() => page.getByRole('link', { name: 'Log a request' }).count(), (seen) => expect(seen).toBe(0));
    await expectClean(watched);
    await page.goto(`/console/requests/${requests.access.id}`);
    await page.getByRole('heading', { level: 1, name: `Request ${requests.access.reference}` }).waitFor();
    await eventually(() => page.getByRole('heading', { name: 'Actions' }).count(), (seen) => expect(seen).toBe(0));
    await eventually(() => page.locator('main button').allTextContents(), (seen) => expect(seen).toEqual([]));
    await eventually(() => page.locator('main').textContent(), (seen) => expect(seen).toContain('customer-000@example.com'));
    await expectClean(watched);
    await page.context().close();
  }, 60_000);

  it('works a dialog with the keyboard alone: focus stays inside and returns to the button', async () => {
    const watched = await signedIn(browser, stack, alice, `/console/requests/${requests.access.id}`);
    const { page } = watched;
    const opener = page.getByRole('button', { name: 'Deny…' });
    await opener.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Deny this request?' });
    await dialog.waitFor();
    const insideDialog = () => page.evaluate('document.activeElement?.closest("dialog") !== null');
    const focusedName = () => page.evaluate('document.activeElement?.id || document.activeElement?.textContent');
    await expect(insideDialog()).resolves.toBe(true);
    await expect(focusedName()).resolves.toBe('deny-reason');
    for (let i = 0; i < 12; i += 1) {
      await page.keyboard.press('Tab');
      await expect(insideDialog()).resolves.toBe(true);
    }
    for (let i = 0; i < 5; i += 1) {
      await page.keyboard.press('Shift+Tab');
      await expect(insideDialog()).resolves.toBe(true);
    }
    // Submitting empty by keyboard: the error summary inside the dialog takes focus.
    await dialog.getByRole('button', { name: 'Deny and email the requester' }).focus();
    await page.keyboard.press('Enter');
    await dialog.locator('.error-summary').waitFor();
    await expect(focusedName()).resolves.toContain('There is a problem');
    await eventually(() => dialog.locator('.error-summary').textContent(), (seen) => expect(seen).toContain('Choose the reason for the denial.'));
    await expectClean(watched);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect(focusedName()).resolves.toBe('Deny…');
    // Nothing was sent.
    await eventually(() => page.locator('.request-summary .badge').first().textContent(), (seen) => expect(seen).toBe('Awaiting review'));
    await expectClean(watched);
    await page.context().close();
  }, 60_000);

  it('logs a request that came by phone: problems first, then the new request', async () => {
    const watched = await signedIn(browser, stack, alice);
    const { page } = watched;
    await page.getByRole('link', { name: 'Log a request' }).click();
    await page.getByRole('heading', { level: 1, name: 'Log a request' }).waitFor();
    await page.getByRole('button', { name: 'Log the request' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    const problems = await summary.locator('li').allTextContents();
    expect(problems).toEqual(expect.arrayContaining(['Choose how the request came in.', 'Email address: This field is required.']));
    await eventually(() => page.locator('#log-email').getAttribute('aria-invalid'), (seen) => expect(seen).toBe('true'));
    await expectClean(watched);
    await screenshot(page, 'console-new-request-errors');

    await page.getByLabel('Phone call').check();
    await page.getByLabel('I have checked who is asking').check();
    await page.getByLabel('Erasure (delete my data)').check();
    await page.getByLabel('Email address').fill('phoned-in@example.com');
    await page.getByLabel('Country').fill('DE');
    await page.getByLabel('Their note').fill('Called on the support line.');
    await page.getByRole('button', { name: 'Log the request' }).click();
    await page.getByRole('heading', { level: 1, name: /^Request RD-/ }).waitFor();
    await eventually(() => page.locator('main').textContent(), (seen) => expect(seen).toContain('phoned-in@example.com'));
    await eventually(() => page.locator('main').textContent(), (seen) => expect(seen).toContain('Called on the support line.'));
    await eventually(() => page.locator('.request-summary .badge').first().textContent(), (seen) => expect(seen).toBe('Awaiting review'));
    await expectClean(watched);
    await page.context().close();
  }, 60_000);

  it('says the session ended when the api does, and signs back in to the same page', async () => {
    const watched = await signedIn(browser, stack, alice, '/console/requests?tab=closed');
    const { page } = watched;
    await page.locator('h1', { hasText: 'Requests' }).waitFor();
    await stack.db('DELETE FROM officer_session WHERE officer_id = (SELECT id FROM officer WHERE email = $1)', [alice.email]);
    await page.getByRole('link', { name: /^On hold/ }).click();
    await page.getByText('Your session has ended. Sign in again to continue.').waitFor();
    await expectClean(watched);
    await page.getByLabel('Email address').fill(alice.email);
    await page.getByLabel('Password').fill(alice.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Requests' }).waitFor();
    expect(new URL(page.url()).search).toBe('?tab=on_hold');
    await page.context().close();
  }, 60_000);
});
