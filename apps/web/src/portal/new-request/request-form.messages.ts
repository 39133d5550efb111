import type { ChildRelationship, OptOutChannel, RequestType } from '@rightsdesk/domain';
import type { Messages } from '../../i18n/locale';

export interface RegimeNoticeText {
  law: string;
  country: string | null;
  dueOn: string;
  period: string;
  extension: string | null;
}

export interface RequestFormMessages {
  title: Record<RequestType, string>;
  intro: Record<RequestType, string>;
  chooseTitle: string;
  chooseIntro: string;
  aboutYou: string;
  email: string;
  emailHint: string;
  name: string;
  nameHint: string;
  country: string;
  countryHint: string;
  selectCountry: string;
  state: string;
  stateHint: string;
  selectState: string;
  regimeNotice: (text: RegimeNoticeText) => string;
  noteLabel: Record<'access' | 'erasure' | 'child_data_removal', string>;
  noteHint: Record<'access' | 'erasure' | 'child_data_removal', string>;
  correctionsLegend: string;
  correctionsHint: string;
  correctionLegend: (n: number) => string;
  correctionField: string;
  correctionFieldHint: string;
  correctionCurrent: string;
  correctionNew: string;
  addCorrection: string;
  removeCorrection: (n: number) => string;
  maxCorrections: (max: number) => string;
  explanation: string;
  explanationHint: string;
  channelsLegend: string;
  channelsHint: string;
  channel: Record<OptOutChannel, string>;
  childLegend: string;
  childHint: string;
  childName: string;
  childEmail: string;
  childUsername: string;
  childDateOfBirth: string;
  childAge: string;
  childAgeHint: string;
  relationshipLegend: string;
  relationship: Record<ChildRelationship, string>;
  languageNote: string;
  submit: string;
  sending: string;
  rateLimited: string;
}

export const requestFormMessages: Messages<RequestFormMessages> = {
  en: {
    title: {
      access: 'Ask to see your data',
      rectification: 'Ask us to correct your data',
      erasure: 'Ask us to delete your data',
      opt_out: 'Stop promotional emails and notifications',
      child_data_removal: "Ask us to remove a child’s data",
    },
    intro: {
      access: 'We send you a copy of the personal information we hold about you, with what we use it for and who we share it with.',
      rectification: 'Tell us what is wrong and what it should say. We correct it everywhere we keep it.',
      erasure: 'We delete the personal information we hold about you. If the law makes us keep some of it, we tell you what and why.',
      opt_out: 'Choose what we should stop: promotional messages, or selling and sharing your personal information. This does not affect messages about your account or orders.',
      child_data_removal:
        'Use this form if you are the parent or legal guardian of a child under 13 whose information we hold. We may ask you for proof of the child’s age before we remove anything.',
    },
    chooseTitle: 'What would you like to do?',
    chooseIntro: 'Choose a request. Each form takes a few minutes; nothing happens until you confirm it from your email.',
    aboutYou: 'About you',
    email: 'Email address',
    emailHint: 'The address you use with us. We send a link there to confirm the request is yours, and answer you there.',
    name: 'Full name',
    nameHint: 'Helps us find your data.',
    country: 'Country you live in',
    countryHint: 'It decides which privacy law applies and how long we have to answer.',
    selectCountry: 'Select a country',
    state: 'State',
    stateHint: 'Some US states have their own privacy law.',
    selectState: 'Select a state',
    regimeNotice: ({ law, country, dueOn, period, extension }) =>
      `${country ? `For ${country} we apply the deadlines of the ${law}` : `The law that applies: ${law}`}. If you send this request today, we must answer by ${dueOn}: ${period} from receipt${
        extension ? `, or ${extension} later for a complex request, which we would explain to you` : ''
      }.`,
    noteLabel: { access: 'Anything that helps us find your data', erasure: 'Anything we should know', child_data_removal: 'Anything else we should know' },
    noteHint: {
      access: 'For example another email address you used, or a customer number.',
      erasure: 'For example another address you used, or what to delete if not everything.',
      child_data_removal: 'For example how the child used our service.',
    },
    correctionsLegend: 'What should we correct?',
    correctionsHint: 'One entry per piece of information.',
    correctionLegend: (n) => `Correction ${n}`,
    correctionField: 'What is wrong',
    correctionFieldHint: 'For example: billing address, phone number, name.',
    correctionCurrent: 'What it says now',
    correctionNew: 'What it should say',
    addCorrection: 'Add another correction',
    removeCorrection: (n) => `Remove correction ${n}`,
    maxCorrections: (max) => `You can list up to ${max} corrections in one request.`,
    explanation: 'Why is it wrong?',
    explanationHint: 'A short explanation, for example “I moved in March”.',
    channelsLegend: 'What do you want us to stop?',
    channelsHint: 'Select all that apply.',
    channel: {
      email: 'Promotional emails and offers',
      notifications: 'Notifications and updates',
      surveys: 'Surveys',
      sale_sharing: 'Do not sell or share my personal information',
      all: 'All of these (including the sale and sharing of my information), and anything else promotional',
    },
    childLegend: 'About the child',
    childHint: 'Give at least one of these, so we can find the child’s information.',
    childName: 'Child’s name',
    childEmail: 'Child’s email address',
    childUsername: 'Child’s username',
    childDateOfBirth: 'Child’s date of birth',
    childAge: 'Child’s age',
    childAgeHint: 'In years. This form is for children aged 12 or under.',
    relationshipLegend: 'Your relationship to the child',
    relationship: { parent: 'Parent', legal_guardian: 'Legal guardian' },
    languageNote: 'We will write to you in English. To have our emails in German, choose Deutsch at the top of the page.',
    submit: 'Send request',
    sending: 'Sending…',
    rateLimited: 'You have sent several requests in a short time. Please wait an hour and try again.',
  },
  de: {
    title: {
      access: 'Auskunft über Ihre Daten anfordern',
      rectification: 'Berichtigung Ihrer Daten anfordern',
      erasure: 'Löschung Ihrer Daten anfordern',
      opt_out: 'Werbe-E-Mails und Benachrichtigungen abbestellen',
      child_data_removal: 'Entfernung der Daten eines Kindes anfordern',
    },
    intro: {
      access: 'Wir senden Ihnen eine Kopie der personenbezogenen Daten, die wir über Sie speichern, und sagen Ihnen, wofür wir sie nutzen und an wen wir sie weitergeben.',
      rectification: 'Sagen Sie uns, was falsch ist und was richtig wäre. Wir berichtigen es überall, wo wir es speichern.',
      erasure: 'Wir löschen die personenbezogenen Daten, die wir über Sie speichern. Wenn wir einen Teil davon gesetzlich aufbewahren müssen, sagen wir Ihnen, was und warum.',
      opt_out: 'Wählen Sie aus, was wir unterlassen sollen: Werbung, oder den Verkauf und die Weitergabe Ihrer personenbezogenen Daten. Nachrichten zu Ihrem Konto oder Ihren Bestellungen bleiben davon unberührt.',
      child_data_removal:
        'Nutzen Sie dieses Formular, wenn Sie Elternteil oder Vormund eines Kindes unter 13 Jahren sind, dessen Daten wir speichern. Wir können Sie um einen Nachweis des Alters bitten, bevor wir etwas entfernen.',
    },
    chooseTitle: 'Was möchten Sie tun?',
    chooseIntro: 'Wählen Sie eine Anfrage. Jedes Formular dauert nur wenige Minuten; es geschieht nichts, bevor Sie es per E-Mail bestätigt haben.',
    aboutYou: 'Zu Ihrer Person',
    email: 'E-Mail-Adresse',
    emailHint: 'Die Adresse, die Sie bei uns verwenden. Wir senden Ihnen dorthin einen Link, mit dem Sie bestätigen, dass die Anfrage von Ihnen ist, und antworten Ihnen dort.',
    name: 'Vollständiger Name',
    nameHint: 'Hilft uns, Ihre Daten zu finden.',
    country: 'Land, in dem Sie wohnen',
    countryHint: 'Es bestimmt, welches Datenschutzrecht gilt und wie viel Zeit wir für die Antwort haben.',
    selectCountry: 'Land auswählen',
    state: 'Bundesstaat',
    stateHint: 'Einige US-Bundesstaaten haben ein eigenes Datenschutzgesetz.',
    selectState: 'Bundesstaat auswählen',
    regimeNotice: ({ law, country, dueOn, period, extension }) =>
      `${country ? `Für ${country} wenden wir die Fristen dieser Regelung an: ${law}` : `Anwendbares Recht: ${law}`}. Wenn Sie die Anfrage heute senden, müssen wir bis zum ${dueOn} antworten: ${period} nach Eingang${
        extension ? `, bei einer komplexen Anfrage ${extension} später – das würden wir Ihnen begründen` : ''
      }.`,
    noteLabel: { access: 'Was uns hilft, Ihre Daten zu finden', erasure: 'Was wir wissen sollten', child_data_removal: 'Was wir sonst wissen sollten' },
    noteHint: {
      access: 'Zum Beispiel eine andere E-Mail-Adresse, die Sie verwendet haben, oder eine Kundennummer.',
      erasure: 'Zum Beispiel eine andere Adresse, die Sie verwendet haben, oder was gelöscht werden soll, wenn nicht alles.',
      child_data_removal: 'Zum Beispiel, wie das Kind unseren Dienst genutzt hat.',
    },
    correctionsLegend: 'Was sollen wir berichtigen?',
    correctionsHint: 'Ein Eintrag pro Angabe.',
    correctionLegend: (n) => `Berichtigung ${n}`,
    correctionField: 'Was ist falsch',
    correctionFieldHint: 'Zum Beispiel: Rechnungsadresse, Telefonnummer, Name.',
    correctionCurrent: 'Was derzeit gespeichert ist',
    correctionNew: 'Was richtig ist',
    addCorrection: 'Weitere Berichtigung hinzufügen',
    removeCorrection: (n) => `Berichtigung ${n} entfernen`,
    maxCorrections: (max) => `Sie können bis zu ${max} Berichtigungen in einer Anfrage angeben.`,
    explanation: 'Warum ist es falsch?',
    explanationHint: 'Eine kurze Erklärung, zum Beispiel „Ich bin im März umgezogen“.',
    channelsLegend: 'Was sollen wir unterlassen?',
    channelsHint: 'Wählen Sie alles Zutreffende aus.',
    channel: {
      email: 'Werbe-E-Mails und Angebote',
      notifications: 'Benachrichtigungen und Neuigkeiten',
      surveys: 'Umfragen',
      sale_sharing: 'Meine personenbezogenen Daten nicht verkaufen oder weitergeben',
      all: 'All das (auch Verkauf und Weitergabe meiner Daten) und jede andere Werbung',
    },
    childLegend: 'Zum Kind',
    childHint: 'Geben Sie mindestens eine dieser Angaben an, damit wir die Daten des Kindes finden.',
    childName: 'Name des Kindes',
    childEmail: 'E-Mail-Adresse des Kindes',
    childUsername: 'Benutzername des Kindes',
    childDateOfBirth: 'Geburtsdatum des Kindes',
    childAge: 'Alter des Kindes',
    childAgeHint: 'In Jahren. Dieses Formular ist für Kinder bis 12 Jahre.',
    relationshipLegend: 'Ihre Beziehung zum Kind',
    relationship: { parent: 'Elternteil', legal_guardian: 'Vormund' },
    languageNote: 'Wir schreiben Ihnen auf Deutsch. Für E-Mails auf Englisch wählen Sie oben auf der Seite „English“.',
    submit: 'Anfrage senden',
    sending: 'Wird gesendet …',
    rateLimited: 'Sie haben in kurzer Zeit mehrere Anfragen gesendet. Bitte warten Sie eine Stunde und versuchen Sie es erneut.',
  },
};
