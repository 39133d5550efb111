import type { Messages } from '../../i18n/locale';
import type { ApiKeyScope } from './admin-types';

export interface ApiKeysMessages {
  title: string;
  intro: string;
  table: {
    caption: string;
    name: string;
    key: string;
    scopes: string;
    created: string;
    lastUsed: string;
    status: string;
    actions: string;
    never: string;
    active: string;
    revoked: (when: string) => string;
    none: string;
  };
  revoke: string;
  revokeFor: (name: string) => string;
  revokeDialog: { title: (name: string) => string; body: string; confirm: string; cancel: string };
  revoked: (name: string) => string;
  create: {
    heading: string;
    name: string;
    nameHint: string;
    scopes: string;
    submit: string;
    nameRequired: string;
    scopeRequired: string;
  };
  scopes: Record<ApiKeyScope, { label: string; hint: string }>;
  shownOnce: { label: (name: string) => string; hint: string; copy: string; copied: string };
}

export const apiKeysMessages: Messages<ApiKeysMessages> = {
  en: {
    title: 'API keys',
    intro: "Keys let the company's own servers call Rightsdesk. Each key has only the scopes it needs; the key itself is shown once and stored only as a keyed hash, so a lost key is revoked and replaced.",
    table: {
      caption: 'API keys, revoked ones included',
      name: 'Name',
      key: 'Key starts with',
      scopes: 'Scopes',
      created: 'Created',
      lastUsed: 'Last used',
      status: 'Status',
      actions: 'Actions',
      never: 'Never',
      active: 'Active',
      revoked: (when) => `Revoked ${when}`,
      none: 'No API keys yet.',
    },
    revoke: 'Revoke',
    revokeFor: (name) => ` the key ${name}`,
    revokeDialog: {
      title: (name) => `Revoke the key “${name}”?`,
      body: 'Every call with this key fails from now on. This cannot be undone: the server using it needs a new key.',
      confirm: 'Revoke key',
      cancel: 'Cancel',
    },
    revoked: (name) => `The key “${name}” is revoked.`,
    create: {
      heading: 'Create an API key',
      name: 'Name',
      nameHint: 'Who uses it, e.g. “Newsletter mailer”.',
      scopes: 'Scopes',
      submit: 'Create key',
      nameRequired: 'Enter a name for the key.',
      scopeRequired: 'Choose at least one scope.',
    },
    scopes: {
      'suppressions:read': { label: 'Read the suppression list', hint: 'For mailers: ask whether an email address opted out before sending promotions.' },
      'requests:create': { label: 'File requests for signed-in users', hint: "For the company's app: file a verified request on behalf of a user it has signed in." },
      'gpc-signals:create': { label: 'Forward Global Privacy Control signals', hint: "For the company's website: record a signed-in user's browser signal as an opt-out of sale and sharing. Can do nothing else." },
    },
    shownOnce: {
      label: (name) => `The key “${name}”`,
      hint: 'Shown only now: copy it into the server that will use it (sent as Authorization: Bearer <key>). Nobody can show it again.',
      copy: 'Copy key',
      copied: 'Copied.',
    },
  },
  de: {
    title: 'API-Schlüssel',
    intro: 'Mit Schlüsseln rufen die eigenen Server des Unternehmens Rightsdesk auf. Jeder Schlüssel hat nur die nötigen Berechtigungen; er wird einmal angezeigt und nur als Hash gespeichert. Ein verlorener Schlüssel wird widerrufen und ersetzt.',
    table: {
      caption: 'API-Schlüssel, auch widerrufene',
      name: 'Name',
      key: 'Schlüssel beginnt mit',
      scopes: 'Berechtigungen',
      created: 'Erstellt',
      lastUsed: 'Zuletzt benutzt',
      status: 'Status',
      actions: 'Aktionen',
      never: 'Nie',
      active: 'Aktiv',
      revoked: (when) => `Widerrufen ${when}`,
      none: 'Noch keine API-Schlüssel.',
    },
    revoke: 'Widerrufen',
    revokeFor: (name) => `: Schlüssel ${name}`,
    revokeDialog: {
      title: (name) => `Schlüssel „${name}“ widerrufen?`,
      body: 'Jeder Aufruf mit diesem Schlüssel schlägt ab sofort fehl. Das lässt sich nicht rückgängig machen: Der Server, der ihn nutzt, braucht einen neuen Schlüssel.',
      confirm: 'Schlüssel widerrufen',
      cancel: 'Abbrechen',
    },
    revoked: (name) => `Der Schlüssel „${name}“ ist widerrufen.`,
    create: {
      heading: 'API-Schlüssel erstellen',
      name: 'Name',
      nameHint: 'Wer ihn nutzt, z. B. „Newsletter-Versand“.',
      scopes: 'Berechtigungen',
      submit: 'Schlüssel erstellen',
      nameRequired: 'Geben Sie einen Namen für den Schlüssel ein.',
      scopeRequired: 'Wählen Sie mindestens eine Berechtigung.',
    },
    scopes: {
      'suppressions:read': { label: 'Sperrliste lesen', hint: 'Für den Werbeversand: vor dem Senden prüfen, ob eine E-Mail-Adresse widersprochen hat.' },
      'requests:create': { label: 'Anfragen für angemeldete Nutzer stellen', hint: 'Für die App des Unternehmens: eine bestätigte Anfrage für einen dort angemeldeten Nutzer stellen.' },
      'gpc-signals:create': { label: 'Global-Privacy-Control-Signale weiterleiten', hint: 'Für die Website des Unternehmens: das Browsersignal eines angemeldeten Nutzers als Widerspruch gegen Verkauf und Weitergabe erfassen. Sonst nichts.' },
    },
    shownOnce: {
      label: (name) => `Der Schlüssel „${name}“`,
      hint: 'Nur jetzt sichtbar: Kopieren Sie ihn in den Server, der ihn nutzt (gesendet als Authorization: Bearer <Schlüssel>). Niemand kann ihn erneut anzeigen.',
      copy: 'Schlüssel kopieren',
      copied: 'Kopiert.',
    },
  },
};
