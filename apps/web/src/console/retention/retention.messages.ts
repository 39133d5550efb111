import type { Messages } from '../../i18n/locale';
import type { RetentionAction, RetentionRunStatus } from './retention-types';

export interface RetentionMessages {
  title: string;
  intro: string;
  readOnly: string;
  rules: {
    heading: string;
    caption: string;
    rule: string;
    what: string;
    source: string;
    schedule: string;
    hold: string;
    latestRun: string;
    actions: string;
    none: string;
    sources: { data_map: string; rightsdesk: string };
    actionWords: Record<RetentionAction, string>;
    after: (period: string) => string;
    noPeriod: string;
    cron: (cron: string, timezone: string) => string;
    nextRun: (at: string) => string;
    notScheduled: string;
    noHold: string;
    held: string;
    holdFrom: { data_map: string; console: string };
    holdPlacedAt: (at: string) => string;
    neverRun: string;
    rowsAffected: (rows: string) => string;
    runStarted: (at: string) => string;
    runNow: string;
    placeHold: string;
    liftHold: string;
    forRule: (id: string) => string;
    heldCannotRun: string;
    dataMapHoldStays: string;
    englishOnly: string;
  };
  /** Rightsdesk's own rules in the reader's words; the others show the api's (English) description. */
  descriptions: Record<string, string>;
  plan: {
    heading: string;
    intro: string;
    check: string;
    checking: string;
    summary: (rules: number, due: string, asOf: string) => string;
    caption: (asOf: string) => string;
    rule: string;
    due: string;
    samples: string;
    noSamples: string;
    couldNotCount: (error: string) => string;
    held: string;
  };
  runs: {
    heading: string;
    filterHeading: string;
    rule: string;
    allRules: string;
    show: string;
    refresh: string;
    caption: (rule: string | null) => string;
    status: string;
    trigger: string;
    rows: string;
    batches: string;
    errors: string;
    lastError: string;
    started: string;
    finished: string;
    actions: string;
    notFinished: string;
    none: string;
    loadMore: string;
    allShown: string;
    statuses: Record<RetentionRunStatus, string>;
    triggers: { schedule: string; manual: string };
    pause: string;
    resume: string;
    cancel: string;
    forRun: (rule: string, at: string) => string;
  };
  outcome: {
    started: (rule: string) => string;
    alreadyActive: (rule: string, status: string, at: string) => string;
    paused: (rule: string) => string;
    resumed: (rule: string) => string;
    cancelled: (rule: string) => string;
    holdPlaced: (rule: string) => string;
    holdLifted: (rule: string) => string;
    holdStays: (rule: string) => string;
  };
  holdDialog: {
    title: (rule: string) => string;
    what: string;
    reason: string;
    reasonHint: string;
    required: string;
    tooShort: string;
    tooLong: (max: number) => string;
    confirm: string;
    cancel: string;
  };
  liftDialog: { title: (rule: string) => string; body: (reason: string) => string; confirm: string; cancel: string };
  cancelDialog: { title: (rule: string) => string; body: string; confirm: string; cancel: string };
}

export const retentionMessages: Messages<RetentionMessages> = {
  en: {
    title: 'Retention',
    intro:
      'Rules that delete, anonymize or minimize data once its time is up, on a schedule and in small batches, with a record of every run. They come from the data map and from Rightsdesk itself. A rule under legal hold does not run.',
    readOnly: 'You can see the rules, the dry run and the runs. Only admins start runs and place legal holds.',
    rules: {
      heading: 'Rules',
      caption: 'Retention rules',
      rule: 'Rule',
      what: 'What it does',
      source: 'Source',
      schedule: 'Schedule',
      hold: 'Legal hold',
      latestRun: 'Latest run',
      actions: 'Actions',
      none: 'There are no retention rules.',
      sources: { data_map: 'Data map', rightsdesk: 'Rightsdesk' },
      actionWords: { delete: 'Deletes', anonymize: 'Anonymizes', minimize: 'Minimizes', review_children: "Opens reviews of children's accounts" },
      after: (period) => `after ${period}`,
      noPeriod: 'when due',
      cron: (cron, timezone) => `${cron} (${timezone})`,
      nextRun: (at) => `Next run ${at}`,
      notScheduled: 'Not scheduled yet: no worker has picked the rule up.',
      noHold: 'None',
      held: 'Held',
      holdFrom: { data_map: 'Set in the data map', console: 'Placed in the console' },
      holdPlacedAt: (at) => `on ${at}`,
      neverRun: 'Never run',
      rowsAffected: (rows) => `${rows} changed`,
      runStarted: (at) => `started ${at}`,
      runNow: 'Run now',
      placeHold: 'Place legal hold',
      liftHold: 'Lift legal hold',
      forRule: (id) => ` for ${id}`,
      heldCannotRun: 'Held: lift the hold to run it.',
      dataMapHoldStays: 'Change the data map to lift it.',
      englishOnly: '',
    },
    descriptions: {},
    plan: {
      heading: 'Dry run',
      intro: 'Counts per rule what a run would change now, with a few sample keys. It changes nothing.',
      check: 'Check what is due now',
      checking: 'Checking…',
      summary: (rules, due, asOf) => `Checked ${rules} rules as of ${asOf}: ${due} due in all.`,
      caption: (asOf) => `Due as of ${asOf}`,
      rule: 'Rule',
      due: 'Due now',
      samples: 'Sample keys',
      noSamples: 'None',
      couldNotCount: (error) => `Could not count: ${error}`,
      held: 'Held: a run would not change anything.',
    },
    runs: {
      heading: 'Runs',
      filterHeading: 'Show the runs of',
      rule: 'Rule',
      allRules: 'All rules',
      show: 'Show runs',
      refresh: 'Refresh',
      caption: (rule) => (rule ? `Runs of ${rule}, newest first` : 'Runs of all rules, newest first'),
      status: 'Status',
      trigger: 'Started by',
      rows: 'Rows changed',
      batches: 'Batches',
      errors: 'Failed batches',
      lastError: 'Last error',
      started: 'Started',
      finished: 'Finished',
      actions: 'Actions',
      notFinished: 'Not yet',
      none: 'No runs yet.',
      loadMore: 'Load more runs',
      allShown: 'All runs are shown.',
      statuses: { running: 'Running', paused: 'Paused', completed: 'Completed', cancelled: 'Cancelled', failed: 'Failed', held: 'Stopped by legal hold' },
      triggers: { schedule: 'Schedule', manual: 'Admin (run now)' },
      pause: 'Pause',
      resume: 'Resume',
      cancel: 'Cancel run',
      forRun: (rule, at) => ` of ${rule} started ${at}`,
    },
    outcome: {
      started: (rule) => `A run of ${rule} has started. A worker takes it up; its progress shows under Runs.`,
      alreadyActive: (rule, status, at) => `A run of ${rule} was already active (${status}, started ${at}), so no new one was started.`,
      paused: (rule) => `The run of ${rule} is paused. The batch in flight finishes; resume it to go on from there.`,
      resumed: (rule) => `The run of ${rule} goes on from where it stopped.`,
      cancelled: (rule) => `The run of ${rule} is cancelled. What its batches did stays done and recorded.`,
      holdPlaced: (rule) => `${rule} is under legal hold. It will not run until the hold is lifted.`,
      holdLifted: (rule) => `The legal hold on ${rule} is lifted. It runs again on its schedule.`,
      holdStays: (rule) => `${rule} stays under legal hold: the hold is set in the data map.`,
    },
    holdDialog: {
      title: (rule) => `Place a legal hold on ${rule}`,
      what: 'The rule stops: scheduled runs are recorded as held and do nothing, a run in progress stops at its next batch, and nobody can run it now. The hold and its reason are audited.',
      reason: 'Reason',
      reasonHint: 'For example the case or the authority that requires keeping the data. It is shown to every officer.',
      required: 'Enter the reason for the hold.',
      tooShort: 'Enter at least 3 characters.',
      tooLong: (max) => `Use at most ${max} characters.`,
      confirm: 'Place legal hold',
      cancel: 'Cancel',
    },
    liftDialog: {
      title: (rule) => `Lift the legal hold on ${rule}?`,
      body: (reason) => `The hold was placed because: “${reason}”. Once lifted, the rule runs again on its schedule and deletes or changes what is due.`,
      confirm: 'Lift legal hold',
      cancel: 'Keep the hold',
    },
    cancelDialog: {
      title: (rule) => `Cancel the run of ${rule}?`,
      body: 'The batch in flight finishes and the run ends as cancelled. What it already deleted or changed stays so. The next scheduled run starts afresh.',
      confirm: 'Cancel run',
      cancel: 'Keep running',
    },
  },
  de: {
    title: 'Aufbewahrung',
    intro:
      'Regeln, die Daten nach Ablauf ihrer Frist löschen, anonymisieren oder minimieren, nach Zeitplan und in kleinen Portionen, mit einem Protokoll jedes Laufs. Sie stammen aus der Datenlandkarte und aus Rightsdesk selbst. Eine Regel unter Legal Hold läuft nicht.',
    readOnly: 'Sie sehen die Regeln, den Probelauf und die Läufe. Nur Admins starten Läufe und setzen Legal Holds.',
    rules: {
      heading: 'Regeln',
      caption: 'Aufbewahrungsregeln',
      rule: 'Regel',
      what: 'Was sie tut',
      source: 'Herkunft',
      schedule: 'Zeitplan',
      hold: 'Legal Hold',
      latestRun: 'Letzter Lauf',
      actions: 'Aktionen',
      none: 'Es gibt keine Aufbewahrungsregeln.',
      sources: { data_map: 'Datenlandkarte', rightsdesk: 'Rightsdesk' },
      actionWords: { delete: 'Löscht', anonymize: 'Anonymisiert', minimize: 'Minimiert', review_children: 'Eröffnet Prüfungen von Kinderkonten' },
      after: (period) => `(Frist: ${period})`,
      noPeriod: 'sobald fällig',
      cron: (cron, timezone) => `${cron} (${timezone})`,
      nextRun: (at) => `Nächster Lauf ${at}`,
      notScheduled: 'Noch nicht eingeplant: Kein Worker hat die Regel übernommen.',
      noHold: 'Keiner',
      held: 'Ausgesetzt',
      holdFrom: { data_map: 'In der Datenlandkarte gesetzt', console: 'In der Konsole gesetzt' },
      holdPlacedAt: (at) => `am ${at}`,
      neverRun: 'Noch nie gelaufen',
      rowsAffected: (rows) => `${rows} geändert`,
      runStarted: (at) => `gestartet ${at}`,
      runNow: 'Jetzt ausführen',
      placeHold: 'Legal Hold setzen',
      liftHold: 'Legal Hold aufheben',
      forRule: (id) => ` für ${id}`,
      heldCannotRun: 'Ausgesetzt: Heben Sie den Legal Hold auf, um die Regel auszuführen.',
      dataMapHoldStays: 'Aufzuheben nur durch eine Änderung der Datenlandkarte.',
      englishOnly: '(Beschreibung nur auf Englisch)',
    },
    descriptions: {
      'rightsdesk.verification_tokens': 'Löscht abgelaufene Bestätigungslinks aus E-Mails, sobald ihre Anfrage nicht mehr auf Bestätigung wartet.',
      'rightsdesk.unverified_requests': 'Minimiert Anfragen, die unbestätigt abgelaufen sind.',
      'rightsdesk.access_packages': 'Löscht die Dateien von Auskunftspaketen, sobald ihr Download-Link abläuft.',
      'rightsdesk.request_uploads': 'Löscht hochgeladene Dateien (Inhalt und Dateiname), sobald über die Anfrage entschieden ist.',
      'rightsdesk.request_records': 'Minimiert abgeschlossene Anfragen auf das, was die Kennzahlen und der CCPA-Bericht brauchen.',
      'rightsdesk.officer_sessions': 'Löscht Konsolen-Sitzungen nach ihrem absoluten Ablauf oder einen Tag nach ihrem Widerruf.',
    },
    plan: {
      heading: 'Probelauf',
      intro: 'Zählt je Regel, was ein Lauf jetzt ändern würde, mit einigen Beispielschlüsseln. Dabei wird nichts geändert.',
      check: 'Prüfen, was jetzt fällig ist',
      checking: 'Wird geprüft …',
      summary: (rules, due, asOf) => `${rules} Regeln geprüft, Stand ${asOf}: insgesamt ${due} fällig.`,
      caption: (asOf) => `Fällig, Stand ${asOf}`,
      rule: 'Regel',
      due: 'Jetzt fällig',
      samples: 'Beispielschlüssel',
      noSamples: 'Keine',
      couldNotCount: (error) => `Zählen nicht möglich: ${error}`,
      held: 'Ausgesetzt: Ein Lauf würde nichts ändern.',
    },
    runs: {
      heading: 'Läufe',
      filterHeading: 'Läufe anzeigen von',
      rule: 'Regel',
      allRules: 'Allen Regeln',
      show: 'Läufe anzeigen',
      refresh: 'Aktualisieren',
      caption: (rule) => (rule ? `Läufe von ${rule}, neueste zuerst` : 'Läufe aller Regeln, neueste zuerst'),
      status: 'Status',
      trigger: 'Gestartet durch',
      rows: 'Geänderte Zeilen',
      batches: 'Portionen',
      errors: 'Fehlgeschlagene Portionen',
      lastError: 'Letzter Fehler',
      started: 'Begonnen',
      finished: 'Beendet',
      actions: 'Aktionen',
      notFinished: 'Noch nicht',
      none: 'Noch keine Läufe.',
      loadMore: 'Weitere Läufe laden',
      allShown: 'Alle Läufe werden angezeigt.',
      statuses: { running: 'Läuft', paused: 'Angehalten', completed: 'Abgeschlossen', cancelled: 'Abgebrochen', failed: 'Fehlgeschlagen', held: 'Durch Legal Hold gestoppt' },
      triggers: { schedule: 'Zeitplan', manual: 'Admin (jetzt ausführen)' },
      pause: 'Anhalten',
      resume: 'Fortsetzen',
      cancel: 'Lauf abbrechen',
      forRun: (rule, at) => ` von ${rule}, begonnen ${at}`,
    },
    outcome: {
      started: (rule) => `Ein Lauf von ${rule} wurde gestartet. Ein Worker übernimmt ihn; der Fortschritt erscheint unter „Läufe“.`,
      alreadyActive: (rule, status, at) => `Ein Lauf von ${rule} war bereits aktiv (${status}, begonnen ${at}), daher wurde kein neuer gestartet.`,
      paused: (rule) => `Der Lauf von ${rule} ist angehalten. Die laufende Portion wird fertig; beim Fortsetzen geht es dort weiter.`,
      resumed: (rule) => `Der Lauf von ${rule} geht dort weiter, wo er aufgehört hat.`,
      cancelled: (rule) => `Der Lauf von ${rule} ist abgebrochen. Was seine Portionen getan haben, bleibt bestehen und protokolliert.`,
      holdPlaced: (rule) => `${rule} steht unter Legal Hold. Die Regel läuft nicht, bis der Hold aufgehoben ist.`,
      holdLifted: (rule) => `Der Legal Hold auf ${rule} ist aufgehoben. Die Regel läuft wieder nach ihrem Zeitplan.`,
      holdStays: (rule) => `${rule} bleibt unter Legal Hold: Der Hold ist in der Datenlandkarte gesetzt.`,
    },
    holdDialog: {
      title: (rule) => `Legal Hold auf ${rule} setzen`,
      what: 'Die Regel wird ausgesetzt: Geplante Läufe werden als ausgesetzt protokolliert und tun nichts, ein laufender Lauf stoppt bei der nächsten Portion, und niemand kann sie jetzt ausführen. Hold und Begründung werden protokolliert.',
      reason: 'Begründung',
      reasonHint: 'Zum Beispiel das Verfahren oder die Behörde, die das Aufbewahren verlangt. Sie ist für alle Mitarbeitenden sichtbar.',
      required: 'Geben Sie die Begründung für den Hold ein.',
      tooShort: 'Geben Sie mindestens 3 Zeichen ein.',
      tooLong: (max) => `Verwenden Sie höchstens ${max} Zeichen.`,
      confirm: 'Legal Hold setzen',
      cancel: 'Abbrechen',
    },
    liftDialog: {
      title: (rule) => `Legal Hold auf ${rule} aufheben?`,
      body: (reason) => `Der Hold wurde gesetzt, weil: „${reason}“. Nach dem Aufheben läuft die Regel wieder nach ihrem Zeitplan und löscht oder ändert, was fällig ist.`,
      confirm: 'Legal Hold aufheben',
      cancel: 'Hold behalten',
    },
    cancelDialog: {
      title: (rule) => `Lauf von ${rule} abbrechen?`,
      body: 'Die laufende Portion wird fertig, dann endet der Lauf als abgebrochen. Was er bereits gelöscht oder geändert hat, bleibt so. Der nächste geplante Lauf beginnt von vorn.',
      confirm: 'Lauf abbrechen',
      cancel: 'Weiterlaufen lassen',
    },
  },
};
