import { type EmailContent, renderEmailLayout } from './email-layout.template';

function aContent(overrides: Partial<EmailContent> = {}): EmailContent {
  return {
    locale: 'en',
    subject: 'Subject RD-1',
    preheader: 'Preheader',
    heading: 'Heading',
    paragraphsBeforeAction: ['Before.'],
    action: { label: 'Go', url: 'https://privacy.acme.test/go?a=1&b=2' },
    paragraphsAfterAction: ['After.'],
    companyName: 'Acme GmbH',
    ...overrides,
  };
}

describe('renderEmailLayout', () => {
  it('renders the button, the copy hint and the plain link when there is an action', () => {
    const sut = renderEmailLayout(aContent());

    expect(sut.text).toContain('Before.\n\nGo:\nhttps://privacy.acme.test/go?a=1&b=2\n\nAfter.');
    expect(sut.html).toContain('>Go</a>');
    expect(sut.html).toContain('copy this address into your browser');
    expect(sut.html).toContain('>https://privacy.acme.test/go?a=1&amp;b=2</a>');
  });

  it.each(['en', 'de'] as const)('renders no button, hint or link without an action (%s)', (locale) => {
    const sut = renderEmailLayout(aContent({ locale, action: undefined }));

    expect(sut.text).toBe(
      `Heading\n\nBefore.\n\nAfter.\n\n-- \n${
        locale === 'de'
          ? 'Gesendet von Acme GmbH, weil diese E-Mail-Adresse in einer Datenschutzanfrage angegeben wurde. Dies ist eine automatische Nachricht.'
          : 'Sent by Acme GmbH because this email address was given in a privacy request. This is an automated message.'
      }\n`,
    );
    expect(sut.html).not.toMatch(/<a\b|href=/i);
    expect(sut.html).not.toMatch(/copy this address|kopieren Sie diese Adresse/);
    expect(sut.html).toMatch(/<p style="[^"]*">Before\.<\/p>\n<p style="[^"]*">After\.<\/p>/);
  });

  it('says who an email to the privacy team is for', () => {
    const en = renderEmailLayout(aContent({ audience: 'privacy_team' }));
    const de = renderEmailLayout(aContent({ audience: 'privacy_team', locale: 'de' }));

    expect(en.text).toContain('-- \nSent to the privacy team of Acme GmbH. This is an automated message.\n');
    expect(en.html).toContain('Sent to the privacy team of Acme GmbH.');
    expect(de.text).toContain('-- \nGesendet an das Datenschutzteam von Acme GmbH. Dies ist eine automatische Nachricht.\n');
  });
});
