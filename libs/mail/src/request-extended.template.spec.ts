import { renderEmail } from './email-catalogue';
import { MAIL_LOCALES, type MailLocale } from './mail-locale';
import { type RequestExtendedParams } from './request-extended.template';

const STATUS_URL = 'https://privacy.acme.test/requests/status?ref=RD-7K3M-Q9PX&token=abc';
const HOSTILE = '<script>alert("x")</script>';

function anExtension(overrides: Partial<RequestExtendedParams> = {}): RequestExtendedParams {
  return {
    companyName: 'Acme GmbH',
    reference: 'RD-7K3M-Q9PX',
    requestType: 'access',
    dueOn: '2027-02-25',
    dueExplanation: 'due 2027-02-25: GDPR Art. 12(3), one month from receipt on 2026-11-25, extended by two further months',
    reason: 'Your data is spread over many systems.\n\nWe also need to ask a service provider.',
    statusUrl: STATUS_URL,
    ...overrides,
  };
}

function render(locale: MailLocale, overrides: Partial<RequestExtendedParams> = {}) {
  return renderEmail({ template: 'request_extended', locale, params: anExtension(overrides) });
}

describe('request_extended', () => {
  it('gives the new due date, the explanation and the reasons, one paragraph each, in English', () => {
    const sut = render('en');

    expect(sut.subject).toBe('We need more time for your privacy request RD-7K3M-Q9PX');
    expect(sut.text).toContain('Your request for a copy of your data (reference RD-7K3M-Q9PX) needs more time');
    expect(sut.text).toContain('We will now respond by 25 February 2027. due 2027-02-25: GDPR Art. 12(3), one month from receipt on 2026-11-25, extended by two further months');
    expect(sut.text).toContain('Why we need more time:\n\nYour data is spread over many systems.\n\nWe also need to ask a service provider.');
    expect(sut.html).toContain('<p style="margin:0 0 16px 0;">We also need to ask a service provider.</p>');
    expect(sut.text).toContain(`View request status:\n${STATUS_URL}`);
  });

  it('says the same in German', () => {
    const sut = render('de');

    expect(sut.subject).toBe('Wir benötigen mehr Zeit für Ihre Datenschutzanfrage RD-7K3M-Q9PX');
    expect(sut.text).toContain('gewünscht wird: eine Kopie Ihrer Daten');
    expect(sut.text).toContain('Wir antworten nun spätestens bis zum 25. Februar 2027.');
    expect(sut.text).toContain('Die Gründe für die Verlängerung:\n\nYour data is spread over many systems.');
    expect(sut.html).toContain('>Status der Anfrage ansehen</a>');
  });

  it.each(MAIL_LOCALES)('escapes the officer’s reason (%s)', (locale) => {
    const sut = render(locale, { reason: HOSTILE, companyName: HOSTILE });

    expect(sut.html).not.toMatch(/<script/i);
    expect(sut.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(sut.text).toContain(HOSTILE);
  });

  it('refuses to render without reasons, with a bad date or a bad link', () => {
    expect(() => render('en', { reason: ' \n ' })).toThrow(RangeError);
    expect(() => render('en', { dueOn: '25/02/2027' })).toThrow(RangeError);
    expect(() => render('en', { statusUrl: 'javascript:alert(1)' })).toThrow(/http or https/);
  });
});
