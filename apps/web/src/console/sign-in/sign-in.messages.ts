import type { Messages } from '../../i18n/locale';

export interface SignInMessages {
  title: string;
  intro: string;
  email: string;
  password: string;
  submit: string;
  codeTitle: string;
  codeIntro: string;
  code: string;
  codeHint: string;
  verify: string;
  startAgain: string;
  emailRequired: string;
  passwordRequired: string;
  codeInvalid: string;
  wrongPassword: string;
  wrongCode: string;
  locked: (minutes: number) => string;
  rateLimited: (minutes: number) => string;
  lockedTitle: string;
}

export const signInMessages: Messages<SignInMessages> = {
  en: {
    title: 'Sign in to the privacy console',
    intro: 'For the privacy team. Your account is made by an administrator.',
    email: 'Email address',
    password: 'Password',
    submit: 'Sign in',
    codeTitle: 'Enter your security code',
    codeIntro: 'Your account has a second factor. Open your authenticator app and enter the code it shows for this account.',
    code: 'Six-digit code',
    codeHint: 'The code changes every 30 seconds.',
    verify: 'Continue',
    startAgain: 'Use a different account',
    emailRequired: 'Enter your email address.',
    passwordRequired: 'Enter your password.',
    codeInvalid: 'Enter the six digits from your authenticator app.',
    wrongPassword: 'The email address or password is not right.',
    wrongCode: 'The code is not right, or it was already used. Wait for the next code and try again.',
    lockedTitle: 'Too many attempts',
    locked: (minutes) => `This account is locked after too many wrong passwords. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}, or ask an administrator to unlock it.`,
    rateLimited: (minutes) => `Too many sign-in attempts from this network. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`,
  },
  de: {
    title: 'Anmeldung zur Datenschutz-Konsole',
    intro: 'Für das Datenschutzteam. Ihr Konto wird von einer Administratorin oder einem Administrator angelegt.',
    email: 'E-Mail-Adresse',
    password: 'Passwort',
    submit: 'Anmelden',
    codeTitle: 'Sicherheitscode eingeben',
    codeIntro: 'Ihr Konto hat einen zweiten Faktor. Öffnen Sie Ihre Authenticator-App und geben Sie den Code für dieses Konto ein.',
    code: 'Sechsstelliger Code',
    codeHint: 'Der Code ändert sich alle 30 Sekunden.',
    verify: 'Weiter',
    startAgain: 'Anderes Konto verwenden',
    emailRequired: 'Geben Sie Ihre E-Mail-Adresse ein.',
    passwordRequired: 'Geben Sie Ihr Passwort ein.',
    codeInvalid: 'Geben Sie die sechs Ziffern aus Ihrer Authenticator-App ein.',
    wrongPassword: 'E-Mail-Adresse oder Passwort stimmen nicht.',
    wrongCode: 'Der Code stimmt nicht oder wurde schon verwendet. Warten Sie auf den nächsten Code und versuchen Sie es erneut.',
    lockedTitle: 'Zu viele Versuche',
    locked: (minutes) => `Dieses Konto ist nach zu vielen falschen Passwörtern gesperrt. Versuchen Sie es in ${minutes} ${minutes === 1 ? 'Minute' : 'Minuten'} erneut oder bitten Sie eine Administratorin oder einen Administrator, es zu entsperren.`,
    rateLimited: (minutes) => `Zu viele Anmeldeversuche aus diesem Netzwerk. Versuchen Sie es in ${minutes} ${minutes === 1 ? 'Minute' : 'Minuten'} erneut.`,
  },
};
