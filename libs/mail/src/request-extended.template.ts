import { type EmailContent, type RenderedEmail, renderEmailLayout, singleLine } from './email-layout.template';
import { freeTextParagraphs } from './free-text';
import { formatCalendarDate, type MailLocale, resolveMailLocale } from './mail-locale';
import type { RequestType } from '@rightsdesk/domain';
import { requestTypeLabel } from './request-type-label';

export interface RequestExtendedParams {
  companyName: string;
  reference: string;
  requestType: RequestType;
  /** The new statutory due date as YYYY-MM-DD. */
  dueOn: string;
  /** How the new due date was reached (the statutory clock's sentence). */
  dueExplanation: string;
  /** The officer's reasons for the extension, as they wrote them. */
  reason: string;
  statusUrl: string;
}

// GDPR Art. 12(3): the data subject must be told of an extension, with the reasons for the delay,
// within the first month; CCPA and the US state laws likewise require notice with the reason.
export function renderRequestExtendedEmail(params: RequestExtendedParams, locale: MailLocale): RenderedEmail {
  const lang = resolveMailLocale(locale);
  const reference = singleLine(params.reference);
  const label = requestTypeLabel(params.requestType, lang);
  const dueOn = formatCalendarDate(params.dueOn, lang);
  const reasons = freeTextParagraphs(params.reason);
  if (reasons.length === 0) {
    throw new RangeError('An extension notice needs the reasons for the delay');
  }
  const base = { locale: lang, companyName: params.companyName };

  const content: EmailContent =
    lang === 'de'
      ? {
          ...base,
          subject: `Wir benötigen mehr Zeit für Ihre Datenschutzanfrage ${reference}`,
          preheader: `Wir antworten nun spätestens bis zum ${dueOn}.`,
          heading: 'Wir haben die Frist für Ihre Anfrage verlängert',
          paragraphsBeforeAction: [
            `Ihre Anfrage ${reference} (gewünscht wird: ${label}) braucht mehr Zeit, als die erste gesetzliche Frist erlaubt. Wir haben die Frist daher im gesetzlich zulässigen Rahmen verlängert.`,
            `Wir antworten nun spätestens bis zum ${dueOn}. ${singleLine(params.dueExplanation)}`,
            'Die Gründe für die Verlängerung:',
            ...reasons,
          ],
          action: { url: params.statusUrl, label: 'Status der Anfrage ansehen' },
          paragraphsAfterAction: [
            'Bewahren Sie diese E-Mail auf und leiten Sie sie nicht weiter: Über den Link können Sie den Stand Ihrer Anfrage verfolgen.',
          ],
        }
      : {
          ...base,
          subject: `We need more time for your privacy request ${reference}`,
          preheader: `We will now respond by ${dueOn}.`,
          heading: 'We have extended the deadline for your request',
          paragraphsBeforeAction: [
            `Your request for ${label} (reference ${reference}) needs more time than the first period the law gives us, so we have extended the deadline as the law allows.`,
            `We will now respond by ${dueOn}. ${singleLine(params.dueExplanation)}`,
            'Why we need more time:',
            ...reasons,
          ],
          action: { url: params.statusUrl, label: 'View request status' },
          paragraphsAfterAction: [
            'Keep this email and do not forward it: the link lets you follow the status of your request.',
          ],
        };
  return renderEmailLayout(content);
}
