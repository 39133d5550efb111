import { renderEmail } from './email-catalogue';
import { type InformationRequestedParams } from './information-requested.template';
import { MAIL_LOCALES, type MailLocale } from './mail-locale';

const STATUS_URL = 'https://privacy.acme.test/requests/status?ref=RD-7K3M-Q9PX&token=abc';
const HOSTILE = '<script>alert("x")</script>';

function aQuestion(overrides: Partial<InformationRequestedParams> = {}): InformationRequestedParams {
  return {
    companyName: 'Acme GmbH',
    reference: 'RD-7K3M-Q9PX',
    requestType: 'child_data_removal',
    question: 'Please send proof of your child’s age.\nA birth certificate is enough.',
    statusUrl: STATUS_URL,
    dueOn: '2026-12-25',
    clockPaused: true,
    ...overrides,
  };
}

function render(locale: MailLocale, overrides: Partial<InformationRequestedParams> = {}) {
  return renderEmail({ template: 'information_requested', locale, params: aQuestion(overrides) });
}

describe('information_requested', () => {
  it('asks the question and links to the status page to answer, in English', () => {
    const sut = render('en');

    expect(sut.subject).toBe('We need information for your privacy request RD-7K3M-Q9PX');
    expect(sut.text).toContain("To continue with your request for removal of a child's data (reference RD-7K3M-Q9PX)");
    expect(sut.text).toContain('Please send proof of your child’s age.\n\nA birth certificate is enough.');
    expect(sut.text).toContain('you can attach files there (PDF, PNG or JPEG)');
    expect(sut.text).toContain('Until your answer arrives, the deadline for our response is paused.');
    expect(sut.text).toContain(`Answer on the status page:\n${STATUS_URL}`);
  });

  it('says the deadline keeps running where the regime does not pause it', () => {
    const sut = render('en', { clockPaused: false });

    expect(sut.text).toContain('We will still respond by 25 December 2026.');
    expect(sut.text).not.toContain('paused');
  });

  it('says the same in German', () => {
    const sut = render('de');

    expect(sut.subject).toBe('Wir benötigen Angaben zu Ihrer Datenschutzanfrage RD-7K3M-Q9PX');
    expect(sut.text).toContain('Bis Ihre Antwort eingeht, ruht die Frist für unsere Antwort.');
    expect(sut.html).toContain('>Auf der Statusseite antworten</a>');
    expect(render('de', { clockPaused: false }).text).toContain('Wir antworten weiterhin spätestens bis zum 25. Dezember 2026.');
  });

  it.each(MAIL_LOCALES)('escapes the question (%s)', (locale) => {
    const sut = render(locale, { question: HOSTILE });

    expect(sut.html).not.toMatch(/<script/i);
    expect(sut.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  it('refuses to render without a question', () => {
    expect(() => render('en', { question: '' })).toThrow(RangeError);
  });
});
