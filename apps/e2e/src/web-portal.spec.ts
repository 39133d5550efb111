import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { eventually, launchBrowser, openPage, screenshot, type WatchedPage } from '@rightsdesk/testing';
import { customerEmail } from './execution-fixtures';
import { aPdf, type ConsoleClient, emailTo, expectCleanPage, linkIn, requestIdOf, scrollsSideways, signInOfficer } from './web-portal-fixtures';
import { startWebStack, type WebStack } from './web-stack';

// The privacy center as people use it: the built web app served by the built api, with the worker
// executing approved requests against the demo company's data, emails caught by an SMTP sink.
describe('privacy center in a real browser', () => {
  let stack: WebStack;
  let browser: Browser;
  let officer: ConsoleClient;
  const filed: Record<string, { reference: string; email: string }> = {};

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startWebStack(), launchBrowser()]);
    officer = await signInOfficer(stack, 'officer', 'portal-officer@privacy.example');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function open(path: string, options: { viewport?: { width: number; height: number }; locale?: string } = {}): Promise<WatchedPage> {
    const watched = await openPage(browser, stack.base, options);
    await watched.page.goto(path);
    await watched.page.getByRole('heading', { level: 1 }).waitFor();
    return watched;
  }

  const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

  /** Types into a control as a person does: focus it, then the keys. */
  async function typeInto(page: Page, selector: string, text: string): Promise<void> {
    await page.focus(selector);
    await page.keyboard.type(text);
  }

  /** Picks an option of a select with the keyboard: focus it and type the start of the option's name. */
  async function choose(page: Page, selector: string, name: string, value: string): Promise<void> {
    await page.focus(selector);
    await page.keyboard.type(name);
    await eventually(() => page.locator(selector).inputValue(), (seen) => expect(seen).toBe(value));
  }

  async function submitWithKeyboard(page: Page, button: string): Promise<void> {
    await page.getByRole('button', { name: button }).focus();
    await page.keyboard.press('Enter');
  }

  async function stored(reference: string) {
    const [row] = await stack.db<{ type: string; status: string; regime: string; region: string | null }>('SELECT type, status, regime, region FROM privacy_request WHERE reference = $1', [reference]);
    return row;
  }

  /** Confirms a filed request the way the verification page's button does, answering its status token. */
  async function confirmByApi(reference: string, email: string): Promise<string> {
    const mail = await emailTo(stack, email, new RegExp(`Confirm your privacy request ${reference}`));
    const link = linkIn(mail, '/requests/verify');
    const response = await fetch(`${stack.base}/api/v1/requests/${reference}/verification`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: link.searchParams.get('token') }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { statusToken: string }).statusToken;
  }

  it('explains each right on the landing page and leads by keyboard to its form', async () => {
    const watched = await open('/');
    const { page } = watched;
    await expect(h1(page)).resolves.toBe('Your privacy rights at Rightsdesk Demo Company');
    await eventually(() => page.locator('html').getAttribute('lang'), (seen) => expect(seen).toBe('en'));
    const rights = await page.locator('.right-card h3').allTextContents();
    expect(rights).toEqual(['See your data', 'Correct your data', 'Withdraw (delete) your data', 'Stop promotional emails and notifications', "Remove a child’s data"]);
    await eventually(() => page.getByText('We may ask you for proof of the child’s age.').isVisible(), (seen) => expect(seen).toBe(true));
    await eventually(() => page.getByRole('heading', { name: 'What happens next' }).isVisible(), (seen) => expect(seen).toBe(true));
    await expectCleanPage(watched);
    await screenshot(page, 'portal-landing');

    // Tab through the page to the first form's link and follow it with Enter.
    for (let i = 0; i < 30 && (await page.evaluate<string>('document.activeElement?.textContent ?? ""')) !== 'Ask to see your data'; i++) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await page.waitForURL('**/requests/new/access');
    await expect(h1(page)).resolves.toBe('Ask to see your data');
    // The new page's heading has focus, so a screen reader announces where the person is.
    await expect(page.evaluate<string>('document.activeElement?.tagName ?? ""')).resolves.toBe('H1');

    await page.goto('/requests/new');
    await page.getByRole('heading', { level: 1, name: 'What would you like to do?' }).waitFor();
    await eventually(() => page.getByRole('link', { name: "Ask us to remove a child’s data" }).getAttribute('href'), (seen) => expect(seen).toBe('/requests/new/child-data-removal'));
    await expectCleanPage(watched);
  }, 60_000);

  it('files each of the five request types through its form with the keyboard; country and state decide the law', async () => {
    const cases: Array<{ slug: string; type: string; email: string; regime: string; law: RegExp; fill: (page: Page) => Promise<void> }> = [
      {
        slug: 'access',
        type: 'access',
        email: customerEmail(0),
        regime: 'gdpr',
        law: /The law that applies: EU General Data Protection Regulation \(GDPR\)\. If you send this request today, we must answer by .+: one month from receipt, or two months later/,
        fill: async (page) => {
          await choose(page, '#country', 'Germany', 'DE');
          await typeInto(page, '#note', 'I also used customer number 4711.');
        },
      },
      {
        slug: 'rectification',
        type: 'rectification',
        email: customerEmail(1),
        regime: 'uk_gdpr',
        law: /UK General Data Protection Regulation/,
        fill: async (page) => {
          await choose(page, '#country', 'United Kingdom', 'GB');
          await typeInto(page, '#correction-0-field', 'phone number');
          await typeInto(page, '#correction-0-current', '+44 1');
          await typeInto(page, '#correction-0-new', '+44 20 7946 0001');
          // A second row: the button adds it and moves focus into it.
          await page.getByRole('button', { name: 'Add another correction' }).focus();
          await page.keyboard.press('Enter');
          await page.waitForFunction("document.activeElement?.id === 'correction-1-field'");
          await page.keyboard.type('name');
          await typeInto(page, '#correction-1-new', 'Customer One');
          await typeInto(page, '#explanation', 'The number changed and the name was misspelt.');
        },
      },
      {
        slug: 'erasure',
        type: 'erasure',
        email: customerEmail(2),
        regime: 'us_state',
        law: /the consumer privacy law of your US state.+45 days from receipt, or 45 days later/,
        fill: async (page) => {
          await choose(page, '#country', 'United States', 'US');
          // The state appears for the United States only.
          await page.locator('#region').waitFor();
          await choose(page, '#region', 'Virginia', 'VA');
        },
      },
      {
        slug: 'opt-out',
        type: 'opt_out',
        email: customerEmail(3),
        regime: 'ccpa',
        law: /California Consumer Privacy Act \(CCPA\/CPRA\).+15 business days from receipt\./,
        fill: async (page) => {
          await choose(page, '#country', 'United States', 'US');
          await page.locator('#region').waitFor();
          await choose(page, '#region', 'California', 'CA');
          await page.focus('#channel-email');
          await page.keyboard.press('Space');
          await page.focus('#channel-surveys');
          await page.keyboard.press('Space');
        },
      },
      {
        slug: 'child-data-removal',
        type: 'child_data_removal',
        email: 'parent-of-skater@example.com',
        regime: 'lgpd',
        law: /Brazil’s General Data Protection Law \(LGPD\).+15 days from receipt\./,
        fill: async (page) => {
          await choose(page, '#country', 'Brazil', 'BR');
          await typeInto(page, '#child-username', 'skater2015');
          await page.focus('#relationship-parent');
          await page.keyboard.press('Space');
          await typeInto(page, '#child-age', '11');
        },
      },
    ];
    for (const { slug, type, email, regime, law, fill } of cases) {
      const watched = await open(`/requests/new/${slug}`);
      const { page } = watched;
      await typeInto(page, '#email', email);
      await fill(page);
      await eventually(() => page.locator('.regime-notice').textContent(), (seen) => expect(seen).toMatch(law));
      await expectCleanPage(watched);
      await screenshot(page, `portal-form-${slug}`);

      await submitWithKeyboard(page, 'Send request');
      await page.waitForURL('**/requests/check-email?ref=*');
      await expect(h1(page)).resolves.toBe('Check your email');
      const reference = (await page.locator('.reference').textContent()) ?? '';
      expect(reference).toMatch(/^RD-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      await eventually(() => page.getByText('The link works for').isVisible(), (seen) => expect(seen).toBe(true));
      await expectCleanPage(watched);
      if (slug === 'access') {
        await screenshot(page, 'portal-check-email');
      }
      expect(await stored(reference)).toMatchObject({ type, status: 'pending_verification', regime });
      await emailTo(stack, email, new RegExp(`Confirm your privacy request ${reference}`));
      filed[type] = { reference, email };
      await page.context().close();
    }
    expect(await stored(filed.opt_out.reference)).toMatchObject({ region: 'CA' });
  }, 120_000);

  it('shows inline errors with a summary that takes focus and links to each field', async () => {
    const watched = await open('/requests/new/access');
    const { page } = watched;
    await typeInto(page, '#email', 'not-an-email');
    await submitWithKeyboard(page, 'Send request');

    const summary = page.locator('.error-summary');
    await summary.waitFor();
    await expect(page.evaluate<string>('document.activeElement?.className ?? ""')).resolves.toBe('error-summary');
    await eventually(() => summary.getByRole('heading').textContent(), (seen) => expect(seen).toBe('There is a problem'));
    const links = summary.getByRole('link');
    await eventually(() => links.allTextContents(), (seen) => expect(seen).toEqual(['Enter an email address in the correct format, like name@example.com', 'Select the country you live in']));
    await eventually(() => links.first().getAttribute('href'), (seen) => expect(seen).toBe('#email'));
    await eventually(() => page.locator('#email-error').textContent(), (seen) => expect(seen).toBe('Enter an email address in the correct format, like name@example.com'));
    await eventually(() => page.locator('#email').getAttribute('aria-invalid'), (seen) => expect(seen).toBe('true'));
    await eventually(() => page.locator('#email').getAttribute('aria-describedby'), (seen) => expect(seen).toBe('email-hint email-error'));
    await expectCleanPage(watched);
    await screenshot(page, 'portal-form-errors');

    // Following a link in the summary puts the cursor in the field.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForFunction("document.activeElement?.id === 'email'");

    await page.goto('/requests/new/child-data-removal');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await typeInto(page, '#email', 'parent-of-thirteen@example.com');
    await choose(page, '#country', 'Germany', 'DE');
    await typeInto(page, '#child-name', 'Teen Ager');
    await page.focus('#relationship-legal_guardian');
    await page.keyboard.press('Space');
    await typeInto(page, '#child-age', '13');
    await submitWithKeyboard(page, 'Send request');
    await summary.waitFor();
    await eventually(() => summary.getByRole('link').allTextContents(), (seen) => expect(seen).toEqual([expect.stringContaining('This form is for children under 13')]));
    await eventually(() => summary.getByRole('link').getAttribute('href'), (seen) => expect(seen).toBe('#child-age'));
    await eventually(() => page.locator('#child-age-error').textContent(), (seen) => expect(seen).toContain('This form is for children under 13'));
    await expectCleanPage(watched);
    // Nothing was filed.
    expect(await stack.db('SELECT 1 FROM privacy_request WHERE type = $1 AND status = $2 AND regime = $3', ['child_data_removal', 'pending_verification', 'gdpr'])).toEqual([]);
  }, 60_000);

  it('confirms the request from the emailed link in the browser, then shows its status and timeline', async () => {
    const { reference, email } = filed.access;
    const mail = await emailTo(stack, email, new RegExp(`Confirm your privacy request ${reference}`));
    const link = linkIn(mail, '/requests/verify');
    expect(link.origin).toBe(stack.base);

    const watched = await open('/');
    const { page } = watched;
    await page.goto(`${link.pathname}${link.search}`);
    await page.getByRole('heading', { level: 1, name: 'Confirm your privacy request' }).waitFor();
    await eventually(() => page.getByText(`Reference ${reference}.`).isVisible(), (seen) => expect(seen).toBe(true));
    await expectCleanPage(watched);
    await screenshot(page, 'portal-verify');
    // Opening the link confirmed nothing: mail scanners open links too.
    expect(await stored(reference)).toMatchObject({ status: 'pending_verification' });

    await submitWithKeyboard(page, 'Confirm my request');
    await page.waitForURL('**/requests/status?*');
    await page.locator('[data-status]').waitFor();
    const statusUrl = new URL(page.url());
    expect(statusUrl.searchParams.get('ref')).toBe(reference);
    expect(page.url()).not.toContain(link.searchParams.get('token')!);
    await expect(h1(page)).resolves.toBe('Your privacy request');
    await eventually(() => page.locator('[data-status]').textContent(), (seen) => expect(seen).toBe('Confirmed — waiting for review by our privacy team'));
    await eventually(() => page.locator('dl.facts').textContent(), (seen) => expect(seen).toContain('See my data'));
    await eventually(() => page.locator('dd[lang="en"]').textContent(), (seen) => expect(seen).toMatch(/^due \d{4}-\d{2}-\d{2}: GDPR Art\. 12\(3\), one month from receipt on/));
    await eventually(() => page.locator('ol.timeline li').allTextContents(), (seen) => expect(seen).toEqual([expect.stringContaining('Request received'), expect.stringContaining('Email address confirmed')]));
    await expectCleanPage(watched);
    await screenshot(page, 'portal-status');
    expect(await stored(reference)).toMatchObject({ status: 'awaiting_review' });

    // The status email links to the same page with the same token.
    const working = await emailTo(stack, email, new RegExp(`We are working on your privacy request ${reference}`));
    expect(linkIn(working, '/requests/status').searchParams.get('token')).toBe(statusUrl.searchParams.get('token'));

    // The spent verification link was replaced in the history: Back returns to where the person was.
    await page.goBack();
    await page.waitForURL(`${stack.base}/`);

    // A link that does not work is explained, not confirmed.
    await page.goto('/requests/verify?ref=RD-0000-0000-0000-0000&token=not-the-token');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await submitWithKeyboard(page, 'Confirm my request');
    await page.getByText('This link does not work').waitFor();
    await eventually(() => page.getByRole('link', { name: 'Send a request again' }).isVisible(), (seen) => expect(seen).toBe(true));
    await expectCleanPage(watched);

    // An unknown reference and a wrong token read alike.
    await page.goto(`/requests/status?${new URLSearchParams({ ref: reference, token: 'wrong' }).toString()}`);
    await page.getByRole('heading', { level: 1, name: 'Request not found' }).waitFor();
    await expectCleanPage(watched);
  }, 90_000);

  it('answers an officer’s question on the status page, with a PDF', async () => {
    const { reference, email } = filed.rectification;
    await confirmByApi(reference, email);
    const id = await requestIdOf(officer, reference);
    const asked = await officer.post(`/api/v1/console/requests/${id}/information-request`, { question: 'Please send a copy of a phone bill.\nA PDF is fine.' });
    expect(asked.status).toBe(200);
    const mail = await emailTo(stack, email, new RegExp(`We need information for your privacy request ${reference}`));

    const link = linkIn(mail, '/requests/status');
    const watched = await open(`${link.pathname}${link.search}`);
    const { page } = watched;
    await page.locator('[data-status]').waitFor();
    await eventually(() => page.locator('[data-status]').textContent(), (seen) => expect(seen).toBe('On hold — we asked you for information'));
    await eventually(() => page.getByRole('heading', { name: 'Our question to you' }).isVisible(), (seen) => expect(seen).toBe(true));
    await eventually(() => page.locator('blockquote.question p').allTextContents(), (seen) => expect(seen).toEqual(['Please send a copy of a phone bill.', 'A PDF is fine.']));
    await expectCleanPage(watched);
    await screenshot(page, 'portal-status-question');

    // A file of the wrong type is named beside the file field.
    await typeInto(page, '#answer-message', 'Here is my bill.');
    await page.locator('#answer-files').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a pdf') });
    await submitWithKeyboard(page, 'Send my answer');
    await page.locator('#answer-files-error').waitFor();
    await eventually(() => page.locator('#answer-files-error').textContent(), (seen) => expect(seen).toBe('“notes.txt” is not a PDF, PNG or JPEG file'));
    await expect(page.evaluate<string>('document.activeElement?.className ?? ""')).resolves.toBe('error-summary');
    await expectCleanPage(watched);

    await page.locator('#answer-files').setInputFiles({ name: 'phone-bill.pdf', mimeType: 'application/pdf', buffer: aPdf('phone bill') });
    await submitWithKeyboard(page, 'Send my answer');
    await page.getByText('Thank you. Your answer has been received').waitFor();
    await eventually(() => page.locator('[data-status]').textContent(), (seen) => expect(seen).toBe('Confirmed — waiting for review by our privacy team'));
    await eventually(() => page.locator('ol.timeline li').last().textContent(), (seen) => expect(seen).toContain('Your answer was received'));
    await eventually(() => page.getByRole('heading', { name: 'Our question to you' }).count(), (seen) => expect(seen).toBe(0));
    await expectCleanPage(watched);
    const attachments = await stack.db<{ content_type: string }>(
      'SELECT a.content_type FROM request_attachment a JOIN privacy_request r ON r.id = a.request_id WHERE r.reference = $1',
      [reference],
    );
    expect(attachments).toEqual([{ content_type: 'application/pdf' }]);
  }, 90_000);

  it('downloads the access package from the download page once an officer approved it', async () => {
    const { reference, email } = filed.access;
    const id = await requestIdOf(officer, reference);
    const approved = await officer.post(`/api/v1/console/requests/${id}/approve`);
    expect(approved.status).toBe(200);
    const ready = await stack.sink.waitForMessage((m) => JSON.stringify(m.to ?? '').includes(email) && (m.subject ?? '') === `Your data is ready: privacy request ${reference}`, 60_000);

    const link = linkIn(ready, '/requests/download');
    const watched = await open(`${link.pathname}${link.search}`);
    const { page } = watched;
    await page.getByText('Your data is ready as a ZIP file.').waitFor();
    await eventually(() => page.getByText(/This link works until .+ and for 5 more downloads\./).isVisible(), (seen) => expect(seen).toBe(true));
    const form = page.locator('form[method="post"][action="/requests/download"]');
    await eventually(() => form.locator('input[type="hidden"][name="token"]').inputValue(), (seen) => expect(seen).toBe(link.searchParams.get('token')));
    await expectCleanPage(watched);
    await screenshot(page, 'portal-download');

    // A native form POST: the browser saves the streamed file, and one click is one download.
    const [download] = await Promise.all([page.waitForEvent('download'), submitWithKeyboard(page, 'Download the ZIP file')]);
    expect(download.suggestedFilename()).toBe(`${reference}-data.zip`);
    const zip = await readFile(await download.path());
    expect(zip.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    expect(zip.toString('latin1')).toContain('index.html');
    await page.getByText(/and for 4 more downloads\./).waitFor();
    await expectCleanPage(watched);

    // The status page says where the data went.
    const working = await emailTo(stack, email, new RegExp(`We are working on your privacy request ${reference}`));
    const status = linkIn(working, '/requests/status');
    await page.goto(`${status.pathname}${status.search}`);
    await page.locator('[data-status="completed"]').waitFor();
    await eventually(() => page.getByText('Your data is ready. We have emailed you a link to download it').isVisible(), (seen) => expect(seen).toBe(true));
    await expectCleanPage(watched);

    // A link that no longer works says so, and offers no button.
    await page.goto('/requests/download?token=no-such-link');
    await page.getByText('This download link no longer works').waitFor();
    await eventually(() => page.getByRole('button', { name: 'Download the ZIP file' }).count(), (seen) => expect(seen).toBe(0));
    await expectCleanPage(watched);
    await screenshot(page, 'portal-download-gone');
  }, 120_000);

  it('speaks German from the browser’s language and from the switcher', async () => {
    const watched = await open('/requests/new/erasure', { locale: 'de-DE' });
    const { page } = watched;
    await eventually(() => page.locator('html').getAttribute('lang'), (seen) => expect(seen).toBe('de'));
    await expect(h1(page)).resolves.toBe('Löschung Ihrer Daten anfordern');
    await choose(page, '#country', 'Deutschland', 'DE');
    await eventually(() => page.locator('.regime-notice').textContent(), (seen) => expect(seen).toMatch(/^Anwendbares Recht: Datenschutz-Grundverordnung der EU \(DSGVO\)\. Wenn Sie die Anfrage heute senden, müssen wir bis zum \d+\. \S+ \d{4} antworten: einen Monat nach Eingang/));
    await submitWithKeyboard(page, 'Anfrage senden');
    await page.locator('.error-summary').waitFor();
    await eventually(() => page.locator('.error-summary h2').textContent(), (seen) => expect(seen).toBe('Es gibt ein Problem'));
    await eventually(() => page.locator('#email-error').textContent(), (seen) => expect(seen).toBe('Geben Sie Ihre E-Mail-Adresse ein'));
    await expectCleanPage(watched);
    await screenshot(page, 'portal-form-de');

    // Filed from the German page, the request and its emails are in German.
    await typeInto(page, '#email', customerEmail(4));
    await submitWithKeyboard(page, 'Anfrage senden');
    await page.waitForURL('**/requests/check-email?ref=*');
    await expect(h1(page)).resolves.toBe('Prüfen Sie Ihre E-Mails');
    const filedInGerman = (await page.locator('.reference').textContent()) ?? '';
    await emailTo(stack, customerEmail(4), new RegExp(`Bestätigen Sie Ihre Datenschutzanfrage ${filedInGerman}`));
    await expectCleanPage(watched);

    // The status page in German, reached from the link in an email.
    const { reference, email } = filed.rectification;
    const mail = await emailTo(stack, email, new RegExp(`We need information for your privacy request ${reference}`));
    const link = linkIn(mail, '/requests/status');
    await page.goto(`${link.pathname}${link.search}`);
    await page.locator('[data-status]').waitFor();
    await expect(h1(page)).resolves.toBe('Ihre Datenschutzanfrage');
    await eventually(() => page.locator('[data-status]').textContent(), (seen) => expect(seen).toBe('Bestätigt – wartet auf Prüfung durch unser Datenschutzteam'));
    await eventually(() => page.locator('dl.facts').textContent(), (seen) => expect(seen).toContain('Meine Daten berichtigen'));
    await eventually(() => page.locator('ol.timeline li').allTextContents(), (seen) => expect(seen).toEqual([
      expect.stringContaining('Anfrage eingegangen'),
      expect.stringContaining('E-Mail-Adresse bestätigt'),
      expect.stringContaining('Wir haben Sie um Angaben gebeten'),
      expect.stringContaining('Ihre Antwort ist eingegangen'),
    ]));
    await expectCleanPage(watched);
    await screenshot(page, 'portal-status-de');

    // The switcher in the header changes the language in place, and keeps it.
    await page.focus('#language');
    await page.keyboard.type('English');
    await expect(h1(page)).resolves.toBe('Your privacy request');
    await eventually(() => page.locator('html').getAttribute('lang'), (seen) => expect(seen).toBe('en'));
    await page.goto('/');
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent(), (seen) => expect(seen).toBe('Your privacy rights at Rightsdesk Demo Company'));
  }, 60_000);

  it('fits a phone: the landing page and a form at 390 × 844 without sideways scrolling', async () => {
    const phone = { viewport: { width: 390, height: 844 } };
    const landing = await open('/', phone);
    expect(await scrollsSideways(landing.page)).toBe(false);
    await expectCleanPage(landing);
    await screenshot(landing.page, 'portal-landing-phone');

    const form = await open('/requests/new/rectification', phone);
    await choose(form.page, '#country', 'United States', 'US');
    await form.page.locator('#region').waitFor();
    await form.page.getByRole('button', { name: 'Add another correction' }).click();
    await submitWithKeyboard(form.page, 'Send request');
    await form.page.locator('.error-summary').waitFor();
    expect(await scrollsSideways(form.page)).toBe(false);
    await expectCleanPage(form);
    await screenshot(form.page, 'portal-form-phone');

    const { reference, email } = filed.rectification;
    const mail = await emailTo(stack, email, new RegExp(`We need information for your privacy request ${reference}`));
    const link = linkIn(mail, '/requests/status');
    const status = await open(`${link.pathname}${link.search}`, phone);
    await status.page.locator('[data-status]').waitFor();
    expect(await scrollsSideways(status.page)).toBe(false);
    await expectCleanPage(status);
    await screenshot(status.page, 'portal-status-phone');
  }, 60_000);
});
