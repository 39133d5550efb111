import type { Messages } from '../../i18n/locale';

export interface AccountMessages {
  title: string;
  who: (name: string, email: string, role: string) => string;
  enrolment: { title: string; body: string; done: string };
  password: {
    heading: string;
    intro: string;
    current: string;
    next: string;
    nextHint: string;
    confirm: string;
    submit: string;
    currentRequired: string;
    currentWrong: string;
    tooShort: string;
    mismatch: string;
    changed: string;
  };
  totp: {
    heading: string;
    on: string;
    off: string;
    intro: string;
    start: string;
    step1: string;
    secretLabel: string;
    secretHint: string;
    uriLabel: string;
    uriHint: string;
    copySecret: string;
    copyUri: string;
    copied: string;
    step2: string;
    code: string;
    codeHint: string;
    codeInvalid: string;
    codeWrong: string;
    confirm: string;
    enabled: string;
    disableHeading: string;
    disableIntro: string;
    disable: string;
    disabled: string;
    adminsMustKeep: string;
  };
}

export const accountMessages: Messages<AccountMessages> = {
  en: {
    title: 'My account',
    who: (name, email, role) => `${name}, ${email} (${role})`,
    enrolment: {
      title: 'Set up a second factor to continue',
      body: 'On this installation admins must sign in with a second factor. Set one up below with an authenticator app; the rest of the console opens as soon as it is confirmed.',
      done: 'Your second factor is on. The whole console is open now.',
    },
    password: {
      heading: 'Change password',
      intro: 'Your other sessions end when the password changes; this one stays signed in.',
      current: 'Current password',
      next: 'New password',
      nextHint: 'At least 12 characters. A few unrelated words make a strong password that is easy to type.',
      confirm: 'New password again',
      submit: 'Change password',
      currentRequired: 'Enter your current password.',
      currentWrong: 'The current password is wrong.',
      tooShort: 'The new password must have at least 12 characters.',
      mismatch: 'The two new passwords are not the same.',
      changed: 'Your password is changed. Your other sessions have ended.',
    },
    totp: {
      heading: 'Second factor',
      on: 'On: signing in asks for a code from your authenticator app.',
      off: 'Off: signing in needs only your password.',
      intro: 'A second factor is a six-digit code from an authenticator app on your phone (any app that supports TOTP). Someone who learns your password still cannot sign in without it.',
      start: 'Set up a second factor',
      step1: 'Step 1: add this account to your authenticator app. Type the secret key, or copy the otpauth:// address if your app accepts one.',
      secretLabel: 'Secret key',
      secretHint: 'Spaces are only for reading; most apps ignore them. Choose a time-based key.',
      uriLabel: 'Setup address (otpauth://)',
      uriHint: 'For apps and password managers that accept a setup address.',
      copySecret: 'Copy secret key',
      copyUri: 'Copy setup address',
      copied: 'Copied.',
      step2: 'Step 2: enter the code the app shows now, to prove it works.',
      code: 'Six-digit code',
      codeHint: 'The code changes every 30 seconds.',
      codeInvalid: 'Enter the six digits from your app.',
      codeWrong: 'That code is wrong or has expired. Enter the code your app shows now.',
      confirm: 'Turn on the second factor',
      enabled: 'Your second factor is on. Next time you sign in, enter the code from your app.',
      disableHeading: 'Turn the second factor off',
      disableIntro: 'Enter a current code from your app to turn it off.',
      disable: 'Turn off the second factor',
      disabled: 'Your second factor is off.',
      adminsMustKeep: 'Admins must keep a second factor on this installation.',
    },
  },
  de: {
    title: 'Mein Konto',
    who: (name, email, role) => `${name}, ${email} (${role})`,
    enrolment: {
      title: 'Richten Sie einen zweiten Faktor ein, um fortzufahren',
      body: 'In dieser Installation müssen sich Admins mit einem zweiten Faktor anmelden. Richten Sie ihn unten mit einer Authenticator-App ein; der Rest der Konsole öffnet sich, sobald er bestätigt ist.',
      done: 'Ihr zweiter Faktor ist eingeschaltet. Die ganze Konsole ist jetzt geöffnet.',
    },
    password: {
      heading: 'Passwort ändern',
      intro: 'Ihre anderen Sitzungen enden, wenn sich das Passwort ändert; diese bleibt angemeldet.',
      current: 'Aktuelles Passwort',
      next: 'Neues Passwort',
      nextHint: 'Mindestens 12 Zeichen. Einige zusammenhanglose Wörter ergeben ein starkes Passwort, das sich leicht tippen lässt.',
      confirm: 'Neues Passwort wiederholen',
      submit: 'Passwort ändern',
      currentRequired: 'Geben Sie Ihr aktuelles Passwort ein.',
      currentWrong: 'Das aktuelle Passwort ist falsch.',
      tooShort: 'Das neue Passwort muss mindestens 12 Zeichen haben.',
      mismatch: 'Die beiden neuen Passwörter stimmen nicht überein.',
      changed: 'Ihr Passwort ist geändert. Ihre anderen Sitzungen wurden beendet.',
    },
    totp: {
      heading: 'Zweiter Faktor',
      on: 'An: Die Anmeldung verlangt einen Code aus Ihrer Authenticator-App.',
      off: 'Aus: Die Anmeldung verlangt nur Ihr Passwort.',
      intro: 'Ein zweiter Faktor ist ein sechsstelliger Code aus einer Authenticator-App auf Ihrem Telefon (jede App mit TOTP). Wer Ihr Passwort erfährt, kann sich ohne ihn trotzdem nicht anmelden.',
      start: 'Zweiten Faktor einrichten',
      step1: 'Schritt 1: Fügen Sie dieses Konto Ihrer Authenticator-App hinzu. Tippen Sie den geheimen Schlüssel ab oder kopieren Sie die otpauth://-Adresse, wenn Ihre App sie annimmt.',
      secretLabel: 'Geheimer Schlüssel',
      secretHint: 'Die Leerzeichen dienen nur dem Lesen; die meisten Apps ignorieren sie. Wählen Sie einen zeitbasierten Schlüssel.',
      uriLabel: 'Einrichtungsadresse (otpauth://)',
      uriHint: 'Für Apps und Passwortmanager, die eine Einrichtungsadresse annehmen.',
      copySecret: 'Geheimen Schlüssel kopieren',
      copyUri: 'Einrichtungsadresse kopieren',
      copied: 'Kopiert.',
      step2: 'Schritt 2: Geben Sie den Code ein, den die App gerade anzeigt, um zu zeigen, dass es funktioniert.',
      code: 'Sechsstelliger Code',
      codeHint: 'Der Code wechselt alle 30 Sekunden.',
      codeInvalid: 'Geben Sie die sechs Ziffern aus Ihrer App ein.',
      codeWrong: 'Dieser Code ist falsch oder abgelaufen. Geben Sie den Code ein, den Ihre App gerade anzeigt.',
      confirm: 'Zweiten Faktor einschalten',
      enabled: 'Ihr zweiter Faktor ist eingeschaltet. Geben Sie bei der nächsten Anmeldung den Code aus Ihrer App ein.',
      disableHeading: 'Zweiten Faktor ausschalten',
      disableIntro: 'Geben Sie einen aktuellen Code aus Ihrer App ein, um ihn auszuschalten.',
      disable: 'Zweiten Faktor ausschalten',
      disabled: 'Ihr zweiter Faktor ist ausgeschaltet.',
      adminsMustKeep: 'Admins müssen in dieser Installation einen zweiten Faktor behalten.',
    },
  },
};
