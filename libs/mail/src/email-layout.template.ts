import { escapeHtml } from './escape-html';
import { type MailLocale } from './mail-locale';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export interface EmailAction {
  label: string;
  url: string;
}

// Who reads the email decides the footer: a data subject gets told why a stranger's company wrote
// to them; the privacy team does not.
export type EmailAudience = 'data_subject' | 'privacy_team';

// Every template fills in this one structure, so the HTML and the plain-text part cannot say
// different things. All strings are plain text; the layout escapes them.
export interface EmailContent {
  locale: MailLocale;
  subject: string;
  preheader: string;
  heading: string;
  paragraphsBeforeAction: readonly string[];
  /** Without an action the email has no button and no "copy this address" hint. */
  action?: EmailAction;
  paragraphsAfterAction: readonly string[];
  companyName: string;
  /** Defaults to 'data_subject'. */
  audience?: EmailAudience;
}

const COPY_HINT: Record<MailLocale, string> = {
  en: 'If the button does not work, copy this address into your browser:',
  de: 'Falls die Schaltfläche nicht funktioniert, kopieren Sie diese Adresse in Ihren Browser:',
};

function footer(companyName: string, locale: MailLocale, audience: EmailAudience): string {
  const name = singleLine(companyName);
  if (audience === 'privacy_team') {
    return locale === 'de'
      ? `Gesendet an das Datenschutzteam von ${name}. Dies ist eine automatische Nachricht.`
      : `Sent to the privacy team of ${name}. This is an automated message.`;
  }
  return locale === 'de'
    ? `Gesendet von ${name}, weil diese E-Mail-Adresse in einer Datenschutzanfrage angegeben wurde. Dies ist eine automatische Nachricht.`
    : `Sent by ${name} because this email address was given in a privacy request. This is an automated message.`;
}

const FONT = "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

// A link in a privacy email must never run code or point somewhere odd; a bad URL here is a
// configuration bug, so refuse to render rather than mail it out.
export function assertHttpUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError('Email link is not an absolute URL');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new TypeError(`Email link must use http or https, not ${parsed.protocol}`);
  }
  return url;
}

// Values such as a company name end up in the Subject header; a line break there is never wanted.
export function singleLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

export function renderEmailLayout(content: EmailContent): RenderedEmail {
  const action = content.action ? { label: content.action.label, url: assertHttpUrl(content.action.url) } : null;
  const subject = singleLine(content.subject);
  return { subject, text: renderText(content, action), html: renderHtml(content, subject, action) };
}

function footerOf(content: EmailContent): string {
  return footer(content.companyName, content.locale, content.audience ?? 'data_subject');
}

function renderText(content: EmailContent, action: EmailAction | null): string {
  const blocks = [
    content.heading,
    ...content.paragraphsBeforeAction,
    ...(action ? [`${action.label}:\n${action.url}`] : []),
    ...content.paragraphsAfterAction,
    // "-- " with the trailing space is the signature separator mail clients recognise.
    `-- \n${footerOf(content)}`,
  ];
  return `${blocks.join('\n\n')}\n`;
}

function paragraph(text: string): string {
  return `<p style="margin:0 0 16px 0;">${escapeHtml(text)}</p>`;
}

function renderAction(action: EmailAction, locale: MailLocale): string {
  const href = escapeHtml(action.url);
  return `<p style="margin:24px 0;"><a href="${href}" style="display:inline-block;padding:12px 22px;background-color:#1d4ed8;color:#ffffff;font-weight:600;text-decoration:none;border-radius:6px;">${escapeHtml(action.label)}</a></p>
<p style="margin:0 0 4px 0;font-size:14px;color:#374151;">${escapeHtml(COPY_HINT[locale])}</p>
<p style="margin:0 0 24px 0;font-size:14px;word-break:break-all;"><a href="${href}" style="color:#1d4ed8;">${href}</a></p>
`;
}

function renderHtml(content: EmailContent, subject: string, action: EmailAction | null): string {
  return `<!DOCTYPE html>
<html lang="${content.locale}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${escapeHtml(subject)}</title>
</head>
<body style="margin:0;padding:0;background-color:#f3f4f6;">
<div style="display:none;max-height:0;max-width:0;overflow:hidden;opacity:0;mso-hide:all;">${escapeHtml(content.preheader)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f3f4f6;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:560px;background-color:#ffffff;border:1px solid #e5e7eb;border-radius:8px;">
<tr><td style="padding:32px 28px;font-family:${FONT};font-size:16px;line-height:1.5;color:#111827;">
<h1 style="margin:0 0 20px 0;font-size:22px;line-height:1.3;font-weight:700;color:#111827;">${escapeHtml(content.heading)}</h1>
${content.paragraphsBeforeAction.map(paragraph).join('\n')}
${action ? renderAction(action, content.locale) : ''}${content.paragraphsAfterAction.map(paragraph).join('\n')}
</td></tr>
<tr><td style="padding:16px 28px;border-top:1px solid #e5e7eb;font-family:${FONT};font-size:13px;line-height:1.5;color:#4b5563;">${escapeHtml(footerOf(content))}</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}
