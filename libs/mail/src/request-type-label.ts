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
