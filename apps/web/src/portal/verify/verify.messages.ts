import type { Messages } from '../../i18n/locale';

interface Outcome {
  title: string;
  body: string;
}

export interface VerifyMessages {
  title: string;
  reference: (reference: string) => string;
  explain: string;
  notYou: string;
  confirm: string;
  confirming: string;
  already: Outcome;
  invalid: Outcome;
  expired: Outcome;
  locked: Outcome;
  rateLimited: string;
  fileAgain: string;
}

export const verifyMessages: Messages<VerifyMessages> = {
  en: {
    title: 'Confirm your privacy request',
    reference: (reference) => `Reference ${reference}.`,
    explain: 'Press the button to confirm that you made this request from your email address. Nothing happens until you do.',
    notYou: 'If you did not make this request, close this page — nothing will happen.',
    confirm: 'Confirm my request',
    confirming: 'Confirming…',
    already: { title: 'Already confirmed', body: 'This request is already confirmed. Follow the status link in the email we sent you after you confirmed it.' },
    invalid: { title: 'This link does not work', body: 'Check that you opened the whole link from the most recent email we sent you. Each link can be used once.' },
    expired: { title: 'This link has expired', body: 'Confirmation links work for a limited time. Send your request again and we will email you a new link.' },
    locked: { title: 'This link is locked', body: 'It was tried too many times with a wrong code, so we locked it to protect you. Send your request again to get a new link.' },
    rateLimited: 'There have been too many attempts from your connection. Please wait a while and try again.',
    fileAgain: 'Send a request again',
  },
  de: {
    title: 'Bestätigen Sie Ihre Datenschutzanfrage',
    reference: (reference) => `Referenz ${reference}.`,
    explain: 'Klicken Sie auf die Schaltfläche, um zu bestätigen, dass Sie diese Anfrage mit Ihrer E-Mail-Adresse gestellt haben. Bis dahin geschieht nichts.',
    notYou: 'Wenn Sie diese Anfrage nicht gestellt haben, schließen Sie diese Seite – es geschieht nichts.',
    confirm: 'Meine Anfrage bestätigen',
    confirming: 'Wird bestätigt …',
    already: { title: 'Bereits bestätigt', body: 'Diese Anfrage ist bereits bestätigt. Folgen Sie dem Statuslink in der E-Mail, die wir Ihnen nach der Bestätigung gesendet haben.' },
    invalid: { title: 'Dieser Link funktioniert nicht', body: 'Prüfen Sie, ob Sie den vollständigen Link aus unserer neuesten E-Mail geöffnet haben. Jeder Link kann einmal verwendet werden.' },
    expired: { title: 'Dieser Link ist abgelaufen', body: 'Bestätigungslinks gelten nur eine begrenzte Zeit. Senden Sie Ihre Anfrage erneut, und wir schicken Ihnen einen neuen Link.' },
    locked: { title: 'Dieser Link ist gesperrt', body: 'Er wurde zu oft mit einem falschen Code versucht, deshalb haben wir ihn zu Ihrem Schutz gesperrt. Senden Sie Ihre Anfrage erneut, um einen neuen Link zu erhalten.' },
    rateLimited: 'Von Ihrer Verbindung kamen zu viele Versuche. Bitte warten Sie eine Weile und versuchen Sie es erneut.',
    fileAgain: 'Anfrage erneut senden',
  },
};
