import type { RequestType } from '@rightsdesk/domain';
import type { Messages } from '../../i18n/locale';

interface RightText {
  title: string;
  body: string[];
  action: string;
}

export interface LandingMessages {
  title: (company: string) => string;
  intro: string[];
  rightsHeading: string;
  rights: Record<RequestType, RightText>;
  nextHeading: string;
  nextSteps: Array<{ title: string; body: string }>;
  statusHeading: string;
  statusBody: string;
  demoTitle: string;
  demoBody: string;
  demoLink: string;
}

// The rights in plain language, drawn from the reference privacy policy (what is collected, the
// right to rectify, update or withdraw, the opt-out from promotional emails and notifications,
// children under 13 and proof of age).
export const landingMessages: Messages<LandingMessages> = {
  en: {
    title: (company) => (company ? `Your privacy rights at ${company}` : 'Your privacy rights'),
    intro: [
      'When you use our service we keep personal information about you: the name and email address you gave us, your phone number and billing address, some payment details (such as the last four digits and the expiry date of your card), and records of how you used the service.',
      'You decide what happens to it. Choose what you would like to do below; each form takes a few minutes, and nothing happens until you confirm it from your email.',
    ],
    rightsHeading: 'What you can ask us to do',
    rights: {
      access: {
        title: 'See your data',
        body: ['Get a copy of the personal information we hold about you, what we use it for and who we share it with. You download it as a file once we are done.'],
        action: 'Ask to see your data',
      },
      rectification: {
        title: 'Correct your data',
        body: ['If something we hold about you is wrong, out of date or incomplete, tell us what to change and we will correct it.'],
        action: 'Ask us to correct your data',
      },
      erasure: {
        title: 'Withdraw (delete) your data',
        body: ['Ask us to delete the personal information we hold about you. If the law makes us keep some of it (for example invoices), we tell you what and why.'],
        action: 'Ask us to delete your data',
      },
      opt_out: {
        title: 'Stop promotional emails and notifications',
        body: ['We may send you promotional offers, notifications, updates and surveys. Stop any of them — or all of them — at any time.'],
        action: 'Stop emails and notifications',
      },
      child_data_removal: {
        title: "Remove a child’s data",
        body: [
          'We do not knowingly collect personal information from children under 13. If you are the parent or legal guardian of a child under 13 whose information we hold, we remove it.',
          'We may ask you for proof of the child’s age.',
        ],
        action: "Ask us to remove a child’s data",
      },
    },
    nextHeading: 'What happens next',
    nextSteps: [
      { title: 'You confirm it is you', body: 'We email you a link. Open it and press “Confirm my request”. Until then nothing happens, and nobody else can file a request in your name.' },
      {
        title: 'We answer within the legal deadline',
        body: 'The law where you live sets the deadline: one month in the EU and the UK (a complex request may take two months longer, and we tell you why), 45 days in California and other US states, 15 days in Brazil. The form tells you which law applies to you.',
      },
      { title: 'You can follow it at any time', body: 'Our emails contain a link to your request’s status page: what we have done so far and the date we must answer by. If we need something from you, you answer there.' },
    ],
    statusHeading: 'Already sent a request?',
    statusBody: 'Use the status link in the most recent email we sent you. For your privacy, requests can only be opened through those links.',
    demoTitle: 'Demo mailbox',
    demoBody: 'This is a demonstration: the emails this site sends are caught in a local mailbox instead of being delivered.',
    demoLink: 'Open the demo mailbox',
  },
  de: {
    title: (company) => (company ? `Ihre Datenschutzrechte bei ${company}` : 'Ihre Datenschutzrechte'),
    intro: [
      'Wenn Sie unseren Dienst nutzen, speichern wir personenbezogene Daten über Sie: den Namen und die E-Mail-Adresse, die Sie uns angegeben haben, Ihre Telefonnummer und Rechnungsadresse, einige Zahlungsdaten (etwa die letzten vier Ziffern und das Ablaufdatum Ihrer Karte) und Aufzeichnungen darüber, wie Sie den Dienst genutzt haben.',
      'Sie entscheiden, was damit geschieht. Wählen Sie unten aus, was Sie tun möchten; jedes Formular dauert nur wenige Minuten, und es geschieht nichts, bevor Sie es per E-Mail bestätigt haben.',
    ],
    rightsHeading: 'Worum Sie uns bitten können',
    rights: {
      access: {
        title: 'Ihre Daten einsehen',
        body: ['Erhalten Sie eine Kopie der personenbezogenen Daten, die wir über Sie speichern, und erfahren Sie, wofür wir sie nutzen und an wen wir sie weitergeben. Sobald wir fertig sind, laden Sie sie als Datei herunter.'],
        action: 'Auskunft über Ihre Daten anfordern',
      },
      rectification: {
        title: 'Ihre Daten berichtigen',
        body: ['Wenn etwas, das wir über Sie speichern, falsch, veraltet oder unvollständig ist, sagen Sie uns, was wir ändern sollen, und wir berichtigen es.'],
        action: 'Berichtigung Ihrer Daten anfordern',
      },
      erasure: {
        title: 'Ihre Daten widerrufen (löschen)',
        body: ['Bitten Sie uns, die personenbezogenen Daten zu löschen, die wir über Sie speichern. Wenn wir einen Teil davon gesetzlich aufbewahren müssen (zum Beispiel Rechnungen), sagen wir Ihnen, was und warum.'],
        action: 'Löschung Ihrer Daten anfordern',
      },
      opt_out: {
        title: 'Keine Werbe-E-Mails und Benachrichtigungen mehr',
        body: ['Wir senden Ihnen möglicherweise Werbeangebote, Benachrichtigungen, Neuigkeiten und Umfragen. Bestellen Sie einzelne davon – oder alle – jederzeit ab.'],
        action: 'E-Mails und Benachrichtigungen abbestellen',
      },
      child_data_removal: {
        title: 'Daten eines Kindes entfernen',
        body: [
          'Wir erheben wissentlich keine personenbezogenen Daten von Kindern unter 13 Jahren. Wenn Sie Elternteil oder Vormund eines Kindes unter 13 Jahren sind, dessen Daten wir speichern, entfernen wir sie.',
          'Wir können Sie um einen Nachweis des Alters des Kindes bitten.',
        ],
        action: 'Entfernung der Daten eines Kindes anfordern',
      },
    },
    nextHeading: 'Wie es weitergeht',
    nextSteps: [
      { title: 'Sie bestätigen, dass Sie es sind', body: 'Wir senden Ihnen einen Link per E-Mail. Öffnen Sie ihn und klicken Sie auf „Meine Anfrage bestätigen“. Bis dahin geschieht nichts, und niemand sonst kann in Ihrem Namen eine Anfrage stellen.' },
      {
        title: 'Wir antworten innerhalb der gesetzlichen Frist',
        body: 'Das Recht Ihres Wohnorts bestimmt die Frist: einen Monat in der EU und im Vereinigten Königreich (eine komplexe Anfrage kann zwei Monate länger dauern, und wir sagen Ihnen, warum), 45 Tage in Kalifornien und anderen US-Bundesstaaten, 15 Tage in Brasilien. Das Formular zeigt Ihnen, welches Recht für Sie gilt.',
      },
      { title: 'Sie können sie jederzeit verfolgen', body: 'Unsere E-Mails enthalten einen Link zur Statusseite Ihrer Anfrage: was wir bisher getan haben und bis wann wir antworten müssen. Wenn wir etwas von Ihnen brauchen, antworten Sie dort.' },
    ],
    statusHeading: 'Sie haben bereits eine Anfrage gestellt?',
    statusBody: 'Nutzen Sie den Statuslink in der neuesten E-Mail, die wir Ihnen gesendet haben. Zum Schutz Ihrer Daten lassen sich Anfragen nur über diese Links öffnen.',
    demoTitle: 'Demo-Postfach',
    demoBody: 'Dies ist eine Demonstration: Die E-Mails dieser Website werden nicht zugestellt, sondern in einem lokalen Postfach gesammelt.',
    demoLink: 'Demo-Postfach öffnen',
  },
};
