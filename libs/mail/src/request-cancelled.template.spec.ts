import { REGIMES } from '@rightsdesk/domain';
import { COMPLAINT_RIGHTS } from './complaint-rights';
import { renderEmail } from './email-catalogue';
import { MAIL_LOCALES, type MailLocale } from './mail-locale';
import { type RequestCancelledParams } from './request-cancelled.template';

const HOSTILE = '<script>alert("x")</script>';
const STATUS_URL = 'https://privacy.acme.test/requests/status?ref=RD-7K3M-Q9PX&token=abc';

function aCancellation(overrides: Partial<RequestCancelledParams> = {}): RequestCancelledParams {
  return {
    companyName: 'Acme GmbH',
    reference: 'RD-7K3M-Q9PX',
    requestType: 'opt_out',
    regime: 'ccpa',
    partlyCarriedOut: false,
    statusUrl: STATUS_URL,
    ...overrides,
  };
}

function render(locale: MailLocale, overrides: Partial<RequestCancelledParams> = {}) {
  return renderEmail({ template: 'request_cancelled', locale, params: aCancellation(overrides) });
}

describe('request_cancelled', () => {
  it('says in English that the request was cancelled, how to ask again, where to complain, with the status link', () => {
    const sut = render('en');

    expect(sut.subject).toBe('Your privacy request RD-7K3M-Q9PX has been cancelled');
    expect(sut.text).toContain(
      'We have cancelled your request for stopping promotional emails and notifications (reference RD-7K3M-Q9PX). We will not carry it out any further.',
    );
    expect(sut.text).toContain('you can file a new request at any time');
    expect(sut.text).toContain(COMPLAINT_RIGHTS.ccpa.en);
    expect(sut.text).toContain(`View request status:\n${STATUS_URL}`);
    expect(sut.text).not.toContain('Some steps may already have been carried out');
  });

  it('says it in German', () => {
    const sut = render('de', { regime: 'gdpr', requestType: 'erasure' });

    expect(sut.subject).toBe('Ihre Datenschutzanfrage RD-7K3M-Q9PX wurde abgebrochen');
    expect(sut.text).toContain('Gewünscht war: die Löschung Ihrer Daten. Wir führen sie nicht weiter aus.');
    expect(sut.text).toContain('können Sie jederzeit eine neue Anfrage stellen');
    expect(sut.text).toContain(COMPLAINT_RIGHTS.gdpr.de);
    expect(sut.html).toContain('<html lang="de"');
  });

  it('warns that parts may have been carried out when execution had failed part-way', () => {
    expect(render('en', { partlyCarriedOut: true }).text).toContain('Some steps may already have been carried out before the request was cancelled.');
    expect(render('de', { partlyCarriedOut: true }).text).toContain('Einzelne Schritte wurden möglicherweise bereits ausgeführt');
  });

  it.each(REGIMES)('names where to complain under %s', (regime) => {
    for (const locale of MAIL_LOCALES) {
      expect(render(locale, { regime }).text).toContain(COMPLAINT_RIGHTS[regime][locale]);
    }
  });

  it('escapes a hostile reference and company name', () => {
    const sut = render('en', { reference: `RD-1 ${HOSTILE}`, companyName: HOSTILE });

    expect(sut.html).not.toMatch(/<script/i);
    expect(sut.html).toContain('RD-1 &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(sut.text).toContain(`RD-1 ${HOSTILE}`);
  });
});
