import type { Messages } from '../../i18n/locale';
import type { OptOutChannel } from '@rightsdesk/domain';

export interface NewRequestMessages {
  title: string;
  intro: string;
  howHeading: string;
  channel: string;
  receivedOn: string;
  receivedOnHint: string;
  identityVerified: string;
  identityVerifiedHint: string;
  whatHeading: string;
  type: string;
  whoHeading: string;
  email: string;
  emailHint: string;
  name: string;
  country: string;
  countryHint: string;
  region: string;
  regionHint: string;
  language: string;
  languageHint: string;
  languages: { en: string; de: string };
  detailsHeading: string;
  note: string;
  noteHint: string;
  corrections: string;
  correction: (n: number) => string;
  field: string;
  fieldHint: string;
  currentValue: string;
  newValue: string;
  addCorrection: string;
  removeCorrection: (n: number) => string;
  explanation: string;
  channels: string;
  channelsHint: string;
  optOutChannels: Record<OptOutChannel, string>;
  child: string;
  childHint: string;
  childName: string;
  childEmail: string;
  childUsername: string;
  childBirth: string;
  childBirthHint: string;
  relationship: string;
  relationships: { parent: string; legal_guardian: string };
  childAge: string;
  childAgeHint: string;
  submit: string;
  cancel: string;
  problems: {
    prefix: (label: string, problem: string) => string;
    codes: Record<string, string>;
    channelRequired: string;
    receivedOnRequired: string;
    receivedOnFuture: string;
    receivedOnTooOld: string;
  };
}

export const newRequestMessages: Messages<NewRequestMessages> = {
  en: {
    title: 'Log a request',
    intro: 'For requests that reached the privacy team by post, phone or email. The statutory clock runs from the day it arrived, not from today.',
    howHeading: 'How it arrived',
    channel: 'It came by',
    receivedOn: 'Received on',
    receivedOnHint: 'The day it reached the company (not in the future, at most a year ago).',
    identityVerified: 'I have checked who is asking',
    identityVerifiedHint: 'Then the request goes straight to review and the requester is emailed its status link. Otherwise they are emailed a link to confirm it first.',
    whatHeading: 'What they ask for',
    type: 'Type of request',
    whoHeading: 'Who is asking',
    email: 'Email address',
    emailHint: 'Where Rightsdesk writes to them, and how their data is found.',
    name: 'Name',
    country: 'Country',
    countryHint: 'Two letters, for example DE, GB, US or BR. It decides the law and the deadline.',
    region: 'State or region',
    regionHint: 'For the United States the state, for example CA for California.',
    language: 'Language for emails',
    languageHint: 'The requester’s emails are written in this language.',
    languages: { en: 'English', de: 'Deutsch' },
    detailsHeading: 'Details',
    note: 'Their note',
    noteHint: 'Anything they wrote that helps find their data.',
    corrections: 'What to correct',
    correction: (n) => `Correction ${n}`,
    field: 'Field',
    fieldHint: 'For example name, phone or billing address.',
    currentValue: 'Current value',
    newValue: 'Correct value',
    addCorrection: 'Add another correction',
    removeCorrection: (n) => `Remove correction ${n}`,
    explanation: 'Their explanation',
    channels: 'Stop',
    channelsHint: 'Choose at least one.',
    optOutChannels: { email: 'Promotional emails', notifications: 'Notifications', surveys: 'Surveys', sale_sharing: 'Sale and sharing of personal information', all: 'All of these' },
    child: 'The child',
    childHint: 'Give at least one of the child’s name, email address, username or date of birth. Only the email address and username are used to find data.',
    childName: "Child's name",
    childEmail: "Child's email address",
    childUsername: "Child's username",
    childBirth: "Child's date of birth",
    childBirthHint: 'For example 2016-04-01.',
    relationship: 'The person asking is the child’s',
    relationships: { parent: 'Parent', legal_guardian: 'Legal guardian' },
    childAge: "Child's age",
    childAgeHint: 'In years: 12 or under (children under 13).',
    submit: 'Log the request',
    cancel: 'Back to the requests',
    problems: {
      prefix: (label, problem) => `${label}: ${problem}`,
      codes: {},
      channelRequired: 'Choose how the request came in.',
      receivedOnRequired: 'Enter the day the request arrived.',
      receivedOnFuture: 'The day it arrived cannot be in the future.',
      receivedOnTooOld: 'The day it arrived can be at most a year ago.',
    },
  },
  de: {
    title: 'Anfrage erfassen',
    intro: 'Für Anfragen, die per Post, Telefon oder E-Mail beim Datenschutzteam eingegangen sind. Die gesetzliche Frist läuft ab dem Eingangstag, nicht ab heute.',
    howHeading: 'Wie sie einging',
    channel: 'Eingegangen per',
    receivedOn: 'Eingangsdatum',
    receivedOnHint: 'Der Tag, an dem sie das Unternehmen erreichte (nicht in der Zukunft, höchstens ein Jahr zurück).',
    identityVerified: 'Ich habe geprüft, wer fragt',
    identityVerifiedHint: 'Dann geht die Anfrage direkt in die Prüfung und der Antragsteller erhält den Link zum Status. Sonst erhält er zuerst einen Link zur Bestätigung.',
    whatHeading: 'Worum es geht',
    type: 'Art der Anfrage',
    whoHeading: 'Wer fragt',
    email: 'E-Mail-Adresse',
    emailHint: 'Dorthin schreibt Rightsdesk, und darüber werden die Daten gefunden.',
    name: 'Name',
    country: 'Land',
    countryHint: 'Zwei Buchstaben, zum Beispiel DE, GB, US oder BR. Es bestimmt das Recht und die Frist.',
    region: 'Bundesstaat oder Region',
    regionHint: 'Für die USA der Bundesstaat, zum Beispiel CA für Kalifornien.',
    language: 'Sprache der E-Mails',
    languageHint: 'Die E-Mails an den Antragsteller werden in dieser Sprache verfasst.',
    languages: { en: 'English', de: 'Deutsch' },
    detailsHeading: 'Einzelheiten',
    note: 'Seine Notiz',
    noteHint: 'Alles, was er geschrieben hat und hilft, seine Daten zu finden.',
    corrections: 'Was berichtigt werden soll',
    correction: (n) => `Berichtigung ${n}`,
    field: 'Feld',
    fieldHint: 'Zum Beispiel Name, Telefon oder Rechnungsadresse.',
    currentValue: 'Aktueller Wert',
    newValue: 'Richtiger Wert',
    addCorrection: 'Weitere Berichtigung hinzufügen',
    removeCorrection: (n) => `Berichtigung ${n} entfernen`,
    explanation: 'Seine Erklärung',
    channels: 'Beenden',
    channelsHint: 'Wählen Sie mindestens eins.',
    optOutChannels: { email: 'Werbe-E-Mails', notifications: 'Benachrichtigungen', surveys: 'Umfragen', sale_sharing: 'Verkauf und Weitergabe personenbezogener Daten', all: 'All das' },
    child: 'Das Kind',
    childHint: 'Geben Sie mindestens eins an: Name, E-Mail-Adresse, Benutzername oder Geburtsdatum des Kindes. Gesucht wird nur über E-Mail-Adresse und Benutzername.',
    childName: 'Name des Kindes',
    childEmail: 'E-Mail-Adresse des Kindes',
    childUsername: 'Benutzername des Kindes',
    childBirth: 'Geburtsdatum des Kindes',
    childBirthHint: 'Zum Beispiel 2016-04-01.',
    relationship: 'Die fragende Person ist',
    relationships: { parent: 'Elternteil', legal_guardian: 'Gesetzlicher Vormund' },
    childAge: 'Alter des Kindes',
    childAgeHint: 'In Jahren: 12 oder jünger (Kinder unter 13).',
    submit: 'Anfrage erfassen',
    cancel: 'Zurück zu den Anfragen',
    problems: {
      prefix: (label, problem) => `${label}: ${problem}`,
      codes: {
        required: 'Bitte ausfüllen.',
        invalid_type: 'Der Wert hat nicht die erwartete Form.',
        too_long: 'Der Wert ist zu lang.',
        too_short: 'Der Wert ist zu kurz.',
        too_big: 'Der Wert ist zu groß.',
        too_small: 'Der Wert ist zu klein.',
        invalid_email: 'Geben Sie eine gültige E-Mail-Adresse ein.',
        invalid_value: 'Dieser Wert ist nicht gültig.',
        invalid_date: 'Geben Sie ein gültiges Datum ein (JJJJ-MM-TT).',
        unknown_field: 'Dieses Feld wird nicht angenommen.',
        duplicate: 'Jeder Wert darf nur einmal vorkommen.',
      },
      channelRequired: 'Wählen Sie, wie die Anfrage einging.',
      receivedOnRequired: 'Geben Sie den Eingangstag ein.',
      receivedOnFuture: 'Der Eingangstag darf nicht in der Zukunft liegen.',
      receivedOnTooOld: 'Der Eingangstag darf höchstens ein Jahr zurückliegen.',
    },
  },
};
