import type { Messages } from '../../i18n/locale';

// The audit trail page. Request actions are named by the shared request vocabulary; the account and
// administration actions only this page shows are named here.
export interface AuditMessages {
  title: string;
  intro: string;
  chain: {
    checking: string;
    intactTitle: string;
    intact: (count: string) => string;
    brokenTitle: string;
    broken: (sequence: string, reason: string) => string;
    brokenAdvice: string;
    reasons: { hash_mismatch: string; prev_hash_mismatch: string };
  };
  filters: {
    heading: string;
    requestId: string;
    requestIdHint: string;
    requestIdInvalid: string;
    action: string;
    anyAction: string;
    actor: string;
    actorHint: string;
    anyActor: string;
    from: string;
    to: string;
    toBeforeFrom: string;
    apply: string;
    clear: string;
  };
  table: {
    caption: (filtered: boolean) => string;
    time: string;
    actor: string;
    action: string;
    statusChange: string;
    request: string;
    details: string;
    openRequest: string;
    filterByActor: (name: string) => string;
    filterByRequest: string;
    none: string;
  };
  details: {
    reason: (text: string) => string;
    system: (key: string) => string;
    apiKey: string;
  };
  paging: { older: string; newest: string };
  accountActions: Record<string, string>;
}

export const auditMessages: Messages<AuditMessages> = {
  en: {
    title: 'Audit trail',
    intro: 'Every action on requests and accounts, newest first. Each event is chained to the one before it by a hash, so a changed or deleted event shows up below.',
    chain: {
      checking: 'Checking the audit chain…',
      intactTitle: 'Audit chain intact',
      intact: (count) => `${count} events verified: every hash matches its event and the one before it.`,
      brokenTitle: 'Audit chain broken',
      broken: (sequence, reason) => `Broken at sequence ${sequence}: ${reason}.`,
      brokenAdvice: 'Events from there on cannot be trusted. Tell your administrator and keep a copy of the database for investigation.',
      reasons: {
        hash_mismatch: 'the event does not match the hash recorded for it (the event was changed)',
        prev_hash_mismatch: 'the link to the event before it does not match (an event was removed or inserted)',
      },
    },
    filters: {
      heading: 'Filter events',
      requestId: 'Request id',
      requestIdHint: 'The id from a request page address, e.g. 0b6f…-…',
      requestIdInvalid: 'Enter a request id (a UUID such as 3f2c9a1e-…), or leave it empty.',
      action: 'Action',
      anyAction: 'Any action',
      actor: 'Who',
      actorHint: 'Officers who can be assigned requests, and the server operator; pick a name in the table to filter by anyone else.',
      anyActor: 'Anyone',
      from: 'From (date)',
      to: 'To (date)',
      toBeforeFrom: 'The end date must be on or after the start date.',
      apply: 'Show events',
      clear: 'Clear filters',
    },
    table: {
      caption: (filtered) => (filtered ? 'Audit events matching the filters, newest first' : 'Audit events, newest first'),
      time: 'Time',
      actor: 'Who',
      action: 'Action',
      statusChange: 'Status change',
      request: 'Request',
      details: 'Details',
      openRequest: 'Open request',
      filterByActor: (name) => `Show only events by ${name}`,
      filterByRequest: 'Only this request',
      none: 'No events match these filters.',
    },
    details: {
      reason: (text) => `Reason: ${text}`,
      system: (key) => `System: ${key}`,
      apiKey: 'API key',
    },
    paging: { older: 'Older events', newest: 'Back to the newest events' },
    accountActions: {
      officer_signed_in: 'Signed in',
      officer_signed_out: 'Signed out',
      officer_sign_in_failed: 'Failed sign-in',
      officer_created: 'Officer account created',
      officer_updated: 'Officer account changed',
      officer_unlocked: 'Officer account unlocked',
      officer_password_reset: 'Password reset by an admin',
      officer_password_changed: 'Password changed',
      officer_second_factor_enabled: 'Second factor turned on',
      officer_second_factor_disabled: 'Second factor turned off',
      api_key_created: 'API key created',
      api_key_revoked: 'API key revoked',
      drp_agent_registered: 'Authorized agent registered (DRP)',
      drp_agent_disabled: 'Authorized agent disabled (DRP)',
      drp_agent_paired: 'Authorized agent paired (DRP)',
      request_revoked_by_agent: 'Revoked by the authorized agent (DRP)',
      drp_request_refused: 'Agent request refused at once (DRP)',
      settings_changed: 'Workflow settings changed',
      verification_invalid: 'Wrong confirmation link used',
      verification_locked: 'Confirmation locked after wrong tries',
      verification_expired: 'Confirmation link expired',
      provider_reported_failure: 'Service provider reported a failure',
      execution_failed: 'Execution failed',
      approval_skipped: 'Approval step skipped',
    },
  },
  de: {
    title: 'Prüfprotokoll',
    intro: 'Jede Aktion an Anfragen und Konten, die neueste zuerst. Jedes Ereignis ist über einen Hash mit dem vorigen verkettet; ein geändertes oder gelöschtes Ereignis fällt unten auf.',
    chain: {
      checking: 'Die Prüfkette wird geprüft …',
      intactTitle: 'Prüfkette intakt',
      intact: (count) => `${count} Ereignisse geprüft: Jeder Hash passt zu seinem Ereignis und zum vorigen.`,
      brokenTitle: 'Prüfkette unterbrochen',
      broken: (sequence, reason) => `Unterbrochen bei Nummer ${sequence}: ${reason}.`,
      brokenAdvice: 'Ab dort sind die Ereignisse nicht vertrauenswürdig. Informieren Sie Ihre Administration und sichern Sie eine Kopie der Datenbank zur Untersuchung.',
      reasons: {
        hash_mismatch: 'Das Ereignis passt nicht zu dem für es gespeicherten Hash (es wurde verändert)',
        prev_hash_mismatch: 'Die Verkettung mit dem vorigen Ereignis passt nicht (ein Ereignis wurde entfernt oder eingefügt)',
      },
    },
    filters: {
      heading: 'Ereignisse filtern',
      requestId: 'Anfrage-ID',
      requestIdHint: 'Die ID aus der Adresse einer Anfrageseite, z. B. 0b6f…-…',
      requestIdInvalid: 'Geben Sie eine Anfrage-ID ein (eine UUID wie 3f2c9a1e-…) oder lassen Sie das Feld leer.',
      action: 'Aktion',
      anyAction: 'Alle Aktionen',
      actor: 'Wer',
      actorHint: 'Mitarbeitende, denen Anfragen zugewiesen werden können, und der Serverbetrieb; wählen Sie einen Namen in der Tabelle, um nach anderen zu filtern.',
      anyActor: 'Alle',
      from: 'Von (Datum)',
      to: 'Bis (Datum)',
      toBeforeFrom: 'Das Enddatum darf nicht vor dem Anfangsdatum liegen.',
      apply: 'Ereignisse anzeigen',
      clear: 'Filter zurücksetzen',
    },
    table: {
      caption: (filtered) => (filtered ? 'Prüfereignisse passend zu den Filtern, die neuesten zuerst' : 'Prüfereignisse, die neuesten zuerst'),
      time: 'Zeit',
      actor: 'Wer',
      action: 'Aktion',
      statusChange: 'Statuswechsel',
      request: 'Anfrage',
      details: 'Einzelheiten',
      openRequest: 'Anfrage öffnen',
      filterByActor: (name) => `Nur Ereignisse von ${name} zeigen`,
      filterByRequest: 'Nur diese Anfrage',
      none: 'Keine Ereignisse passen zu diesen Filtern.',
    },
    details: {
      reason: (text) => `Grund: ${text}`,
      system: (key) => `System: ${key}`,
      apiKey: 'API-Schlüssel',
    },
    paging: { older: 'Ältere Ereignisse', newest: 'Zurück zu den neuesten Ereignissen' },
    accountActions: {
      officer_signed_in: 'Angemeldet',
      officer_signed_out: 'Abgemeldet',
      officer_sign_in_failed: 'Fehlgeschlagene Anmeldung',
      officer_created: 'Konto angelegt',
      officer_updated: 'Konto geändert',
      officer_unlocked: 'Konto entsperrt',
      officer_password_reset: 'Passwort von der Administration zurückgesetzt',
      officer_password_changed: 'Passwort geändert',
      officer_second_factor_enabled: 'Zweiter Faktor eingeschaltet',
      officer_second_factor_disabled: 'Zweiter Faktor ausgeschaltet',
      api_key_created: 'API-Schlüssel erstellt',
      api_key_revoked: 'API-Schlüssel widerrufen',
      drp_agent_registered: 'Bevollmächtigter Dienst registriert (DRP)',
      drp_agent_disabled: 'Bevollmächtigter Dienst gesperrt (DRP)',
      drp_agent_paired: 'Bevollmächtigter Dienst gekoppelt (DRP)',
      request_revoked_by_agent: 'Vom bevollmächtigten Dienst widerrufen (DRP)',
      drp_request_refused: 'Anfrage des Dienstes sofort abgelehnt (DRP)',
      settings_changed: 'Ablaufeinstellungen geändert',
      verification_invalid: 'Falscher Bestätigungslink verwendet',
      verification_locked: 'Bestätigung nach Fehlversuchen gesperrt',
      verification_expired: 'Bestätigungslink abgelaufen',
      provider_reported_failure: 'Dienstleister meldete einen Fehler',
      execution_failed: 'Ausführung fehlgeschlagen',
      approval_skipped: 'Genehmigungsschritt übersprungen',
    },
  },
};
