import type { RequestType } from '@rightsdesk/domain';
import { type MailLocale } from './mail-locale';

// Phrased to follow "a request for …" / "Gewünscht wird: …", and in the words a data subject uses
// rather than the article numbers of a statute.
export const REQUEST_TYPE_LABELS: Readonly<Record<RequestType, Readonly<Record<MailLocale, string>>>> = {
  access: { en: 'a copy of your data', de: 'eine Kopie Ihrer Daten' },
  rectification: { en: 'correction of your data', de: 'die Berichtigung Ihrer Daten' },
  erasure: { en: 'deletion of your data', de: 'die Löschung Ihrer Daten' },
  opt_out: {
    en: 'stopping promotional emails and notifications',
    de: 'keine Werbe-E-Mails und Benachrichtigungen mehr',
  },
  child_data_removal: { en: "removal of a child's data", de: 'die Entfernung der Daten eines Kindes' },
};

export function requestTypeLabel(type: RequestType, locale: MailLocale): string {
  return REQUEST_TYPE_LABELS[type][locale];
}

// The privacy team's words for the same types, to follow "the … request" / "Anfrage (…)" in emails
// to staff, where "your data" would address the wrong person.
export const REQUEST_TYPE_TERMS: Readonly<Record<RequestType, Readonly<Record<MailLocale, string>>>> = {
  access: { en: 'access', de: 'Auskunft' },
  rectification: { en: 'rectification', de: 'Berichtigung' },
  erasure: { en: 'erasure', de: 'Löschung' },
  opt_out: { en: 'opt-out', de: 'Opt-out' },
  child_data_removal: { en: 'child data removal', de: 'Entfernung von Kinderdaten' },
};

export function requestTypeTerm(type: RequestType, locale: MailLocale): string {
  return REQUEST_TYPE_TERMS[type][locale];
}
