import { REQUEST_TYPES, type RequestType } from '@rightsdesk/domain';
import { type EmailMessageSpec, renderEmail } from './email-catalogue';
import { MAIL_LOCALES, type MailLocale } from './mail-locale';
import { type RequestCompletedParams } from './request-completed.template';

const HOSTILE = '<script>alert("x")</script>';
const DOWNLOAD_URL = 'https://privacy.acme.test/download?token=pkg456&r=RD-7K3M-Q9PX';

function aRequestCompleted(overrides: Partial<RequestCompletedParams> = {}): RequestCompletedParams {
  const requestType = overrides.requestType ?? 'access';
  return {
    companyName: 'Acme GmbH',
    reference: 'RD-7K3M-Q9PX',
    requestType,
    ...(requestType === 'access'
      ? { downloadUrl: DOWNLOAD_URL, downloadExpiresOn: '2025-04-20', maxDownloads: 3 }
      : {}),
    summary: { systems: 4 },
    ...overrides,
  };
}

function render(locale: MailLocale, overrides: Partial<RequestCompletedParams> = {}) {
  return renderEmail({ template: 'request_completed', locale, params: aRequestCompleted(overrides) });
}

const NON_ACCESS_TYPES = REQUEST_TYPES.filter((type) => type !== 'access');

describe.each(MAIL_LOCALES)('request_completed in %s', (locale) => {
  it.each(REQUEST_TYPES)('%s names the reference in the subject, text and HTML', (requestType) => {
    const sut = render(locale, { requestType });

    expect(sut.subject).toContain('RD-7K3M-Q9PX');
    expect(sut.text).toContain('RD-7K3M-Q9PX');
    expect(sut.html).toContain('RD-7K3M-Q9PX');
    expect(sut.html).toContain(`<html lang="${locale}"`);
  });

  it.each(REQUEST_TYPES)('%s says once that they may ask us and complain to a supervisory authority', (requestType) => {
    const sut = render(locale, { requestType });
    const sentence =
      locale === 'de'
        ? 'Bei Fragen zu dieser Anfrage können Sie sich an uns wenden; außerdem haben Sie das Recht, sich bei einer Datenschutz-Aufsichtsbehörde zu beschweren.'
        : 'If you have questions about this request, you can contact us; you also have the right to lodge a complaint with a data protection supervisory authority.';

    expect(sut.text.split(sentence)).toHaveLength(2);
    expect(sut.html).toContain(sentence);
  });

  it.each(REQUEST_TYPES)('%s escapes a hostile reference and company name', (requestType) => {
    const sut = render(locale, { requestType, companyName: HOSTILE, reference: `RD-1 ${HOSTILE}` });

    expect(sut.html).not.toMatch(/<script/i);
    expect(sut.html).toContain('RD-1 &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(sut.subject).toContain(`RD-1 ${HOSTILE}`);
    expect(sut.text).toContain(`RD-1 ${HOSTILE}`);
  });

  it.each(NON_ACCESS_TYPES)('%s has no button, no link and no copy hint', (requestType) => {
    const sut = render(locale, { requestType });

    expect(sut.html).not.toMatch(/<a\b/i);
    expect(sut.html).not.toMatch(/href=/i);
    expect(sut.text).not.toMatch(/https?:/);
    expect(sut.html).not.toMatch(/copy this address|kopieren Sie diese Adresse/);
  });

  it('never puts a download link into an email other than access', () => {
    const sut = render(locale, { requestType: 'erasure', downloadUrl: DOWNLOAD_URL });

    expect(sut.text).not.toContain(DOWNLOAD_URL);
    expect(sut.html).not.toContain('pkg456');
  });
});

describe('request_completed: access', () => {
  it('offers the download with its limits and how to keep it safe, in English', () => {
    const sut = render('en');
    const href = DOWNLOAD_URL.replace(/&/g, '&amp;');

    expect(sut.subject).toBe('Your data is ready: privacy request RD-7K3M-Q9PX');
    expect(sut.text).toContain('Your request for a copy of your data is complete. Its reference is RD-7K3M-Q9PX.');
    expect(sut.text).toContain(`Download your data:\n${DOWNLOAD_URL}`);
    expect(sut.html).toContain(`href="${href}"`);
    expect(sut.html).toContain('>Download your data</a>');
    expect(sut.html).toContain('If the button does not work, copy this address into your browser:');
    expect(sut.text).toContain('The link works until 20 April 2025 and can be used at most 3 times.');
    expect(sut.text).toContain('ZIP file');
    expect(sut.text).toContain('(index.html)');
    expect(sut.text).toContain('JSON and CSV files');
    expect(sut.text).toContain('Keep this link private');
    expect(sut.text).toContain('We never send your data as an email attachment.');
  });

  it('offers the download in German', () => {
    const sut = render('de');

    expect(sut.subject).toBe('Ihre Daten stehen bereit: Datenschutzanfrage RD-7K3M-Q9PX');
    expect(sut.text).toContain('Gewünscht war: eine Kopie Ihrer Daten.');
    expect(sut.html).toContain('>Ihre Daten herunterladen</a>');
    expect(sut.text).toContain('Der Link funktioniert bis zum 20. April 2025 und kann höchstens 3-mal verwendet werden.');
    expect(sut.text).toContain('ZIP-Datei');
    expect(sut.text).toContain('JSON- und CSV-Dateien');
    expect(sut.text).toContain('Geben Sie diesen Link nicht weiter');
    expect(sut.text).toContain('nie als E-Mail-Anhang');
  });

  it('says "once" for a single download', () => {
    expect(render('en', { maxDownloads: 1 }).text).toContain('and can be used only once.');
    expect(render('de', { maxDownloads: 1 }).text).toContain('und kann nur einmal verwendet werden.');
  });

  it.each([
    ['downloadUrl', { downloadUrl: undefined }],
    ['downloadExpiresOn', { downloadExpiresOn: undefined }],
    ['maxDownloads', { maxDownloads: undefined }],
  ] as const)('refuses to say the data is ready without %s', (_field, overrides) => {
    expect(() => render('en', overrides)).toThrow(TypeError);
  });

  it('refuses a bad expiry date, download count or link', () => {
    expect(() => render('en', { downloadExpiresOn: '2025-02-30' })).toThrow(RangeError);
    expect(() => render('en', { maxDownloads: 0 })).toThrow(RangeError);
    expect(() => render('en', { maxDownloads: 2.5 })).toThrow(RangeError);
    expect(() => render('en', { downloadUrl: 'javascript:alert(1)' })).toThrow(/http or https/);
  });
});

describe('request_completed: erasure', () => {
  it('reports deletion or anonymization, legal retention and the erasure record in English', () => {
    const sut = render('en', { requestType: 'erasure' });

    expect(sut.subject).toBe('Your privacy request RD-7K3M-Q9PX is complete');
    expect(sut.text).toContain('We have deleted or anonymized your personal data in all 4 systems we searched.');
    expect(sut.text).toContain('where the law requires it, for example invoices that tax law obliges us to retain');
    expect(sut.text).toContain('no longer used for anything else');
    expect(sut.text).toContain('We keep a record of this erasure under reference RD-7K3M-Q9PX');
  });

  it('reports the same in German', () => {
    const sut = render('de', { requestType: 'erasure' });

    expect(sut.subject).toBe('Ihre Datenschutzanfrage RD-7K3M-Q9PX ist abgeschlossen');
    expect(sut.text).toContain(
      'Wir haben Ihre personenbezogenen Daten in allen 4 Systemen, die wir durchsucht haben, gelöscht oder anonymisiert.',
    );
    expect(sut.text).toContain('Rechnungen nach dem Steuerrecht');
    expect(sut.text).toContain('Nachweis unter der Referenz RD-7K3M-Q9PX');
  });

  it('words a single system without "all"', () => {
    expect(render('en', { requestType: 'erasure', summary: { systems: 1 } }).text).toContain(
      'in the one system we searched.',
    );
    expect(render('de', { requestType: 'erasure', summary: { systems: 1 } }).text).toContain(
      'in dem System, das wir durchsucht haben, gelöscht',
    );
  });

  it('refuses a system count that is not a positive whole number', () => {
    expect(() => render('en', { requestType: 'erasure', summary: { systems: 0 } })).toThrow(RangeError);
  });
});

describe('request_completed: rectification', () => {
  it('says the corrections have been made', () => {
    expect(render('en', { requestType: 'rectification' }).text).toContain(
      'We have made the corrections you asked for.',
    );
    expect(render('de', { requestType: 'rectification' }).text).toContain(
      'Wir haben die von Ihnen gewünschten Berichtigungen vorgenommen.',
    );
  });
});

describe('request_completed: opt_out', () => {
  it('says we have stopped, allows for scheduled emails and explains the hashed suppression entry', () => {
    const sut = render('en', { requestType: 'opt_out' });

    expect(sut.text).toContain('We have stopped sending you promotional emails and notifications.');
    expect(sut.text).toContain('may still arrive for up to 10 business days');
    expect(sut.text).toContain('suppression list, stored there only as a one-way hash');
    expect(sut.text).not.toMatch(/you will (never|no longer)/i);
  });

  it('says the same in German', () => {
    const sut = render('de', { requestType: 'opt_out' });

    expect(sut.text).toContain('Wir haben den Versand von Werbe-E-Mails und Benachrichtigungen an Sie eingestellt.');
    expect(sut.text).toContain('bis zu 10 Arbeitstage');
    expect(sut.text).toContain('Sperrliste, dort nur als Einweg-Hashwert gespeichert');
  });
});

describe('request_completed: child_data_removal', () => {
  it('says the child\'s data has been removed', () => {
    const en = render('en', { requestType: 'child_data_removal' });
    const de = render('de', { requestType: 'child_data_removal' });

    expect(en.text).toContain("We have removed the child's data from all 4 systems we searched.");
    expect(en.html).toContain('child&#39;s data');
    expect(de.text).toContain('Wir haben die Daten des Kindes aus allen 4 Systemen, die wir durchsucht haben, entfernt.');
  });
});

describe('request_completed in German', () => {
  it.each(REQUEST_TYPES)('%s is written in German', (requestType: RequestType) => {
    const sut = render('de', { requestType });

    expect(sut.subject).toContain('Datenschutzanfrage');
    expect(sut.text).toContain('Ihre');
    expect(sut.text).toMatch(/\b(wir|Sie)\b/);
    expect(sut.text).not.toMatch(/\b(the|your|we|have|has|been|request|and)\b/i);
  });
});

it('throws on a request type read back from storage that no longer exists', () => {
  const spec = {
    template: 'request_completed',
    locale: 'en',
    params: { ...aRequestCompleted({ requestType: 'erasure' }), requestType: 'portability' },
  } as unknown as EmailMessageSpec;

  expect(() => renderEmail(spec)).toThrow('Unknown request type "portability"');
});

it('says a re-sent access link replaces the earlier one, and only when it does', () => {
  expect(render('en', { linkReplaced: true }).text).toContain('This link replaces the one we sent you before, which no longer works.');
  expect(render('de', { linkReplaced: true }).text).toContain('Dieser Link ersetzt den zuvor gesendeten, der nicht mehr funktioniert.');
  expect(render('en').text).not.toContain('replaces');
});

describe('request_completed: opt-out scope', () => {
  it('says only what stopped: marketing, sale and sharing, or both', () => {
    const marketing = render('en', { requestType: 'opt_out' });
    expect(marketing.text).toContain('We have stopped sending you promotional emails');
    expect(marketing.text).not.toContain('selling or sharing');

    const sale = render('en', { requestType: 'opt_out', optOutScope: { marketing: false, saleSharing: true } });
    expect(sale.subject).toMatch(/is complete$/);
    expect(sale.text).toContain('We have stopped selling or sharing your personal information');
    expect(sale.text).not.toContain('promotional');

    const both = render('en', { requestType: 'opt_out', optOutScope: { marketing: true, saleSharing: true } });
    expect(both.text).toContain('We have stopped sending you promotional emails');
    expect(both.text).toContain('We have also stopped selling or sharing');

    expect(render('de', { requestType: 'opt_out', optOutScope: { marketing: false, saleSharing: true } }).text).toContain(
      'Wir verkaufen und teilen Ihre personenbezogenen Daten nicht mehr',
    );
  });
});
