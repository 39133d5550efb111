import {
  type EmailContent,
  type RenderedEmail,
  renderEmailLayout,
  singleLine,
} from './email-layout.template';
import { formatCalendarDate, type MailLocale, resolveMailLocale } from './mail-locale';
import type { RequestType } from '@rightsdesk/domain';
import { requestTypeLabel } from './request-type-label';

export interface RequestVerifiedParams {
  companyName: string;
  /** The full reference as shown to the data subject, e.g. "RD-7K3M-Q9PX". */
  reference: string;
  requestType: RequestType;
  statusUrl: string;
  /** The statutory due date as YYYY-MM-DD. */
  dueOn: string;
  /** One sentence, already in the email's language, saying how the due date was reached. */
  dueExplanation: string;
}

// Confirming a request says nothing about what will be found: the wording promises handling and
// an answer by the due date, never that data exists. It fits an officer's review as well as an
// automatic approval (the settings can approve some types as soon as they are confirmed).
export function renderRequestVerifiedEmail(params: RequestVerifiedParams, locale: MailLocale): RenderedEmail {
  const lang = resolveMailLocale(locale);
  const reference = singleLine(params.reference);
  const label = requestTypeLabel(params.requestType, lang);
  const dueOn = formatCalendarDate(params.dueOn, lang);
  const base = { locale: lang, companyName: params.companyName };

  const content: EmailContent =
    lang === 'de'
      ? {
          ...base,
          subject: `Wir bearbeiten Ihre Datenschutzanfrage ${reference}`,
          preheader: `Ihre Anfrage ${reference} ist bestätigt. Wir antworten spätestens bis zum ${dueOn}.`,
          heading: 'Ihre Anfrage ist bestätigt',
          paragraphsBeforeAction: [
            `Danke, dass Sie Ihre Anfrage ${reference} bestätigt haben. Gewünscht wird: ${label}.`,
            'Unser Datenschutzteam bearbeitet sie nun.',
            `Wir antworten spätestens bis zum ${dueOn}. ${singleLine(params.dueExplanation)}`,
          ],
          action: { url: params.statusUrl, label: 'Status der Anfrage ansehen' },
          paragraphsAfterAction: [
            'Bewahren Sie diese E-Mail auf und leiten Sie sie nicht weiter: Über den Link können Sie den Stand Ihrer Anfrage verfolgen.',
          ],
        }
      : {
          ...base,
          subject: `We are working on your privacy request ${reference}`,
          preheader: `Request ${reference} is confirmed. We will respond by ${dueOn}.`,
          heading: 'Your request is confirmed',
          paragraphsBeforeAction: [
            `Thank you for confirming your request for ${label}. Its reference is ${reference}.`,
            'Our privacy team is handling it now.',
            `We will respond by ${dueOn}. ${singleLine(params.dueExplanation)}`,
          ],
          action: { url: params.statusUrl, label: 'View request status' },
          paragraphsAfterAction: [
            'Keep this email and do not forward it: the link lets you follow the status of your request.',
          ],
        };
  return renderEmailLayout(content);
}
