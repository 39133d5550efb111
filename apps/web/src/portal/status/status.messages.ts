import type { Messages } from '../../i18n/locale';

export interface StatusMessages {
  title: string;
  reference: string;
  request: string;
  status: string;
  received: string;
  dueOn: string;
  dueWhy: string;
  notFoundTitle: string;
  notFoundBody: string;
  rateLimited: string;
  accessReady: string;
  completed: string;
  denied: string;
  gpcHonoured: (date: string) => string;
  questionHeading: string;
  answered: string;
  timelineHeading: string;
}

export const statusMessages: Messages<StatusMessages> = {
  en: {
    title: 'Your privacy request',
    reference: 'Reference',
    request: 'Request',
    status: 'Status',
    received: 'Received',
    dueOn: 'We must answer by',
    dueWhy: 'Why this date',
    notFoundTitle: 'Request not found',
    notFoundBody: 'Use the status link from the most recent email we sent you. For your privacy, a request can only be opened through that link.',
    rateLimited: 'There have been too many attempts from your connection. Please wait a while and reload this page.',
    accessReady: 'Your data is ready. We have emailed you a link to download it; the link works for a limited time and a limited number of downloads.',
    completed: 'We have done what you asked. Our email tells you the details.',
    denied: 'Our email explains why we could not do what you asked, and how you can complain to a data protection authority.',
    gpcHonoured: (date) =>
      `Your browser's Global Privacy Control signal was honoured on ${date}: we treat it as your request not to sell or share your personal information.`,
    questionHeading: 'Our question to you',
    answered: 'Thank you. Your answer has been received, and we continue with your request.',
    timelineHeading: 'What has happened so far',
  },
  de: {
    title: 'Ihre Datenschutzanfrage',
    reference: 'Referenz',
    request: 'Anfrage',
    status: 'Status',
    received: 'Eingegangen am',
    dueOn: 'Wir müssen antworten bis',
    dueWhy: 'Grundlage der Frist (auf Englisch)',
    notFoundTitle: 'Anfrage nicht gefunden',
    notFoundBody: 'Nutzen Sie den Statuslink aus der neuesten E-Mail, die wir Ihnen gesendet haben. Zum Schutz Ihrer Daten lässt sich eine Anfrage nur über diesen Link öffnen.',
    rateLimited: 'Von Ihrer Verbindung kamen zu viele Versuche. Bitte warten Sie eine Weile und laden Sie die Seite dann neu.',
    accessReady: 'Ihre Daten sind bereit. Wir haben Ihnen einen Link zum Herunterladen per E-Mail gesendet; er gilt für eine begrenzte Zeit und eine begrenzte Zahl von Downloads.',
    completed: 'Wir haben erledigt, worum Sie gebeten haben. Unsere E-Mail nennt die Einzelheiten.',
    denied: 'Unsere E-Mail erklärt, warum wir Ihrer Bitte nicht nachkommen konnten und wie Sie sich bei einer Datenschutzaufsichtsbehörde beschweren können.',
    gpcHonoured: (date) =>
      `Das Global-Privacy-Control-Signal Ihres Browsers wurde am ${date} berücksichtigt: Wir behandeln es als Ihren Wunsch, dass wir Ihre personenbezogenen Daten nicht verkaufen oder weitergeben.`,
    questionHeading: 'Unsere Frage an Sie',
    answered: 'Vielen Dank. Ihre Antwort ist eingegangen, und wir bearbeiten Ihre Anfrage weiter.',
    timelineHeading: 'Was bisher geschehen ist',
  },
};
