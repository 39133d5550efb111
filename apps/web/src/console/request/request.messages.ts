import type { Messages } from '../../i18n/locale';

export interface RequestPageMessages {
  title: (reference: string) => string;
  loadingTitle: string;
  notFound: string;
  backToQueue: string;
  summaryLabel: string;
  request: {
    heading: string;
    reference: string;
    type: string;
    status: string;
    regime: string;
    country: string;
    language: string;
    channel: string;
    received: string;
    verified: string;
    notVerified: string;
    assignee: string;
    closed: string;
    denyReason: string;
  };
  requester: {
    heading: string;
    email: string;
    name: string;
    none: string;
    note: string;
    corrections: string;
    correctionField: string;
    correctionCurrent: string;
    correctionNew: string;
    explanation: string;
    channels: string;
    optOutChannels: Record<string, string>;
    child: string;
    childName: string;
    childEmail: string;
    childUsername: string;
    childBirth: string;
    childAge: string;
    relationship: string;
    relationships: Record<string, string>;
  };
  clock: {
    heading: string;
    due: string;
    daysLeft: (n: number) => string;
    overdueBy: (n: number) => string;
    closed: string;
    original: string;
    extendedTo: string;
    canExtend: (until: string, to: string) => string;
    cannotExtend: string;
    explanation: string;
    legalBasis: string;
    paused: (days: number) => string;
    notPaused: string;
    holds: string;
    holdOpen: (from: string) => string;
    holdClosed: (from: string, to: string) => string;
    confirmReceipt: string;
    confirmReceiptBy: (date: string) => string;
  };
  conversation: {
    heading: string;
    empty: string;
    by: (who: string, when: string) => string;
    attachments: string;
    download: (name: string, size: string) => string;
    erased: (size: string) => string;
  };
  timeline: { heading: string; showViews: string; statusChange: (from: string, to: string) => string; system: (key: string) => string; reason: (label: string) => string; newDue: (date: string) => string };
  systems: { heading: string; empty: string; caption: string; system: string; status: string; attempts: string; error: string; collections: string; finished: string; foundChanged: (collection: string, found: number, changed: number) => string };
  emails: { heading: string; empty: string; caption: string; template: string; status: string; created: string; sent: string; notYet: string };
  proposal: (who: string, when: string) => string;
  proposalMine: string;
}

export const requestPageMessages: Messages<RequestPageMessages> = {
  en: {
    title: (reference) => `Request ${reference}`,
    loadingTitle: 'Request',
    notFound: 'There is no request with this address. It may have been mistyped.',
    backToQueue: 'Back to the requests',
    summaryLabel: 'Summary',
    request: {
      heading: 'The request',
      reference: 'Reference',
      type: 'Type',
      status: 'Status',
      regime: 'Law',
      country: 'Country and region',
      language: 'Language for emails',
      channel: 'Came in by',
      received: 'Received',
      verified: 'Confirmed by the requester',
      notVerified: 'Not confirmed yet',
      assignee: 'Assignee',
      closed: 'Closed',
      denyReason: 'Reason for the denial',
    },
    requester: {
      heading: 'The requester',
      email: 'Email address',
      name: 'Name',
      none: 'Not given',
      note: 'Their note',
      corrections: 'Corrections asked for',
      correctionField: 'Field',
      correctionCurrent: 'Current value',
      correctionNew: 'Correct value',
      explanation: 'Their explanation',
      channels: 'Stop',
      optOutChannels: { email: 'Promotional emails', notifications: 'Notifications', surveys: 'Surveys', sale_sharing: 'Sale and sharing of personal information', all: 'All of these' },
      child: 'The child',
      childName: "Child's name",
      childEmail: "Child's email address",
      childUsername: "Child's username",
      childBirth: "Child's date of birth",
      childAge: "Child's age",
      relationship: 'Filed by the child’s',
      relationships: { parent: 'Parent', legal_guardian: 'Legal guardian' },
    },
    clock: {
      heading: 'Deadline',
      due: 'Due',
      daysLeft: (n) => `${n} ${n === 1 ? 'day' : 'days'} left`,
      overdueBy: (n) => `${n} ${n === 1 ? 'day' : 'days'} overdue`,
      closed: 'Closed: the clock has stopped.',
      original: 'First deadline',
      extendedTo: 'Extended deadline',
      canExtend: (until, to) => `Can be extended once, until ${until}, to ${to}.`,
      cannotExtend: 'Cannot be extended (any more).',
      explanation: 'How it is computed',
      legalBasis: 'Legal basis',
      paused: (days) => `${days} ${days === 1 ? 'day' : 'days'} paused while on hold`,
      notPaused: 'Not paused',
      holds: 'Paused',
      holdOpen: (from) => `Since ${from} (waiting for the requester)`,
      holdClosed: (from, to) => `${from} to ${to}`,
      confirmReceipt: 'Receipt confirmation',
      confirmReceiptBy: (date) => `Owed by ${date} (California: confirm receipt within 10 business days)`,
    },
    conversation: {
      heading: 'Conversation',
      empty: 'No notes or messages yet.',
      by: (who, when) => `${who}, ${when}`,
      attachments: 'Attachments',
      download: (name, size) => `Download ${name} (${size})`,
      erased: (size) => `A file of ${size}, erased when the request was decided`,
    },
    timeline: {
      heading: 'Timeline',
      showViews: 'Also show who viewed the request',
      statusChange: (from, to) => `${from} → ${to}`,
      system: (key) => `System: ${key}`,
      reason: (label) => `Reason: ${label}`,
      newDue: (date) => `New due date: ${date}`,
    },
    systems: {
      heading: 'Systems',
      empty: 'Nothing has run yet: systems are listed once the request is approved.',
      caption: 'Outcome per system',
      system: 'System',
      status: 'Status',
      attempts: 'Attempts',
      error: 'Error',
      collections: 'Found / changed',
      finished: 'Finished',
      foundChanged: (collection, found, changed) => `${collection}: ${found} found, ${changed} changed`,
    },
    emails: {
      heading: 'Emails',
      empty: 'No emails yet.',
      caption: 'Emails about this request (their content is not kept here)',
      template: 'Email',
      status: 'Status',
      created: 'Written',
      sent: 'Sent',
      notYet: 'Not yet',
    },
    proposal: (who, when) => `${who} proposed approving this request on ${when}. A different officer must approve it.`,
    proposalMine: 'You proposed approving this request. A different officer must approve it.',
  },
  de: {
    title: (reference) => `Anfrage ${reference}`,
    loadingTitle: 'Anfrage',
    notFound: 'Unter dieser Adresse gibt es keine Anfrage. Vielleicht wurde sie falsch eingegeben.',
    backToQueue: 'Zurück zu den Anfragen',
    summaryLabel: 'Überblick',
    request: {
      heading: 'Die Anfrage',
      reference: 'Referenz',
      type: 'Art',
      status: 'Status',
      regime: 'Recht',
      country: 'Land und Region',
      language: 'Sprache der E-Mails',
      channel: 'Eingegangen per',
      received: 'Eingang',
      verified: 'Vom Antragsteller bestätigt',
      notVerified: 'Noch nicht bestätigt',
      assignee: 'Zuständig',
      closed: 'Abgeschlossen',
      denyReason: 'Grund der Ablehnung',
    },
    requester: {
      heading: 'Der Antragsteller',
      email: 'E-Mail-Adresse',
      name: 'Name',
      none: 'Nicht angegeben',
      note: 'Seine Notiz',
      corrections: 'Gewünschte Berichtigungen',
      correctionField: 'Feld',
      correctionCurrent: 'Aktueller Wert',
      correctionNew: 'Richtiger Wert',
      explanation: 'Seine Erklärung',
      channels: 'Beenden',
      optOutChannels: { email: 'Werbe-E-Mails', notifications: 'Benachrichtigungen', surveys: 'Umfragen', sale_sharing: 'Verkauf und Weitergabe personenbezogener Daten', all: 'All das' },
      child: 'Das Kind',
      childName: 'Name des Kindes',
      childEmail: 'E-Mail-Adresse des Kindes',
      childUsername: 'Benutzername des Kindes',
      childBirth: 'Geburtsdatum des Kindes',
      childAge: 'Alter des Kindes',
      relationship: 'Gestellt von',
      relationships: { parent: 'Elternteil', legal_guardian: 'Gesetzlicher Vormund' },
    },
    clock: {
      heading: 'Frist',
      due: 'Fällig',
      daysLeft: (n) => `noch ${n} ${n === 1 ? 'Tag' : 'Tage'}`,
      overdueBy: (n) => `${n} ${n === 1 ? 'Tag' : 'Tage'} überfällig`,
      closed: 'Abgeschlossen: Die Frist läuft nicht mehr.',
      original: 'Erste Frist',
      extendedTo: 'Verlängerte Frist',
      canExtend: (until, to) => `Kann einmal verlängert werden, bis zum ${until}, auf den ${to}.`,
      cannotExtend: 'Kann nicht (mehr) verlängert werden.',
      explanation: 'Berechnung',
      legalBasis: 'Rechtsgrundlage',
      paused: (days) => `${days} ${days === 1 ? 'Tag' : 'Tage'} angehalten während der Zurückstellung`,
      notPaused: 'Nicht angehalten',
      holds: 'Angehalten',
      holdOpen: (from) => `Seit ${from} (wartet auf den Antragsteller)`,
      holdClosed: (from, to) => `${from} bis ${to}`,
      confirmReceipt: 'Eingangsbestätigung',
      confirmReceiptBy: (date) => `Fällig bis ${date} (Kalifornien: Eingang binnen 10 Werktagen bestätigen)`,
    },
    conversation: {
      heading: 'Verlauf der Nachrichten',
      empty: 'Noch keine Notizen oder Nachrichten.',
      by: (who, when) => `${who}, ${when}`,
      attachments: 'Anhänge',
      download: (name, size) => `${name} herunterladen (${size})`,
      erased: (size) => `Eine Datei mit ${size}, gelöscht mit der Entscheidung über die Anfrage`,
    },
    timeline: {
      heading: 'Zeitleiste',
      showViews: 'Auch zeigen, wer die Anfrage angesehen hat',
      statusChange: (from, to) => `${from} → ${to}`,
      system: (key) => `System: ${key}`,
      reason: (label) => `Grund: ${label}`,
      newDue: (date) => `Neue Frist: ${date}`,
    },
    systems: {
      heading: 'Systeme',
      empty: 'Noch nichts ausgeführt: Die Systeme erscheinen, sobald die Anfrage genehmigt ist.',
      caption: 'Ergebnis je System',
      system: 'System',
      status: 'Status',
      attempts: 'Versuche',
      error: 'Fehler',
      collections: 'Gefunden / geändert',
      finished: 'Beendet',
      foundChanged: (collection, found, changed) => `${collection}: ${found} gefunden, ${changed} geändert`,
    },
    emails: {
      heading: 'E-Mails',
      empty: 'Noch keine E-Mails.',
      caption: 'E-Mails zu dieser Anfrage (ihr Inhalt wird hier nicht gespeichert)',
      template: 'E-Mail',
      status: 'Status',
      created: 'Erstellt',
      sent: 'Gesendet',
      notYet: 'Noch nicht',
    },
    proposal: (who, when) => `${who} hat am ${when} vorgeschlagen, diese Anfrage zu genehmigen. Eine andere Person muss sie genehmigen.`,
    proposalMine: 'Sie haben vorgeschlagen, diese Anfrage zu genehmigen. Eine andere Person muss sie genehmigen.',
  },
};
