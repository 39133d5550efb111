import type { RegimeId, RequestStatus, RequestType } from '@rightsdesk/domain';
import type { Messages } from '../i18n/locale';

// How the privacy center names the API's codes: request types, statuses, timeline events and the
// laws, the same words on every page.
export type PublicEvent = 'received' | 'verification_resent' | 'verified' | 'expired' | 'status_changed' | 'deadline_extended' | 'information_requested' | 'information_received';

export interface RequestWords {
  typeName: Record<RequestType, string>;
  statusName: Record<RequestStatus, string>;
  eventName: Record<Exclude<PublicEvent, 'status_changed'>, string>;
  statusChanged: (status: string) => string;
  regimeName: Record<RegimeId, string>;
  months: (n: number) => string;
  days: (n: number) => string;
  businessDays: (n: number) => string;
}

const NUMBER_WORDS_EN = ['zero', 'one', 'two', 'three', 'four', 'five', 'six'];
const NUMBER_WORDS_DE = ['null', 'einen', 'zwei', 'drei', 'vier', 'fünf', 'sechs'];

export const requestWords: Messages<RequestWords> = {
  en: {
    typeName: {
      access: 'See my data',
      rectification: 'Correct my data',
      erasure: 'Withdraw (delete) my data',
      opt_out: 'Stop promotional emails and notifications',
      child_data_removal: "Remove a child’s data",
    },
    statusName: {
      pending_verification: 'Waiting for you to confirm your email address',
      awaiting_review: 'Confirmed — waiting for review by our privacy team',
      on_hold: 'On hold — we asked you for information',
      approved: 'Approved — we are carrying it out',
      in_progress: 'In progress',
      completed: 'Completed',
      failed: 'Delayed — our team is looking into it',
      denied: 'Declined — our email explains why',
      cancelled: 'Cancelled',
      expired: 'Expired — not confirmed in time',
    },
    eventName: {
      received: 'Request received',
      verification_resent: 'Confirmation link sent again',
      verified: 'Email address confirmed',
      expired: 'Request expired (not confirmed in time)',
      deadline_extended: 'Deadline extended (our email explains why)',
      information_requested: 'We asked you for information',
      information_received: 'Your answer was received',
    },
    statusChanged: (status) => `Status: ${status}`,
    regimeName: {
      gdpr: 'EU General Data Protection Regulation (GDPR)',
      uk_gdpr: 'UK General Data Protection Regulation (UK GDPR)',
      ccpa: 'California Consumer Privacy Act (CCPA/CPRA)',
      lgpd: "Brazil’s General Data Protection Law (LGPD)",
      us_state: 'the consumer privacy law of your US state',
    },
    months: (n) => `${NUMBER_WORDS_EN[n] ?? n} month${n === 1 ? '' : 's'}`,
    days: (n) => `${n} days`,
    businessDays: (n) => `${n} business days`,
  },
  de: {
    typeName: {
      access: 'Meine Daten einsehen',
      rectification: 'Meine Daten berichtigen',
      erasure: 'Meine Daten löschen lassen',
      opt_out: 'Keine Werbe-E-Mails und Benachrichtigungen mehr',
      child_data_removal: 'Daten eines Kindes entfernen',
    },
    statusName: {
      pending_verification: 'Wartet darauf, dass Sie Ihre E-Mail-Adresse bestätigen',
      awaiting_review: 'Bestätigt – wartet auf Prüfung durch unser Datenschutzteam',
      on_hold: 'Angehalten – wir haben Sie um Angaben gebeten',
      approved: 'Genehmigt – wir setzen die Anfrage um',
      in_progress: 'In Bearbeitung',
      completed: 'Abgeschlossen',
      failed: 'Verzögert – unser Team kümmert sich darum',
      denied: 'Abgelehnt – unsere E-Mail nennt die Gründe',
      cancelled: 'Abgebrochen',
      expired: 'Abgelaufen – nicht rechtzeitig bestätigt',
    },
    eventName: {
      received: 'Anfrage eingegangen',
      verification_resent: 'Bestätigungslink erneut gesendet',
      verified: 'E-Mail-Adresse bestätigt',
      expired: 'Anfrage abgelaufen (nicht rechtzeitig bestätigt)',
      deadline_extended: 'Frist verlängert (unsere E-Mail nennt die Gründe)',
      information_requested: 'Wir haben Sie um Angaben gebeten',
      information_received: 'Ihre Antwort ist eingegangen',
    },
    statusChanged: (status) => `Status: ${status}`,
    regimeName: {
      gdpr: 'Datenschutz-Grundverordnung der EU (DSGVO)',
      uk_gdpr: 'Datenschutz-Grundverordnung des Vereinigten Königreichs (UK GDPR)',
      ccpa: 'California Consumer Privacy Act (CCPA/CPRA)',
      lgpd: 'Brasilianisches Datenschutzgesetz (LGPD)',
      us_state: 'Verbraucherdatenschutzgesetz Ihres US-Bundesstaats',
    },
    months: (n) => (n === 1 ? 'einen Monat' : `${NUMBER_WORDS_DE[n] ?? n} Monate`),
    days: (n) => `${n} Tage`,
    businessDays: (n) => `${n} Werktage`,
  },
};
