import {
  type EmailContent,
  type RenderedEmail,
  renderEmailLayout,
  singleLine,
} from './email-layout.template';
import { formatCalendarDate, type MailLocale, resolveMailLocale } from './mail-locale';
import type { RequestType } from '@rightsdesk/domain';
import { requestTypeLabel } from './request-type-label';

export interface RequestCompletedParams {
  companyName: string;
  /** The full reference as shown to the data subject, e.g. "RD-7K3M-Q9PX". */
  reference: string;
  requestType: RequestType;
  /** Access only: the link to the data package. */
  downloadUrl?: string;
  /** Access only: the last day the link works, as YYYY-MM-DD. */
  downloadExpiresOn?: string;
  /** Access only: how many times the package can be downloaded. */
  maxDownloads?: number;
  /** Access only: an officer re-sent the link; the one in the earlier email no longer works. */
  linkReplaced?: boolean;
  summary: {
    /** How many systems of the data map the request was carried out in. */
    systems: number;
  };
  /** Opt-out only: what it stopped. Absent: marketing only, as before sale/sharing existed. */
  optOutScope?: { marketing: boolean; saleSharing: boolean };
}

// Mailers that already queued a campaign need time to honour a suppression; ten business days is
// the period CAN-SPAM allows for an email opt-out.
const OPT_OUT_GRACE_BUSINESS_DAYS = 10;

// GDPR Art. 12(4) and 77: the answer to a request tells people they may complain to a supervisory
// authority. One calm sentence, the same in every variant.
const QUESTIONS_AND_COMPLAINTS: Record<MailLocale, string> = {
  en: 'If you have questions about this request, you can contact us; you also have the right to lodge a complaint with a data protection supervisory authority.',
  de: 'Bei Fragen zu dieser Anfrage können Sie sich an uns wenden; außerdem haben Sie das Recht, sich bei einer Datenschutz-Aufsichtsbehörde zu beschweren.',
};

const LINK_REPLACED: Record<MailLocale, string> = {
  en: 'This link replaces the one we sent you before, which no longer works.',
  de: 'Dieser Link ersetzt den zuvor gesendeten, der nicht mehr funktioniert.',
};

type CompletedBody = Omit<EmailContent, 'locale' | 'companyName' | 'audience'>;

// Each variant states what was done and nothing more: retention duties, scheduled mailings and the
// erasure record are named so the email never promises more than the systems did.
export function renderRequestCompletedEmail(params: RequestCompletedParams, locale: MailLocale): RenderedEmail {
  const lang = resolveMailLocale(locale);
  const reference = singleLine(params.reference);
  const body = completedBody(params, reference, lang);
  const content: EmailContent = {
    ...body,
    locale: lang,
    companyName: params.companyName,
    paragraphsAfterAction: [...body.paragraphsAfterAction, QUESTIONS_AND_COMPLAINTS[lang]],
  };
  return renderEmailLayout(content);
}

function completedBody(params: RequestCompletedParams, reference: string, lang: MailLocale): CompletedBody {
  switch (params.requestType) {
    case 'access':
      return accessBody(params, reference, lang);
    case 'erasure':
      return erasureBody(params, reference, lang);
    case 'rectification':
      return rectificationBody(reference, lang);
    case 'opt_out':
      return optOutBody(reference, lang, params.optOutScope ?? { marketing: true, saleSharing: false });
    case 'child_data_removal':
      return childDataRemovalBody(params, reference, lang);
    default: {
      // Params are read back from outbox rows, so an unknown type can arrive at run time.
      const unknown: never = params.requestType;
      throw new TypeError(`Unknown request type "${String(unknown)}"`);
    }
  }
}

function intro(type: RequestType, reference: string, lang: MailLocale): string {
  const label = requestTypeLabel(type, lang);
  return lang === 'de'
    ? `Ihre Anfrage ${reference} ist abgeschlossen. Gewünscht war: ${label}.`
    : `Your request for ${label} is complete. Its reference is ${reference}.`;
}

function completeSubject(reference: string, lang: MailLocale): string {
  return lang === 'de'
    ? `Ihre Datenschutzanfrage ${reference} ist abgeschlossen`
    : `Your privacy request ${reference} is complete`;
}

function positiveWholeNumber(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`Expected a positive whole number of ${what}, got ${value}`);
  }
  return value;
}

// Building an Intl formatter costs far more than using one, and every completion email formats.
const COUNT_FORMATS = { de: new Intl.NumberFormat('de-DE'), en: new Intl.NumberFormat('en-GB') };

function formatCount(count: number, lang: MailLocale): string {
  return (lang === 'de' ? COUNT_FORMATS.de : COUNT_FORMATS.en).format(count);
}

// Follows "in" / "from" (en) and "in" / "aus" (de, dative).
function searchedSystems(count: number, lang: MailLocale): string {
  positiveWholeNumber(count, 'systems');
  const n = formatCount(count, lang);
  if (lang === 'de') {
    return count === 1 ? 'dem System, das wir durchsucht haben' : `allen ${n} Systemen, die wir durchsucht haben`;
  }
  return count === 1 ? 'the one system we searched' : `all ${n} systems we searched`;
}

function accessBody(params: RequestCompletedParams, reference: string, lang: MailLocale): CompletedBody {
  const { downloadUrl, downloadExpiresOn, maxDownloads } = params;
  // "Your data is ready" without a working link would be a false answer to an access request.
  if (downloadUrl === undefined || downloadExpiresOn === undefined || maxDownloads === undefined) {
    throw new TypeError('A completed access request needs downloadUrl, downloadExpiresOn and maxDownloads');
  }
  const expiresOn = formatCalendarDate(downloadExpiresOn, lang);
  const downloads = positiveWholeNumber(maxDownloads, 'downloads');
  const times = formatCount(downloads, lang);
  const replaced = params.linkReplaced === true ? [LINK_REPLACED[lang]] : [];

  return lang === 'de'
    ? {
        subject: `Ihre Daten stehen bereit: Datenschutzanfrage ${reference}`,
        preheader: `Ihre Daten stehen bis zum ${expiresOn} zum Herunterladen bereit.`,
        heading: 'Ihre Daten stehen bereit',
        paragraphsBeforeAction: [intro('access', reference, lang), 'Ihre Daten stehen zum Herunterladen bereit.'],
        action: { url: downloadUrl, label: 'Ihre Daten herunterladen' },
        paragraphsAfterAction: [
          `Der Link funktioniert bis zum ${expiresOn} und kann ${downloads === 1 ? 'nur einmal' : `höchstens ${times}-mal`} verwendet werden.`,
          ...replaced,
          'Der Download ist eine ZIP-Datei. Sie enthält eine Übersicht, die Sie in jedem Webbrowser lesen können (index.html), sowie Ihre Daten als JSON- und CSV-Dateien für andere Programme.',
          'Geben Sie diesen Link nicht weiter: Jede Person, die ihn hat, kann Ihre Daten herunterladen. Ihre Daten senden wir nie als E-Mail-Anhang.',
        ],
      }
    : {
        subject: `Your data is ready: privacy request ${reference}`,
        preheader: `Your data is ready to download until ${expiresOn}.`,
        heading: 'Your data is ready',
        paragraphsBeforeAction: [intro('access', reference, lang), 'Your data is ready to download.'],
        action: { url: downloadUrl, label: 'Download your data' },
        paragraphsAfterAction: [
          `The link works until ${expiresOn} and can be used ${downloads === 1 ? 'only once' : `at most ${times} times`}.`,
          ...replaced,
          'The download is a ZIP file. It contains an overview you can read in any web browser (index.html) and your data as JSON and CSV files for use in other programs.',
          'Keep this link private: anyone who has it can download your data. We never send your data as an email attachment.',
        ],
      };
}

function erasureBody(params: RequestCompletedParams, reference: string, lang: MailLocale): CompletedBody {
  const systems = searchedSystems(params.summary.systems, lang);
  // Art. 17(3)(b): records under a legal retention duty survive erasure, restricted to that purpose.
  return lang === 'de'
    ? {
        subject: completeSubject(reference, lang),
        preheader: `Anfrage ${reference}: Ihre personenbezogenen Daten wurden gelöscht oder anonymisiert.`,
        heading: 'Ihre Löschanfrage ist abgeschlossen',
        paragraphsBeforeAction: [
          intro('erasure', reference, lang),
          `Wir haben Ihre personenbezogenen Daten in ${systems}, gelöscht oder anonymisiert.`,
          'Soweit gesetzliche Aufbewahrungspflichten bestehen, etwa für Rechnungen nach dem Steuerrecht, haben wir möglicherweise einzelne Unterlagen aufbewahrt; diese werden für keinen anderen Zweck mehr verwendet.',
        ],
        paragraphsAfterAction: [
          `Über diese Löschung führen wir einen Nachweis unter der Referenz ${reference}, damit wir belegen können, dass sie durchgeführt wurde.`,
        ],
      }
    : {
        subject: completeSubject(reference, lang),
        preheader: `Request ${reference}: your personal data has been deleted or anonymized.`,
        heading: 'Your deletion request is complete',
        paragraphsBeforeAction: [
          intro('erasure', reference, lang),
          `We have deleted or anonymized your personal data in ${systems}.`,
          'Some records may have been kept where the law requires it, for example invoices that tax law obliges us to retain; these are no longer used for anything else.',
        ],
        paragraphsAfterAction: [
          `We keep a record of this erasure under reference ${reference}, so that we can show it was carried out.`,
        ],
      };
}

function rectificationBody(reference: string, lang: MailLocale): CompletedBody {
  return lang === 'de'
    ? {
        subject: completeSubject(reference, lang),
        preheader: `Anfrage ${reference}: Die Berichtigungen wurden vorgenommen.`,
        heading: 'Ihre Daten wurden berichtigt',
        paragraphsBeforeAction: [
          intro('rectification', reference, lang),
          'Wir haben die von Ihnen gewünschten Berichtigungen vorgenommen.',
        ],
        paragraphsAfterAction: [],
      }
    : {
        subject: completeSubject(reference, lang),
        preheader: `Request ${reference}: the corrections have been made.`,
        heading: 'Your data has been corrected',
        paragraphsBeforeAction: [intro('rectification', reference, lang), 'We have made the corrections you asked for.'],
        paragraphsAfterAction: [],
      };
}

// "We have stopped", not "you will never again receive": mailings already queued may still arrive,
// and the address stays on the suppression list (as a hash) precisely so the opt-out holds.
function optOutBody(reference: string, lang: MailLocale, scope: { marketing: boolean; saleSharing: boolean }): CompletedBody {
  if (!scope.marketing) {
    return saleSharingOptOutBody(reference, lang);
  }
  const body = marketingOptOutBody(reference, lang);
  return scope.saleSharing
    ? { ...body, paragraphsBeforeAction: [...body.paragraphsBeforeAction, SALE_SHARING_STOPPED[lang]] }
    : body;
}

// CCPA §1798.120: what stops is selling and sharing; promotional messages are a separate choice.
const SALE_SHARING_STOPPED: Record<MailLocale, string> = {
  en: 'We have also stopped selling or sharing your personal information, and told the partners we shared it with to stop too.',
  de: 'Außerdem verkaufen und teilen wir Ihre personenbezogenen Daten nicht mehr und haben die Partner, mit denen wir sie geteilt haben, aufgefordert, dies ebenfalls einzustellen.',
};

function saleSharingOptOutBody(reference: string, lang: MailLocale): CompletedBody {
  return lang === 'de'
    ? {
        subject: completeSubject(reference, lang),
        preheader: `Anfrage ${reference}: Wir verkaufen und teilen Ihre personenbezogenen Daten nicht mehr.`,
        heading: 'Wir verkaufen und teilen Ihre Daten nicht mehr',
        paragraphsBeforeAction: [
          `Ihre Anfrage ${reference} ist abgeschlossen. Gewünscht war: Widerspruch gegen den Verkauf und die Weitergabe Ihrer personenbezogenen Daten.`,
          'Wir verkaufen und teilen Ihre personenbezogenen Daten nicht mehr und haben die Partner, mit denen wir sie geteilt haben, aufgefordert, dies ebenfalls einzustellen.',
          'Damit das so bleibt, führen wir Ihre E-Mail-Adresse auf einer Liste, dort nur als Einweg-Hashwert gespeichert; unsere Systeme prüfen diese Liste, bevor sie Daten weitergeben.',
        ],
        paragraphsAfterAction: [],
      }
    : {
        subject: completeSubject(reference, lang),
        preheader: `Request ${reference}: we no longer sell or share your personal information.`,
        heading: 'We no longer sell or share your personal information',
        paragraphsBeforeAction: [
          `Your request to opt out of the sale and sharing of your personal information is complete. Its reference is ${reference}.`,
          'We have stopped selling or sharing your personal information, and told the partners we shared it with to stop too.',
          'So that this holds, we keep your email address on a list, stored there only as a one-way hash; our systems check this list before they pass data on.',
        ],
        paragraphsAfterAction: [],
      };
}

function marketingOptOutBody(reference: string, lang: MailLocale): CompletedBody {
  const days = OPT_OUT_GRACE_BUSINESS_DAYS;
  return lang === 'de'
    ? {
        subject: completeSubject(reference, lang),
        preheader: `Anfrage ${reference}: Wir haben Werbe-E-Mails und Benachrichtigungen an Sie eingestellt.`,
        heading: 'Wir haben Werbe-E-Mails und Benachrichtigungen eingestellt',
        paragraphsBeforeAction: [
          intro('opt_out', reference, lang),
          `Wir haben den Versand von Werbe-E-Mails und Benachrichtigungen an Sie eingestellt. Bereits eingeplante E-Mails können Sie noch bis zu ${days} Arbeitstage lang erreichen.`,
          'Damit Ihre Abmeldung bestehen bleibt, führen wir Ihre E-Mail-Adresse auf einer Sperrliste, dort nur als Einweg-Hashwert gespeichert; unsere Versandsysteme prüfen diese Liste vor dem Versand.',
        ],
        paragraphsAfterAction: [],
      }
    : {
        subject: completeSubject(reference, lang),
        preheader: `Request ${reference}: we have stopped promotional emails and notifications to you.`,
        heading: 'We have stopped promotional emails and notifications',
        paragraphsBeforeAction: [
          intro('opt_out', reference, lang),
          `We have stopped sending you promotional emails and notifications. Emails that were already scheduled may still arrive for up to ${days} business days.`,
          'So that the opt-out holds, we keep your email address on a suppression list, stored there only as a one-way hash; our mailing systems check this list before they send.',
        ],
        paragraphsAfterAction: [],
      };
}

function childDataRemovalBody(params: RequestCompletedParams, reference: string, lang: MailLocale): CompletedBody {
  const systems = searchedSystems(params.summary.systems, lang);
  return lang === 'de'
    ? {
        subject: completeSubject(reference, lang),
        preheader: `Anfrage ${reference}: Die Daten des Kindes wurden entfernt.`,
        heading: 'Die Daten des Kindes wurden entfernt',
        paragraphsBeforeAction: [
          intro('child_data_removal', reference, lang),
          `Wir haben die Daten des Kindes aus ${systems}, entfernt.`,
        ],
        paragraphsAfterAction: [],
      }
    : {
        subject: completeSubject(reference, lang),
        preheader: `Request ${reference}: the child's data has been removed.`,
        heading: "The child's data has been removed",
        paragraphsBeforeAction: [
          intro('child_data_removal', reference, lang),
          `We have removed the child's data from ${systems}.`,
        ],
        paragraphsAfterAction: [],
      };
}
