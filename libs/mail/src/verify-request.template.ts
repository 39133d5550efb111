import {
  type EmailContent,
  type RenderedEmail,
  renderEmailLayout,
  singleLine,
} from './email-layout.template';
import { formatHours, type MailLocale, resolveMailLocale } from './mail-locale';
import type { RequestType } from '@rightsdesk/domain';
import { requestTypeLabel } from './request-type-label';

export interface VerifyRequestParams {
  companyName: string;
  /** The full reference as shown to the data subject, e.g. "RD-7K3M-Q9PX". */
  reference: string;
  requestType: RequestType;
  verifyUrl: string;
  expiresInHours: number;
}

// The person reading this may not be the one who filed the request, so the wording must not reveal
// whether the company holds any data about them, and must make ignoring the email safe.
export function renderVerifyRequestEmail(params: VerifyRequestParams, locale: MailLocale): RenderedEmail {
  const lang = resolveMailLocale(locale);
  const reference = singleLine(params.reference);
  const label = requestTypeLabel(params.requestType, lang);
  const hours = formatHours(params.expiresInHours, lang);
  const base = { locale: lang, companyName: params.companyName };

  const content: EmailContent =
    lang === 'de'
      ? {
          ...base,
          subject: `Bestätigen Sie Ihre Datenschutzanfrage ${reference}`,
          preheader: `Bitte bestätigen Sie innerhalb von ${hours}, dass die Anfrage ${reference} von Ihnen stammt.`,
          heading: 'Bitte bestätigen Sie Ihre Anfrage',
          paragraphsBeforeAction: [
            `Wir haben eine Datenschutzanfrage mit der Referenz ${reference} erhalten. Gewünscht wird: ${label}.`,
            'Solange Sie die Anfrage nicht bestätigen, geschieht nichts. Bitte bestätigen Sie, dass sie von Ihnen stammt.',
          ],
          action: { url: params.verifyUrl, label: 'Anfrage bestätigen' },
          paragraphsAfterAction: [
            `Dieser Link läuft in ${hours} ab.`,
            'Wenn Sie diese Anfrage nicht gestellt haben, ignorieren Sie diese E-Mail – es geschieht nichts.',
          ],
        }
      : {
          ...base,
          subject: `Confirm your privacy request ${reference}`,
          preheader: `Please confirm within ${hours} that request ${reference} is yours.`,
          heading: 'Please confirm your request',
          paragraphsBeforeAction: [
            `We received a request for ${label}. Its reference is ${reference}.`,
            'Nothing happens until you confirm that this request is yours.',
          ],
          action: { url: params.verifyUrl, label: 'Confirm my request' },
          paragraphsAfterAction: [
            `This link expires in ${hours}.`,
            'If you did not make this request, ignore this email — nothing will happen.',
          ],
        };
  return renderEmailLayout(content);
}
