import { renderEmail } from './email-catalogue';
import { MAIL_LOCALES, type MailLocale } from './mail-locale';
import { type RequesterRepliedParams } from './requester-replied.template';

const CONSOLE_URL = 'https://privacy.acme.test/console/requests/0b7c?tab=messages&x=1';

function aReply(overrides: Partial<RequesterRepliedParams> = {}): RequesterRepliedParams {
  return { companyName: 'Acme GmbH', reference: 'RD-7K3M-Q9PX', requestType: 'child_data_removal', files: 2, dueOn: '2027-01-04', consoleUrl: CONSOLE_URL, ...overrides };
}

function render(locale: MailLocale, overrides: Partial<RequesterRepliedParams> = {}) {
  return renderEmail({ template: 'requester_replied', locale, params: aReply(overrides) });
}

describe('requester_replied', () => {
  it('tells the team an answer arrived, with the file count, the due date and the console link', () => {
    const sut = render('en');

    expect(sut.subject).toBe('Answer received: request RD-7K3M-Q9PX');
    expect(sut.text).toContain('The answer to your information request on the child data removal request RD-7K3M-Q9PX has arrived, with 2 files.');
    expect(sut.text).toContain('It is due on 4 January 2027.');
    expect(sut.text).toContain(`Open the request in the console:\n${CONSOLE_URL}`);
    expect(sut.text).toContain('Sent to the privacy team of Acme GmbH');
  });

  it('words no file and one file', () => {
    expect(render('en', { files: 0 }).text).toContain('has arrived. The request is back in review');
    expect(render('en', { files: 1 }).text).toContain('has arrived, with 1 file.');
    expect(render('de', { files: 1 }).text).toContain(', mit 1 Datei.');
  });

  it('says the same in German', () => {
    const sut = render('de');

    expect(sut.subject).toBe('Antwort eingegangen: Anfrage RD-7K3M-Q9PX');
    expect(sut.text).toContain('Zur Anfrage RD-7K3M-Q9PX (Entfernung von Kinderdaten) ist die Antwort auf Ihre Rückfrage eingegangen, mit 2 Dateien.');
    expect(sut.text).toContain('Sie ist bis zum 4. Januar 2027 zu beantworten.');
  });

  it.each(MAIL_LOCALES)('holds nothing a requester wrote (%s)', (locale) => {
    const params = aReply();
    const sut = render(locale);

    // Every value it shows is one of these; there is no parameter for the answer or a file name.
    expect(Object.keys(params).sort()).toEqual(['companyName', 'consoleUrl', 'dueOn', 'files', 'reference', 'requestType']);
    expect(sut.text).not.toMatch(/@|your data|Ihre Daten/i);
  });

  it('refuses a file count that is not a count', () => {
    expect(() => render('en', { files: -1 })).toThrow(RangeError);
    expect(() => render('en', { files: 1.5 })).toThrow(RangeError);
  });
});
