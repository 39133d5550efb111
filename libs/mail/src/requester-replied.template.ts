import { type EmailContent, type RenderedEmail, renderEmailLayout, singleLine } from './email-layout.template';
import { formatCalendarDate, type MailLocale, resolveMailLocale } from './mail-locale';
import type { RequestType } from '@rightsdesk/domain';
import { requestTypeTerm } from './request-type-label';

export interface RequesterRepliedParams {
  companyName: string;
  reference: string;
  requestType: RequestType;
  /** How many files came with the answer. */
  files: number;
  /** The due date after the hold ended, as YYYY-MM-DD. */
  dueOn: string;
  consoleUrl: string;
}

// Goes to the assignee or the team's address: it says that an answer arrived and where to read it,
// never what it says — the answer may hold anything, and an inbox is no place for it.
export function renderRequesterRepliedEmail(params: RequesterRepliedParams, locale: MailLocale): RenderedEmail {
  const lang = resolveMailLocale(locale);
  if (!Number.isInteger(params.files) || params.files < 0) {
    throw new RangeError(`Expected a file count, got ${params.files}`);
  }
  const reference = singleLine(params.reference);
  const term = requestTypeTerm(params.requestType, lang);
  const dueOn = formatCalendarDate(params.dueOn, lang);
  const base = { locale: lang, companyName: params.companyName, audience: 'privacy_team' as const };
  const files = params.files;

  const content: EmailContent =
    lang === 'de'
      ? {
          ...base,
          subject: `Antwort eingegangen: Anfrage ${reference}`,
          preheader: `Die Anfrage ${reference} ist wieder in Prüfung.`,
          heading: 'Eine Antwort auf Ihre Rückfrage ist eingegangen',
          paragraphsBeforeAction: [
            `Zur Anfrage ${reference} (${term}) ist die Antwort auf Ihre Rückfrage eingegangen${files === 0 ? '' : files === 1 ? ', mit 1 Datei' : `, mit ${files} Dateien`}. Die Anfrage ist wieder in Prüfung („awaiting_review“).`,
            `Sie ist bis zum ${dueOn} zu beantworten.`,
          ],
          action: { url: params.consoleUrl, label: 'Anfrage in der Konsole öffnen' },
          paragraphsAfterAction: ['Die Antwort selbst steht nur in der Konsole.'],
        }
      : {
          ...base,
          subject: `Answer received: request ${reference}`,
          preheader: `Request ${reference} is back in review.`,
          heading: 'The requester answered your question',
          paragraphsBeforeAction: [
            `The answer to your information request on the ${term} request ${reference} has arrived${files === 0 ? '' : files === 1 ? ', with 1 file' : `, with ${files} files`}. The request is back in review ("awaiting_review").`,
            `It is due on ${dueOn}.`,
          ],
          action: { url: params.consoleUrl, label: 'Open the request in the console' },
          paragraphsAfterAction: ['The answer itself is only in the console.'],
        };
  return renderEmailLayout(content);
}
