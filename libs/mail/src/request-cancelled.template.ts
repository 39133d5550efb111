import type { RegimeId, RequestType } from '@rightsdesk/domain';
import { complaintRights } from './complaint-rights';
import { type EmailContent, type RenderedEmail, renderEmailLayout, singleLine } from './email-layout.template';
import { type MailLocale, resolveMailLocale } from './mail-locale';
import { requestTypeLabel } from './request-type-label';

export interface RequestCancelledParams {
  companyName: string;
  /** The full reference as shown to the data subject, e.g. "RD-7K3M-Q9PX". */
  reference: string;
  requestType: RequestType;
  /** The law that governs the request: it decides where the requester may complain. */
  regime: RegimeId;
  /** Cancelled after execution had run and failed in part: some steps may have been carried out. */
  partlyCarriedOut: boolean;
  statusUrl: string;
}

// The officer's reason for cancelling is internal and never in this email. Most cancellations follow
// the requester's own word, but one they did not ask for must not leave them without a way forward:
// a new request, and where to complain.
export function renderRequestCancelledEmail(params: RequestCancelledParams, locale: MailLocale): RenderedEmail {
  const lang = resolveMailLocale(locale);
  const reference = singleLine(params.reference);
  const label = requestTypeLabel(params.requestType, lang);
  const rights = complaintRights(params.regime, lang);
  const base = { locale: lang, companyName: params.companyName };

  const content: EmailContent =
    lang === 'de'
      ? {
          ...base,
          subject: `Ihre Datenschutzanfrage ${reference} wurde abgebrochen`,
          preheader: `Wir haben Ihre Anfrage ${reference} abgebrochen und führen sie nicht weiter aus.`,
          heading: 'Ihre Anfrage wurde abgebrochen',
          paragraphsBeforeAction: [
            `Wir haben Ihre Anfrage ${reference} abgebrochen. Gewünscht war: ${label}. Wir führen sie nicht weiter aus.`,
            ...(params.partlyCarriedOut ? ['Einzelne Schritte wurden möglicherweise bereits ausgeführt, bevor die Anfrage abgebrochen wurde.'] : []),
            'Falls Sie den Abbruch nicht veranlasst haben oder weiterhin möchten, dass wir tätig werden, können Sie jederzeit eine neue Anfrage stellen.',
            rights,
          ],
          action: { url: params.statusUrl, label: 'Status der Anfrage ansehen' },
          paragraphsAfterAction: [],
        }
      : {
          ...base,
          subject: `Your privacy request ${reference} has been cancelled`,
          preheader: `We have cancelled your request ${reference} and will not carry it out any further.`,
          heading: 'Your request has been cancelled',
          paragraphsBeforeAction: [
            `We have cancelled your request for ${label} (reference ${reference}). We will not carry it out any further.`,
            ...(params.partlyCarriedOut ? ['Some steps may already have been carried out before the request was cancelled.'] : []),
            'If you did not ask us to cancel it, or you still want us to act, you can file a new request at any time.',
            rights,
          ],
          action: { url: params.statusUrl, label: 'View request status' },
          paragraphsAfterAction: [],
        };
  return renderEmailLayout(content);
}
