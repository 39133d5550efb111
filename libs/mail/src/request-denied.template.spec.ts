import { DENY_REASONS, REGIMES } from '@rightsdesk/domain';
import { COMPLAINT_RIGHTS } from './complaint-rights';
import { renderEmail } from './email-catalogue';
import { MAIL_LOCALES, type MailLocale } from './mail-locale';
import { DENY_REASON_EXPLANATIONS, type RequestDeniedParams } from './request-denied.template';

const HOSTILE = '<script>alert("x")</script>';
const STATUS_URL = 'https://privacy.acme.test/requests/status?ref=RD-7K3M-Q9PX&token=abc';

function aDenial(overrides: Partial<RequestDeniedParams> = {}): RequestDeniedParams {
  return {
    companyName: 'Acme GmbH',
    reference: 'RD-7K3M-Q9PX',
    requestType: 'erasure',
    regime: 'gdpr',
    reason: 'legal_obligation',
    message: 'Your invoices from 2024 must be kept for ten years.\n\nEverything else was already deleted.',
    statusUrl: STATUS_URL,
    ...overrides,
  };
}

function render(locale: MailLocale, overrides: Partial<RequestDeniedParams> = {}) {
  return renderEmail({ template: 'request_denied', locale, params: aDenial(overrides) });
}

describe('request_denied', () => {
  it('says in English what was decided, why, the officer’s words, where to complain and the status link', () => {
    const sut = render('en');

    expect(sut.subject).toBe('We cannot carry out your privacy request RD-7K3M-Q9PX');
    expect(sut.text).toContain('We have reviewed your request for deletion of your data (reference RD-7K3M-Q9PX) and decided not to carry it out.');
    expect(sut.text).toContain(`The reason: ${DENY_REASON_EXPLANATIONS.legal_obligation.en}`);
    expect(sut.text).toContain('Our privacy team writes:\n\nYour invoices from 2024 must be kept for ten years.\n\nEverything else was already deleted.');
    expect(sut.text).toContain('lodge a complaint with a data protection supervisory authority');
    expect(sut.text).toContain('judicial remedy');
    expect(sut.text).toContain(`View request status:\n${STATUS_URL}`);
    expect(sut.html).toContain(`href="${STATUS_URL.replace(/&/g, '&amp;')}"`);
    expect(sut.html).toContain('<p style="margin:0 0 16px 0;">Everything else was already deleted.</p>');
  });

  it('says it in German', () => {
    const sut = render('de', { reason: 'identity_not_verified', requestType: 'access' });

    expect(sut.subject).toBe('Wir können Ihre Datenschutzanfrage RD-7K3M-Q9PX nicht ausführen');
    expect(sut.text).toContain('Gewünscht war: eine Kopie Ihrer Daten. Wir haben entschieden, ihr nicht nachzukommen.');
    expect(sut.text).toContain(`Der Grund: ${DENY_REASON_EXPLANATIONS.identity_not_verified.de}`);
    expect(sut.text).toContain('Unser Datenschutzteam schreibt dazu:');
    expect(sut.text).toContain('bei einer Datenschutz-Aufsichtsbehörde zu beschweren');
    expect(sut.text).toContain('gerichtlichen Rechtsbehelf (Art. 79 DSGVO)');
    expect(sut.html).toContain('<html lang="de"');
    expect(sut.html).toContain('Status der Anfrage ansehen');
  });

  it.each(REGIMES)('names where to complain under %s, in both languages', (regime) => {
    for (const locale of MAIL_LOCALES) {
      const sut = render(locale, { regime });
      expect(sut.text).toContain(COMPLAINT_RIGHTS[regime][locale]);
    }
  });

  it('names each regime’s own authority', () => {
    expect(render('en', { regime: 'gdpr' }).text).toMatch(/supervisory authority, in particular in the EU or EEA member state where you live/);
    expect(render('en', { regime: 'uk_gdpr' }).text).toContain("Information Commissioner's Office (ICO)");
    expect(render('en', { regime: 'ccpa' }).text).toMatch(/California Privacy Protection Agency .* California Attorney General/);
    expect(render('en', { regime: 'lgpd' }).text).toContain('National Data Protection Authority (ANPD');
    expect(render('en', { regime: 'us_state' }).text).toContain('Attorney General of your state');
    expect(render('en', { regime: 'us_state' }).text).not.toMatch(/supervisory authority|ICO|ANPD/);
  });

  it.each(DENY_REASONS)('explains %s in both languages', (reason) => {
    for (const locale of MAIL_LOCALES) {
      const sut = render(locale, { reason });
      expect(sut.text).toContain(DENY_REASON_EXPLANATIONS[reason][locale]);
    }
    expect(DENY_REASON_EXPLANATIONS[reason].en).not.toBe(DENY_REASON_EXPLANATIONS[reason].de);
  });

  it('escapes a hostile message, reference and company name, and keeps markup out of the text part', () => {
    const sut = render('en', { message: `Hello ${HOSTILE}`, reference: `RD-1 ${HOSTILE}`, companyName: HOSTILE });

    expect(sut.html).not.toMatch(/<script/i);
    expect(sut.html).toContain('Hello &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(sut.text).toContain(`Hello ${HOSTILE}`);
    expect(sut.subject).toBe(`We cannot carry out your privacy request RD-1 ${HOSTILE}`);
  });

  it('refuses to render without a message, with an unknown reason or regime, or with a non-http link', () => {
    expect(() => render('en', { message: ' \n \n' })).toThrow(RangeError);
    expect(() => render('en', { reason: 'gone' as RequestDeniedParams['reason'] })).toThrow('Unknown deny reason "gone"');
    expect(() => render('en', { regime: 'mars' as RequestDeniedParams['regime'] })).toThrow('Unknown regime "mars"');
    expect(() => render('en', { statusUrl: 'javascript:alert(1)' })).toThrow(/http or https/);
  });
});
