import type { Messages } from '../../i18n/locale';

export interface CheckEmailMessages {
  title: string;
  sent: string;
  reference: string;
  referenceHint: string;
  linkHours: (hours: number) => string;
  nothingHeading: string;
  nothingSteps: string[];
  home: string;
  optOutTitle: string;
  optOutDone: string;
}

export const checkEmailMessages: Messages<CheckEmailMessages> = {
  en: {
    title: 'Check your email',
    sent: 'We have sent a link to the address you gave. Open it and press “Confirm my request”. Until you do, nothing happens with your request.',
    reference: 'Your reference',
    referenceHint: 'Quote it if you contact us about this request.',
    linkHours: (hours) => `The link works for ${hours} hours.`,
    nothingHeading: 'If no email arrives',
    nothingSteps: [
      'Wait a few minutes, and look in your spam or junk folder.',
      'Check that you typed your email address correctly. If not, fill in the form again with the right address.',
      'Send the same request again with the same address: while it is unconfirmed, we send the link again (at most every few minutes).',
    ],
    home: 'Back to your privacy rights',
    optOutTitle: 'We will stop selling or sharing your information',
    optOutDone:
      'An opt-out of the sale and sharing of your personal information needs no confirmation: it is under way now. We have emailed you a link where you can follow it.',
  },
  de: {
    title: 'Prüfen Sie Ihre E-Mails',
    sent: 'Wir haben einen Link an die angegebene Adresse gesendet. Öffnen Sie ihn und klicken Sie auf „Meine Anfrage bestätigen“. Bis dahin geschieht mit Ihrer Anfrage nichts.',
    reference: 'Ihre Referenz',
    referenceHint: 'Geben Sie sie an, wenn Sie uns zu dieser Anfrage kontaktieren.',
    linkHours: (hours) => `Der Link ist ${hours} Stunden lang gültig.`,
    nothingHeading: 'Wenn keine E-Mail ankommt',
    nothingSteps: [
      'Warten Sie ein paar Minuten und sehen Sie in Ihrem Spam- oder Junk-Ordner nach.',
      'Prüfen Sie, ob Sie Ihre E-Mail-Adresse richtig eingegeben haben. Wenn nicht, füllen Sie das Formular mit der richtigen Adresse erneut aus.',
      'Senden Sie dieselbe Anfrage mit derselben Adresse noch einmal: Solange sie unbestätigt ist, senden wir den Link erneut (höchstens alle paar Minuten).',
    ],
    home: 'Zurück zu Ihren Datenschutzrechten',
    optOutTitle: 'Wir verkaufen Ihre Daten nicht mehr und geben sie nicht mehr weiter',
    optOutDone:
      'Ein Widerspruch gegen Verkauf und Weitergabe Ihrer personenbezogenen Daten braucht keine Bestätigung: Er wird jetzt umgesetzt. Wir haben Ihnen einen Link gesendet, unter dem Sie den Stand verfolgen können.',
  },
};
