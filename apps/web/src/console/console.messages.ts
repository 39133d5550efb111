import type { Messages } from '../i18n/locale';

// The console's shared words: navigation and session. Each page keeps its own texts next to it.
export interface ConsoleShellMessages {
  consoleTitle: string;
  nav: {
    label: string;
    queue: string;
    newRequest: string;
    audit: string;
    metrics: string;
    dataMap: string;
    retention: string;
    officers: string;
    apiKeys: string;
    settings: string;
    account: string;
    signOut: string;
  };
  signedInAs: (name: string, role: string) => string;
  roles: { admin: string; officer: string; auditor: string };
  sessionEnded: string;
}

export const consoleShellMessages: Messages<ConsoleShellMessages> = {
  en: {
    consoleTitle: 'Privacy console',
    nav: {
      label: 'Console',
      queue: 'Requests',
      newRequest: 'Log a request',
      audit: 'Audit trail',
      metrics: 'Metrics',
      dataMap: 'Data map',
      retention: 'Retention',
      officers: 'Officers',
      apiKeys: 'API keys',
      settings: 'Settings',
      account: 'My account',
      signOut: 'Sign out',
    },
    signedInAs: (name, role) => `Signed in as ${name} (${role})`,
    roles: { admin: 'admin', officer: 'officer', auditor: 'auditor' },
    sessionEnded: 'Your session has ended. Sign in again to continue.',
  },
  de: {
    consoleTitle: 'Datenschutz-Konsole',
    nav: {
      label: 'Konsole',
      queue: 'Anfragen',
      newRequest: 'Anfrage erfassen',
      audit: 'Prüfprotokoll',
      metrics: 'Kennzahlen',
      dataMap: 'Datenlandkarte',
      retention: 'Aufbewahrung',
      officers: 'Mitarbeitende',
      apiKeys: 'API-Schlüssel',
      settings: 'Einstellungen',
      account: 'Mein Konto',
      signOut: 'Abmelden',
    },
    signedInAs: (name, role) => `Angemeldet als ${name} (${role})`,
    roles: { admin: 'Admin', officer: 'Sachbearbeitung', auditor: 'Prüfung' },
    sessionEnded: 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
  },
};
