import { type EmailContent, type RenderedEmail, renderEmailLayout, singleLine } from './email-layout.template';
import { freeTextParagraphs } from './free-text';
import { formatCalendarDate, type MailLocale, resolveMailLocale } from './mail-locale';
import type { RequestType } from '@rightsdesk/domain';
import { requestTypeLabel } from './request-type-label';

export interface InformationRequestedParams {
  companyName: string;
  reference: string;
  requestType: RequestType;
  /** The officer's question, as they wrote it. */
  question: string;
  /** The status page, where the requester answers. */
  statusUrl: string;
  /** The due date in force as YYYY-MM-DD. */
  dueOn: string;
  /** Whether the regime stops the statutory clock while we wait (GDPR, UK GDPR) or not (CCPA). */
  clockPaused: boolean;
}

// The question goes out as the officer wrote it; the link opens the status page, which shows the
// question again with a form for the answer and files.
export function renderInformationRequestedEmail(params: InformationRequestedParams, locale: MailLocale): RenderedEmail {
  const lang = resolveMailLocale(locale);
  const reference = singleLine(params.reference);
  const label = requestTypeLabel(params.requestType, lang);
  const dueOn = formatCalendarDate(params.dueOn, lang);
  const question = freeTextParagraphs(params.question);
  if (question.length === 0) {
    throw new RangeError('An information request needs a question');
  }
  const base = { locale: lang, companyName: params.companyName };

  const content: EmailContent =
    lang === 'de'
      ? {
          ...base,
          subject: `Wir benötigen Angaben zu Ihrer Datenschutzanfrage ${reference}`,
          preheader: `Bitte beantworten Sie unsere Frage zu Ihrer Anfrage ${reference}.`,
          heading: 'Wir benötigen weitere Angaben von Ihnen',
          paragraphsBeforeAction: [
            `Damit wir Ihre Anfrage ${reference} (gewünscht wird: ${label}) weiter bearbeiten können, benötigt unser Datenschutzteam folgende Angaben:`,
            ...question,
            'Antworten Sie auf der Statusseite Ihrer Anfrage. Falls wir um ein Dokument gebeten haben, können Sie dort Dateien (PDF, PNG oder JPEG) anhängen.',
            params.clockPaused
              ? 'Bis Ihre Antwort eingeht, ruht die Frist für unsere Antwort.'
              : `Wir antworten weiterhin spätestens bis zum ${dueOn}.`,
          ],
          action: { url: params.statusUrl, label: 'Auf der Statusseite antworten' },
          paragraphsAfterAction: [
            'Leiten Sie diese E-Mail nicht weiter: Wer den Link hat, kann in Ihrem Namen antworten.',
          ],
        }
      : {
          ...base,
          subject: `We need information for your privacy request ${reference}`,
          preheader: `Please answer our question about your request ${reference}.`,
          heading: 'We need more information from you',
          paragraphsBeforeAction: [
            `To continue with your request for ${label} (reference ${reference}), our privacy team needs the following from you:`,
            ...question,
            'Answer on the status page of your request. If we asked for a document, you can attach files there (PDF, PNG or JPEG).',
            params.clockPaused
              ? 'Until your answer arrives, the deadline for our response is paused.'
              : `We will still respond by ${dueOn}.`,
          ],
          action: { url: params.statusUrl, label: 'Answer on the status page' },
          paragraphsAfterAction: ['Do not forward this email: anyone with the link can answer for you.'],
        };
  return renderEmailLayout(content);
}
