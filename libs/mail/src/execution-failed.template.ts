import {
  type EmailContent,
  type RenderedEmail,
  renderEmailLayout,
  singleLine,
} from './email-layout.template';
import { formatCalendarDate, type MailLocale, resolveMailLocale } from './mail-locale';
import type { RequestType } from '@rightsdesk/domain';
import { requestTypeTerm } from './request-type-label';

export interface FailedSystem {
  /** The system's key in the data map. */
  system: string;
  /** The connector's error code, e.g. "ECONNREFUSED"; never an error message. */
  errorCode: string;
}

export interface ExecutionFailedParams {
  companyName: string;
  /** The full reference of the request, e.g. "RD-7K3M-Q9PX". */
  reference: string;
  requestType: RequestType;
  failedSystems: readonly FailedSystem[];
  /** The statutory due date as YYYY-MM-DD. */
  dueOn: string;
  consoleUrl: string;
}

// An error code is a connector's fixed identifier. Anything else may be a driver message quoting a
// value from the data subject's rows, and an inbox is no place for that: the console has the detail.
const ERROR_CODE = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

const NOT_A_CODE: Record<MailLocale, string> = {
  en: '(not a recognised code; see the console)',
  de: '(kein gültiger Code; siehe Konsole)',
};

function errorCodeOf(value: string, lang: MailLocale): string {
  return ERROR_CODE.test(value) ? value : NOT_A_CODE[lang];
}

// Goes to the privacy team, not the data subject, so it names systems and codes and nothing about
// the person; the statutory clock does not stop for a failure, which is why the due date is here.
export function renderExecutionFailedEmail(params: ExecutionFailedParams, locale: MailLocale): RenderedEmail {
  const lang = resolveMailLocale(locale);
  if (params.failedSystems.length === 0) {
    throw new RangeError('An execution failure email needs at least one failed system');
  }
  const reference = singleLine(params.reference);
  const term = requestTypeTerm(params.requestType, lang);
  const dueOn = formatCalendarDate(params.dueOn, lang);
  const count = params.failedSystems.length;
  const failures = params.failedSystems.map((failed) => ({
    system: singleLine(failed.system),
    code: errorCodeOf(singleLine(failed.errorCode), lang),
  }));
  const base = { locale: lang, companyName: params.companyName, audience: 'privacy_team' as const };

  const content: EmailContent =
    lang === 'de'
      ? {
          ...base,
          subject: `Handlungsbedarf: Anfrage ${reference} in ${count === 1 ? '1 System' : `${count} Systemen`} fehlgeschlagen`,
          preheader: `Die Anfrage ${reference} hat jetzt den Status „failed“. Sie ist weiterhin bis zum ${dueOn} fällig.`,
          heading: 'Eine Anfrage konnte nicht ausgeführt werden',
          paragraphsBeforeAction: [
            `Die Anfrage ${reference} (${term}) ist in ${count === 1 ? 'folgendem System' : `folgenden ${count} Systemen`} fehlgeschlagen. Ihr Status ist jetzt „failed“.`,
            ...failures.map(({ system, code }) => `${system} – Fehlercode ${code}`),
            `Die gesetzliche Frist läuft weiter: Die Anfrage ist bis zum ${dueOn} zu beantworten.`,
            'Sobald die Ursache behoben ist, kann jedes System einzeln in der Konsole erneut ausgeführt werden.',
          ],
          action: { url: params.consoleUrl, label: 'Anfrage in der Konsole öffnen' },
          paragraphsAfterAction: [
            'Diese E-Mail nennt nur Systeme und Fehlercodes; die Einzelheiten finden Sie in der Konsole.',
          ],
        }
      : {
          ...base,
          subject: `Action needed: request ${reference} failed in ${count === 1 ? '1 system' : `${count} systems`}`,
          preheader: `Request ${reference} is now failed. It is still due on ${dueOn}.`,
          heading: 'A request could not be carried out',
          paragraphsBeforeAction: [
            `The ${term} request ${reference} failed in ${count === 1 ? 'this system' : `these ${count} systems`}. Its status is now "failed".`,
            ...failures.map(({ system, code }) => `${system} — error code ${code}`),
            `The statutory deadline keeps running: the request is due on ${dueOn}.`,
            'Once the cause is fixed, each system can be retried on its own from the console.',
          ],
          action: { url: params.consoleUrl, label: 'Open the request in the console' },
          paragraphsAfterAction: ['This email names only systems and error codes; the details are in the console.'],
        };
  return renderEmailLayout(content);
}
