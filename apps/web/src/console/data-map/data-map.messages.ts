import { DATA_CATEGORIES, type DataCategory } from '@rightsdesk/domain';
import type { Messages } from '../../i18n/locale';

export interface DurationParts {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
}

export interface DataMapMessages {
  title: string;
  intro: string;
  noDataMap: string;
  contents: string;
  fingerprint: (sha: string) => string;
  kinds: { postgres: string; s3: string; webhook: string; suppression: string; opendsr: string };
  systemKey: (key: string) => string;
  purposes: string;
  recipients: string;
  none: string;
  eraseOrder: string;
  collections: string;
  where: string;
  table: (name: string) => string;
  objectsCategory: (category: string) => string;
  found: string;
  subject: {
    identity: (list: string) => string;
    identityField: (field: string, kind: string) => string;
    reference: (field: string, collection: string, toField: string) => string;
    keyTemplate: (template: string) => string;
    provider: (list: string) => string;
    suppression: string;
  };
  identityKinds: Record<string, string>;
  optOut: string;
  optOutSet: (field: string, value: string) => string;
  retention: string;
  noRetention: string;
  retentionRule: (action: 'delete' | 'anonymize', period: string, field: string) => string;
  retentionAnonymize: (list: string) => string;
  retentionCondition: (field: string, period: string) => string;
  retentionSchedule: (cron: string, timezone: string) => string;
  retentionDefaultSchedule: string;
  legalHold: string;
  children: string;
  childrenRule: (under: number, field: string) => string;
  howRulesRun: string;
  fields: {
    caption: (collection: string) => string;
    name: string;
    category: string;
    erasure: string;
    rectifiable: string;
    secret: string;
    yes: string;
    no: string;
  };
  erasure: {
    delete_row: string;
    set_null: string;
    replace: (value: string) => string;
    hash: string;
    anonymize_ip: string;
    keep: (reason: string) => string;
  };
  empty: string;
  duration: (parts: DurationParts) => string;
  categories: Record<DataCategory, string>;
}

function list(parts: Array<[number, string, string]>, and: string): string {
  const words = parts.filter(([n]) => n > 0).map(([n, one, many]) => `${n} ${n === 1 ? one : many}`);
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} ${and} ${words[words.length - 1]}`;
}

export const dataMapMessages: Messages<DataMapMessages> = {
  en: {
    title: 'Data map',
    intro: 'What the company holds about people, where, and what happens to it when they ask: each system, its collections and their fields, with the data category, what an erasure does and how long data is kept. Connection details are never shown here.',
    noDataMap: 'No data map is configured (DATAMAP_PATH), so approved requests cannot run. Ask the server operator to set one up; docs/data-map.md explains the format.',
    contents: 'Systems',
    fingerprint: (sha) => `Data map fingerprint (SHA-256, named in every erasure certificate): ${sha}`,
    kinds: { postgres: 'PostgreSQL database', s3: 'S3 object storage', webhook: 'Service provider (webhook)', suppression: 'Suppression list (Rightsdesk)', opendsr: 'Processor (OpenDSR)' },
    systemKey: (key) => `key ${key}`,
    purposes: 'Purposes',
    recipients: 'Recipients',
    none: 'none declared',
    eraseOrder: 'Erase order (children before parents)',
    collections: 'Collections',
    where: 'Where',
    table: (name) => `Table ${name}`,
    objectsCategory: (category) => `Every object: ${category}`,
    found: 'How the person is found',
    subject: {
      identity: (items) => `Directly, ${items}`,
      identityField: (field, kind) => `by ${kind} in column ${field}`,
      reference: (field, collection, toField) => `Through another collection: ${field} refers to ${collection}.${toField}`,
      keyTemplate: (template) => `Objects under the key prefix ${template}`,
      provider: (items) => `The provider is sent: ${items}`,
      suppression: 'By the SHA-256 digest of the email address; the address itself is never stored',
    },
    identityKinds: { email: 'email address', phone: 'phone number', username: 'username', user_id: 'account id' },
    optOut: 'On an opt-out',
    optOutSet: (field, value) => `${field} is set to ${value}`,
    retention: 'Retention',
    noRetention: 'No retention rule declared.',
    retentionRule: (action, period, field) => `${action === 'delete' ? 'Deleted' : 'Anonymized'} ${period} after ${field}`,
    retentionAnonymize: (items) => `Anonymized: ${items}`,
    retentionCondition: (field, period) => `only when ${field} is also older than ${period}`,
    retentionSchedule: (cron, timezone) => `Runs on the schedule ${cron} (${timezone})`,
    retentionDefaultSchedule: 'Runs at the default retention time',
    legalHold: 'Legal hold: this rule is suspended.',
    children: "Children's accounts",
    childrenRule: (under, field) =>
      `Accounts whose ${field} makes the holder younger than ${under} are opened as child data removal requests for an officer to review; nothing is erased on its own.`,
    howRulesRun: 'Retention rules run in the background on their schedules, rules without one at the default retention time; a rule under legal hold does not run.',
    fields: {
      caption: (collection) => `Fields of ${collection}`,
      name: 'Field',
      category: 'Category',
      erasure: 'On erasure',
      rectifiable: 'Can be corrected',
      secret: 'Secret (never exported)',
      yes: 'Yes',
      no: 'No',
    },
    erasure: {
      delete_row: 'The row is deleted',
      set_null: 'Emptied',
      replace: (value) => `Replaced with ${value}`,
      hash: 'Replaced by a one-way hash',
      anonymize_ip: 'Host part zeroed (IP anonymized)',
      keep: (reason) => `Kept: ${reason}`,
    },
    empty: 'No fields declared.',
    duration: (p) => list([[p.years, 'year', 'years'], [p.months, 'month', 'months'], [p.weeks, 'week', 'weeks'], [p.days, 'day', 'days'], [p.hours, 'hour', 'hours'], [p.minutes, 'minute', 'minutes']], 'and'),
    // The taxonomy's own English names (libs/domain), so the two never drift apart.
    categories: DATA_CATEGORIES,
  },
  de: {
    title: 'Datenlandkarte',
    intro: 'Was das Unternehmen über Personen speichert, wo, und was damit geschieht, wenn sie es verlangen: jedes System, seine Sammlungen und deren Felder, mit Datenkategorie, Wirkung einer Löschung und Aufbewahrungsdauer. Verbindungsdaten werden hier nie angezeigt.',
    noDataMap: 'Es ist keine Datenlandkarte eingerichtet (DATAMAP_PATH), daher können genehmigte Anfragen nicht ausgeführt werden. Bitten Sie den Serverbetrieb, eine einzurichten; docs/data-map.md beschreibt das Format.',
    contents: 'Systeme',
    fingerprint: (sha) => `Fingerabdruck der Datenlandkarte (SHA-256, in jedem Löschnachweis genannt): ${sha}`,
    kinds: { postgres: 'PostgreSQL-Datenbank', s3: 'S3-Objektspeicher', webhook: 'Dienstleister (Webhook)', suppression: 'Sperrliste (Rightsdesk)', opendsr: 'Auftragsverarbeiter (OpenDSR)' },
    systemKey: (key) => `Schlüssel ${key}`,
    purposes: 'Zwecke',
    recipients: 'Empfänger',
    none: 'keine angegeben',
    eraseOrder: 'Löschreihenfolge (abhängige Sammlungen zuerst)',
    collections: 'Sammlungen',
    where: 'Ort',
    table: (name) => `Tabelle ${name}`,
    objectsCategory: (category) => `Jedes Objekt: ${category}`,
    found: 'Wie die Person gefunden wird',
    subject: {
      identity: (items) => `Direkt, ${items}`,
      identityField: (field, kind) => `über ${kind} in Spalte ${field}`,
      reference: (field, collection, toField) => `Über eine andere Sammlung: ${field} verweist auf ${collection}.${toField}`,
      keyTemplate: (template) => `Objekte unter dem Schlüsselpräfix ${template}`,
      provider: (items) => `Der Dienstleister erhält: ${items}`,
      suppression: 'Über den SHA-256-Hash der E-Mail-Adresse; die Adresse selbst wird nie gespeichert',
    },
    identityKinds: { email: 'E-Mail-Adresse', phone: 'Telefonnummer', username: 'Benutzername', user_id: 'Konto-ID' },
    optOut: 'Bei einem Widerspruch',
    optOutSet: (field, value) => `${field} wird auf ${value} gesetzt`,
    retention: 'Aufbewahrung',
    noRetention: 'Keine Aufbewahrungsregel angegeben.',
    retentionRule: (action, period, field) => `${action === 'delete' ? 'Gelöscht' : 'Anonymisiert'} ${period} nach ${field}`,
    retentionAnonymize: (items) => `Anonymisiert: ${items}`,
    retentionCondition: (field, period) => `nur wenn auch ${field} älter als ${period} ist`,
    retentionSchedule: (cron, timezone) => `Läuft nach dem Zeitplan ${cron} (${timezone})`,
    retentionDefaultSchedule: 'Läuft zur allgemeinen Aufbewahrungszeit',
    legalHold: 'Rechtliche Aufbewahrungspflicht (Legal Hold): Diese Regel ist ausgesetzt.',
    children: 'Konten von Kindern',
    childrenRule: (under, field) =>
      `Konten, deren ${field} die Person jünger als ${under} Jahre macht, werden als Anträge „Kinderdaten entfernen“ zur Prüfung durch das Datenschutzteam eröffnet; nichts wird von selbst gelöscht.`,
    howRulesRun: 'Aufbewahrungsregeln laufen im Hintergrund nach ihrem Zeitplan, Regeln ohne eigenen Zeitplan zur allgemeinen Aufbewahrungszeit; eine Regel unter Legal Hold läuft nicht.',
    fields: {
      caption: (collection) => `Felder von ${collection}`,
      name: 'Feld',
      category: 'Kategorie',
      erasure: 'Bei Löschung',
      rectifiable: 'Berichtigbar',
      secret: 'Geheim (nie exportiert)',
      yes: 'Ja',
      no: 'Nein',
    },
    erasure: {
      delete_row: 'Die Zeile wird gelöscht',
      set_null: 'Geleert',
      replace: (value) => `Ersetzt durch ${value}`,
      hash: 'Durch einen Einweg-Hash ersetzt',
      anonymize_ip: 'Host-Teil genullt (IP anonymisiert)',
      keep: (reason) => `Behalten: ${reason}`,
    },
    empty: 'Keine Felder angegeben.',
    duration: (p) => list([[p.years, 'Jahr', 'Jahre'], [p.months, 'Monat', 'Monate'], [p.weeks, 'Woche', 'Wochen'], [p.days, 'Tag', 'Tage'], [p.hours, 'Stunde', 'Stunden'], [p.minutes, 'Minute', 'Minuten']], 'und'),
    categories: {
      name: 'Name',
      'contact.email': 'E-Mail-Adresse',
      'contact.phone': 'Telefonnummer',
      'contact.address': 'Postanschrift',
      'billing.address': 'Rechnungsadresse',
      'payment.card_last4': 'Letzte vier Ziffern einer Zahlungskarte',
      'payment.card_expiry': 'Ablaufdatum einer Zahlungskarte',
      'account.id': 'Kontokennung',
      'account.username': 'Benutzername',
      'account.credentials': 'Passwort-Hash oder Zugangstoken',
      'demographic.birth_date': 'Geburtsdatum',
      'device.ip': 'IP-Adresse',
      'device.browser': 'Browsername und -version',
      'device.os': 'Betriebssystem',
      'device.type': 'Gerätetyp',
      'device.id': 'Geräte- oder Cookie-Kennung',
      'activity.page_view': 'Besuchte Seiten',
      'activity.timestamp': 'Zeitstempel von Aktivitäten',
      'activity.purchase': 'Bestellungen und Käufe',
      'content.message': 'Nachrichten und Support-Tickets der Person',
      'content.media': 'Hochgeladene Bilder und Dateien',
      'preferences.language': 'Spracheinstellung',
      'marketing.consent': 'Werbeeinwilligungen und Widersprüche',
      'marketing.subscription': 'Newsletter-Abonnements',
      'survey.response': 'Umfrageantworten',
      other: 'Sonstige personenbezogene Daten',
    },
  },
};
