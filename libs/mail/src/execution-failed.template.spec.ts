import { renderEmail } from './email-catalogue';
import { type ExecutionFailedParams } from './execution-failed.template';
import { MAIL_LOCALES, type MailLocale } from './mail-locale';

const HOSTILE = '<script>alert("x")</script>';
const CONSOLE_URL = 'https://console.acme.test/requests/RD-7K3M-Q9PX?tab=execution&x=1';

function anExecutionFailed(overrides: Partial<ExecutionFailedParams> = {}): ExecutionFailedParams {
  return {
    companyName: 'Acme GmbH',
    reference: 'RD-7K3M-Q9PX',
    requestType: 'erasure',
    failedSystems: [
      { system: 'crm_postgres', errorCode: 'ECONNREFUSED' },
      { system: 'newsletter_webhook', errorCode: 'http_503' },
    ],
    dueOn: '2025-04-13',
    consoleUrl: CONSOLE_URL,
    ...overrides,
  };
}

function render(locale: MailLocale, overrides: Partial<ExecutionFailedParams> = {}) {
  return renderEmail({ template: 'execution_failed', locale, params: anExecutionFailed(overrides) });
}

describe('execution_failed', () => {
  it('names the failed systems and codes, the failed status, the running deadline and retries in English', () => {
    const sut = render('en');

    expect(sut.subject).toBe('Action needed: request RD-7K3M-Q9PX failed in 2 systems');
    expect(sut.text).toContain('The erasure request RD-7K3M-Q9PX failed in these 2 systems. Its status is now "failed".');
    expect(sut.text).toContain('crm_postgres — error code ECONNREFUSED');
    expect(sut.text).toContain('newsletter_webhook — error code http_503');
    expect(sut.html).toContain('crm_postgres — error code ECONNREFUSED');
    expect(sut.text).toContain('The statutory deadline keeps running: the request is due on 13 April 2025.');
    expect(sut.text).toContain('each system can be retried on its own from the console');
    expect(sut.text).toContain(`Open the request in the console:\n${CONSOLE_URL}`);
    expect(sut.html).toContain(`href="${CONSOLE_URL.replace(/&/g, '&amp;')}"`);
  });

  it('says the same in German', () => {
    const sut = render('de');

    expect(sut.subject).toBe('Handlungsbedarf: Anfrage RD-7K3M-Q9PX in 2 Systemen fehlgeschlagen');
    expect(sut.text).toContain('Die Anfrage RD-7K3M-Q9PX (Löschung) ist in folgenden 2 Systemen fehlgeschlagen.');
    expect(sut.text).toContain('Ihr Status ist jetzt „failed“.');
    expect(sut.text).toContain('crm_postgres – Fehlercode ECONNREFUSED');
    expect(sut.text).toContain('Die gesetzliche Frist läuft weiter: Die Anfrage ist bis zum 13. April 2025 zu beantworten.');
    expect(sut.text).toContain('erneut ausgeführt');
    expect(sut.html).toContain('>Anfrage in der Konsole öffnen</a>');
    expect(sut.text).not.toMatch(/\b(the|your|we|is|request|retried)\b/i);
  });

  it('words a single failed system in the singular', () => {
    const failedSystems = [{ system: 'crm_postgres', errorCode: 'ECONNREFUSED' }];

    expect(render('en', { failedSystems }).subject).toBe('Action needed: request RD-7K3M-Q9PX failed in 1 system');
    expect(render('en', { failedSystems }).text).toContain('failed in this system.');
    expect(render('de', { failedSystems }).text).toContain('ist in folgendem System fehlgeschlagen.');
  });

  it.each(MAIL_LOCALES)('is addressed to the privacy team, not to a data subject (%s)', (locale) => {
    const sut = render(locale);

    expect(sut.text).toMatch(/Sent to the privacy team of Acme GmbH|Gesendet an das Datenschutzteam von Acme GmbH/);
    expect(sut.text).not.toMatch(/was given in a privacy request|in einer Datenschutzanfrage angegeben/);
    expect(sut.text).not.toMatch(/\b(your data|Ihre Daten)\b/i);
  });

  it('keeps an error message that might quote personal data out of the email', () => {
    const sut = render('en', {
      failedSystems: [{ system: 'crm_postgres', errorCode: 'duplicate key (email)=(jane@example.test)' }],
    });

    expect(sut.text).not.toContain('jane@example.test');
    expect(sut.html).not.toContain('jane@example.test');
    expect(sut.text).toContain('crm_postgres — error code (not a recognised code; see the console)');
  });

  it.each(MAIL_LOCALES)('escapes a hostile reference, company name and system name (%s)', (locale) => {
    const sut = render(locale, {
      companyName: HOSTILE,
      reference: `RD-1 ${HOSTILE}`,
      failedSystems: [{ system: HOSTILE, errorCode: 'E1' }],
    });

    expect(sut.html).not.toMatch(/<script/i);
    expect(sut.html).toContain('RD-1 &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(sut.subject).toContain(`RD-1 ${HOSTILE}`);
  });

  it('refuses to render without a failed system, with a bad due date or a bad console link', () => {
    expect(() => render('en', { failedSystems: [] })).toThrow(RangeError);
    expect(() => render('en', { dueOn: '13/04/2025' })).toThrow(RangeError);
    expect(() => render('en', { consoleUrl: 'javascript:alert(1)' })).toThrow(/http or https/);
  });
});
