import type { Messages } from '../../i18n/locale';

export interface OfficersMessages {
  title: string;
  intro: string;
  table: {
    caption: string;
    name: string;
    email: string;
    role: string;
    secondFactor: string;
    status: string;
    lastSignIn: string;
    actions: string;
    on: string;
    off: string;
    active: string;
    locked: string;
    disabled: string;
    never: string;
    you: string;
  };
  actions: {
    changeRole: string;
    disable: string;
    enable: string;
    resetPassword: string;
    unlock: string;
    forOfficer: (name: string) => string;
  };
  roleDialog: { title: (name: string) => string; role: string; hint: string; save: string; cancel: string };
  disableDialog: { title: (name: string) => string; body: string; confirm: string; cancel: string };
  resetDialog: { title: (name: string) => string; body: string; confirm: string; cancel: string };
  create: {
    heading: string;
    name: string;
    email: string;
    role: string;
    roleHint: string;
    submit: string;
    nameRequired: string;
    emailInvalid: string;
    emailTaken: string;
  };
  roleDescriptions: { admin: string; officer: string; auditor: string };
  shownOnce: {
    createdLabel: (name: string) => string;
    resetLabel: (name: string) => string;
    hint: string;
    copy: string;
    copied: string;
  };
  done: {
    role: (name: string, role: string) => string;
    disabled: (name: string) => string;
    enabled: (name: string) => string;
    unlocked: (name: string) => string;
  };
  lastAdmin: string;
}

export const officersMessages: Messages<OfficersMessages> = {
  en: {
    title: 'Officers',
    intro: 'Who can sign in to the console and what they may do. Changing a role or disabling an account ends that person’s sessions at once.',
    table: {
      caption: 'Officer accounts',
      name: 'Name',
      email: 'Email',
      role: 'Role',
      secondFactor: 'Second factor',
      status: 'Status',
      lastSignIn: 'Last sign-in',
      actions: 'Actions',
      on: 'On',
      off: 'Off',
      active: 'Active',
      locked: 'Locked (failed sign-ins)',
      disabled: 'Disabled',
      never: 'Never',
      you: '(you)',
    },
    actions: {
      changeRole: 'Change role',
      disable: 'Disable',
      enable: 'Enable',
      resetPassword: 'Reset password',
      unlock: 'Unlock',
      forOfficer: (name) => ` for ${name}`,
    },
    roleDialog: { title: (name) => `Change the role of ${name}`, role: 'Role', hint: 'Their sessions end; they sign in again with the new role.', save: 'Change role', cancel: 'Cancel' },
    disableDialog: {
      title: (name) => `Disable ${name}?`,
      body: 'They can no longer sign in, and their sessions end now. Their past actions stay in the audit trail. You can enable the account again later.',
      confirm: 'Disable account',
      cancel: 'Cancel',
    },
    resetDialog: {
      title: (name) => `Reset the password of ${name}?`,
      body: 'A new random password replaces the old one, the account is unlocked and their sessions end. You will see the new password once, to hand over in person or by another safe channel.',
      confirm: 'Reset password',
      cancel: 'Cancel',
    },
    create: {
      heading: 'Add an officer',
      name: 'Name',
      email: 'Email address',
      role: 'Role',
      roleHint: 'A password is generated and shown once after you add the officer.',
      submit: 'Add officer',
      nameRequired: 'Enter the officer’s name.',
      emailInvalid: 'Enter an email address, like name@example.com.',
      emailTaken: 'An officer with this email address already exists.',
    },
    roleDescriptions: {
      admin: 'Admin — everything, plus officers, API keys and settings',
      officer: 'Officer — works on requests: assign, decide, extend, ask',
      auditor: 'Auditor — reads everything, changes nothing',
    },
    shownOnce: {
      createdLabel: (name) => `Password for ${name}`,
      resetLabel: (name) => `New password for ${name}`,
      hint: 'Shown only now: copy it and hand it over in person or by another safe channel. Nobody can show it again; if it is lost, reset the password.',
      copy: 'Copy password',
      copied: 'Copied.',
    },
    done: {
      role: (name, role) => `${name} is now ${role}.`,
      disabled: (name) => `${name} is disabled.`,
      enabled: (name) => `${name} is enabled again.`,
      unlocked: (name) => `${name} is unlocked.`,
    },
    lastAdmin: 'This is the last active admin: make someone else an admin first, so the console is never left without one.',
  },
  de: {
    title: 'Mitarbeitende',
    intro: 'Wer sich an der Konsole anmelden kann und was er oder sie darf. Eine Rollenänderung oder Deaktivierung beendet die Sitzungen dieser Person sofort.',
    table: {
      caption: 'Konten der Mitarbeitenden',
      name: 'Name',
      email: 'E-Mail',
      role: 'Rolle',
      secondFactor: 'Zweiter Faktor',
      status: 'Status',
      lastSignIn: 'Letzte Anmeldung',
      actions: 'Aktionen',
      on: 'An',
      off: 'Aus',
      active: 'Aktiv',
      locked: 'Gesperrt (Fehlanmeldungen)',
      disabled: 'Deaktiviert',
      never: 'Nie',
      you: '(Sie)',
    },
    actions: {
      changeRole: 'Rolle ändern',
      disable: 'Deaktivieren',
      enable: 'Aktivieren',
      resetPassword: 'Passwort zurücksetzen',
      unlock: 'Entsperren',
      forOfficer: (name) => ` für ${name}`,
    },
    roleDialog: { title: (name) => `Rolle von ${name} ändern`, role: 'Rolle', hint: 'Die Sitzungen enden; die Person meldet sich mit der neuen Rolle erneut an.', save: 'Rolle ändern', cancel: 'Abbrechen' },
    disableDialog: {
      title: (name) => `${name} deaktivieren?`,
      body: 'Die Person kann sich nicht mehr anmelden, und ihre Sitzungen enden sofort. Ihre bisherigen Aktionen bleiben im Prüfprotokoll. Sie können das Konto später wieder aktivieren.',
      confirm: 'Konto deaktivieren',
      cancel: 'Abbrechen',
    },
    resetDialog: {
      title: (name) => `Passwort von ${name} zurücksetzen?`,
      body: 'Ein neues Zufallspasswort ersetzt das alte, das Konto wird entsperrt und die Sitzungen enden. Sie sehen das neue Passwort einmal, um es persönlich oder auf einem anderen sicheren Weg zu übergeben.',
      confirm: 'Passwort zurücksetzen',
      cancel: 'Abbrechen',
    },
    create: {
      heading: 'Mitarbeitende hinzufügen',
      name: 'Name',
      email: 'E-Mail-Adresse',
      role: 'Rolle',
      roleHint: 'Ein Passwort wird erzeugt und nach dem Hinzufügen einmal angezeigt.',
      submit: 'Hinzufügen',
      nameRequired: 'Geben Sie den Namen ein.',
      emailInvalid: 'Geben Sie eine E-Mail-Adresse ein, etwa name@example.com.',
      emailTaken: 'Es gibt bereits ein Konto mit dieser E-Mail-Adresse.',
    },
    roleDescriptions: {
      admin: 'Admin — alles, dazu Mitarbeitende, API-Schlüssel und Einstellungen',
      officer: 'Sachbearbeitung — bearbeitet Anfragen: zuweisen, entscheiden, verlängern, nachfragen',
      auditor: 'Prüfung — liest alles, ändert nichts',
    },
    shownOnce: {
      createdLabel: (name) => `Passwort für ${name}`,
      resetLabel: (name) => `Neues Passwort für ${name}`,
      hint: 'Nur jetzt sichtbar: Kopieren Sie es und übergeben Sie es persönlich oder auf einem anderen sicheren Weg. Niemand kann es erneut anzeigen; geht es verloren, setzen Sie das Passwort zurück.',
      copy: 'Passwort kopieren',
      copied: 'Kopiert.',
    },
    done: {
      role: (name, role) => `${name} hat jetzt die Rolle ${role}.`,
      disabled: (name) => `${name} ist deaktiviert.`,
      enabled: (name) => `${name} ist wieder aktiv.`,
      unlocked: (name) => `${name} ist entsperrt.`,
    },
    lastAdmin: 'Dies ist der letzte aktive Admin: Machen Sie zuerst jemand anderen zum Admin, damit die Konsole nie ohne Admin ist.',
  },
};
