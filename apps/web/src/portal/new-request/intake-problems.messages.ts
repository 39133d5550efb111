import type { Messages } from '../../i18n/locale';

/** The form's fields as the error messages name them. */
export type ProblemField =
  | 'email'
  | 'name'
  | 'country'
  | 'region'
  | 'note'
  | 'corrections'
  | 'correctionField'
  | 'correctionCurrent'
  | 'correctionNew'
  | 'explanation'
  | 'channels'
  | 'child'
  | 'childName'
  | 'childEmail'
  | 'childUsername'
  | 'childDateOfBirth'
  | 'relationship'
  | 'childAge'
  | 'other';

/** Per field, a sentence per error code of the shared schema; `default` for any other code. {limit} is the schema's number. */
export type ProblemTexts = Record<ProblemField, Record<string, string> & { default: string }>;

export interface IntakeProblemMessages {
  texts: ProblemTexts;
  inCorrection: (n: number, text: string) => string;
}

export const intakeProblemMessages: Messages<IntakeProblemMessages> = {
  en: {
    texts: {
      email: {
        required: 'Enter your email address',
        too_short: 'Enter your email address',
        invalid_email: 'Enter an email address in the correct format, like name@example.com',
        too_long: 'Your email address must be {limit} characters or fewer',
        default: 'Enter your email address',
      },
      name: { too_long: 'Your name must be {limit} characters or fewer', default: 'Check your name' },
      country: { default: 'Select the country you live in' },
      region: { default: 'Select your state from the list' },
      note: { too_long: 'This must be {limit} characters or fewer', default: 'Check this note' },
      corrections: { too_long: 'You can list up to {limit} corrections', default: 'Add at least one correction' },
      correctionField: { too_long: 'What is wrong must be {limit} characters or fewer', default: 'Enter what is wrong' },
      correctionCurrent: { too_long: 'What it says now must be {limit} characters or fewer', default: 'Check what it says now' },
      correctionNew: { too_long: 'What it should say must be {limit} characters or fewer', default: 'Enter what it should say' },
      explanation: { too_long: 'The explanation must be {limit} characters or fewer', default: 'Explain why it is wrong' },
      channels: { duplicate: 'Select each option once', default: 'Select what we should stop' },
      child: { default: 'Give at least one of the child’s name, email address, username or date of birth' },
      childName: { too_long: 'The child’s name must be {limit} characters or fewer', default: 'Check the child’s name' },
      childEmail: {
        invalid_email: 'Enter the child’s email address in the correct format, like name@example.com',
        too_long: 'The child’s email address must be {limit} characters or fewer',
        default: 'Check the child’s email address',
      },
      childUsername: { too_long: 'The child’s username must be {limit} characters or fewer', default: 'Check the child’s username' },
      childDateOfBirth: { default: 'Enter a real date of birth' },
      relationship: { default: 'Select whether you are the child’s parent or legal guardian' },
      childAge: {
        required: 'Enter the child’s age',
        invalid_type: 'Enter the child’s age as a whole number, like 11',
        too_big: 'This form is for children under 13. For a child aged 13 or over, use the other forms: the rights are the child’s own',
        too_small: 'The child’s age cannot be below 0',
        default: 'Enter the child’s age as a whole number, like 11',
      },
      other: { default: 'Check this form and try again' },
    },
    inCorrection: (n, text) => `Correction ${n}: ${text}`,
  },
  de: {
    texts: {
      email: {
        required: 'Geben Sie Ihre E-Mail-Adresse ein',
        too_short: 'Geben Sie Ihre E-Mail-Adresse ein',
        invalid_email: 'Geben Sie eine E-Mail-Adresse im richtigen Format ein, zum Beispiel name@example.com',
        too_long: 'Ihre E-Mail-Adresse darf höchstens {limit} Zeichen lang sein',
        default: 'Geben Sie Ihre E-Mail-Adresse ein',
      },
      name: { too_long: 'Ihr Name darf höchstens {limit} Zeichen lang sein', default: 'Prüfen Sie Ihren Namen' },
      country: { default: 'Wählen Sie das Land aus, in dem Sie wohnen' },
      region: { default: 'Wählen Sie Ihren Bundesstaat aus der Liste aus' },
      note: { too_long: 'Dies darf höchstens {limit} Zeichen lang sein', default: 'Prüfen Sie diese Angabe' },
      corrections: { too_long: 'Sie können höchstens {limit} Berichtigungen angeben', default: 'Geben Sie mindestens eine Berichtigung an' },
      correctionField: { too_long: '„Was ist falsch“ darf höchstens {limit} Zeichen lang sein', default: 'Geben Sie an, was falsch ist' },
      correctionCurrent: { too_long: '„Was derzeit gespeichert ist“ darf höchstens {limit} Zeichen lang sein', default: 'Prüfen Sie, was derzeit gespeichert ist' },
      correctionNew: { too_long: '„Was richtig ist“ darf höchstens {limit} Zeichen lang sein', default: 'Geben Sie an, was richtig ist' },
      explanation: { too_long: 'Die Erklärung darf höchstens {limit} Zeichen lang sein', default: 'Erklären Sie, warum es falsch ist' },
      channels: { duplicate: 'Wählen Sie jede Option nur einmal aus', default: 'Wählen Sie aus, was wir unterlassen sollen' },
      child: { default: 'Geben Sie mindestens Name, E-Mail-Adresse, Benutzername oder Geburtsdatum des Kindes an' },
      childName: { too_long: 'Der Name des Kindes darf höchstens {limit} Zeichen lang sein', default: 'Prüfen Sie den Namen des Kindes' },
      childEmail: {
        invalid_email: 'Geben Sie die E-Mail-Adresse des Kindes im richtigen Format ein, zum Beispiel name@example.com',
        too_long: 'Die E-Mail-Adresse des Kindes darf höchstens {limit} Zeichen lang sein',
        default: 'Prüfen Sie die E-Mail-Adresse des Kindes',
      },
      childUsername: { too_long: 'Der Benutzername des Kindes darf höchstens {limit} Zeichen lang sein', default: 'Prüfen Sie den Benutzernamen des Kindes' },
      childDateOfBirth: { default: 'Geben Sie ein gültiges Geburtsdatum ein' },
      relationship: { default: 'Wählen Sie aus, ob Sie Elternteil oder Vormund des Kindes sind' },
      childAge: {
        required: 'Geben Sie das Alter des Kindes ein',
        invalid_type: 'Geben Sie das Alter des Kindes als ganze Zahl ein, zum Beispiel 11',
        too_big: 'Dieses Formular ist für Kinder unter 13 Jahren. Für ein Kind ab 13 nutzen Sie die anderen Formulare: Die Rechte sind die des Kindes selbst',
        too_small: 'Das Alter des Kindes kann nicht unter 0 liegen',
        default: 'Geben Sie das Alter des Kindes als ganze Zahl ein, zum Beispiel 11',
      },
      other: { default: 'Prüfen Sie das Formular und versuchen Sie es erneut' },
    },
    inCorrection: (n, text) => `Berichtigung ${n}: ${text}`,
  },
};
