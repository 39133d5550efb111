import type { Messages } from '../../i18n/locale';
import type { QueueTab } from './queue-view';

export interface QueueMessages {
  title: string;
  tabsLabel: string;
  tabs: Record<QueueTab, string>;
  tabWithCount: (label: string, count: number) => string;
  filters: {
    heading: string;
    search: string;
    searchHint: string;
    type: string;
    anyType: string;
    regime: string;
    anyRegime: string;
    assignee: string;
    anyone: string;
    me: string;
    unassigned: string;
    verified: string;
    verifiedAny: string;
    verifiedYes: string;
    verifiedNo: string;
    overdue: string;
    onHold: string;
    dueBefore: string;
    dueBeforeHint: string;
    sort: string;
    sortDue: string;
    sortReceived: string;
    apply: string;
    clear: string;
    invalidDate: string;
  };
  table: {
    caption: (tab: string, sort: string) => string;
    select: string;
    selectRow: (reference: string) => string;
    selectAll: string;
    reference: string;
    type: string;
    status: string;
    received: string;
    due: string;
    assignee: string;
    verified: string;
    extended: string;
    proposed: string;
    empty: string;
    scrollHint: string;
  };
  pages: { label: string; previous: string; next: string; page: (n: number) => string };
  bulk: {
    label: string;
    selected: (n: number) => string;
    approve: string;
    deny: string;
    assign: string;
    cancel: string;
    approveTitle: (n: number) => string;
    approveBody: string;
    approveFourEyes: string;
    approveConfirm: string;
    denyTitle: (n: number) => string;
    denyBody: string;
    denyConfirm: string;
    assignTitle: (n: number) => string;
    assignTo: string;
    unassign: string;
    assignConfirm: string;
    references: string;
    resultsTitle: string;
    resultsSummary: (done: number, total: number) => string;
    outcomes: Record<string, string>;
    refused: (message: string) => string;
    dismiss: string;
  };
}

export const queueMessages: Messages<QueueMessages> = {
  en: {
    title: 'Requests',
    tabsLabel: 'Requests by status',
    tabs: {
      review: 'Awaiting review',
      on_hold: 'On hold',
      running: 'Approved / in progress',
      failed: 'Failed',
      pending: 'Pending verification',
      closed: 'Closed',
      all: 'All',
    },
    tabWithCount: (label, count) => `${label} (${count})`,
    filters: {
      heading: 'Search, filter and sort',
      search: 'Reference or email address',
      searchHint: "A reference such as RD-7K2M-9QXW-4HTN-P3VA, or the requester's exact email address.",
      type: 'Type',
      anyType: 'All types',
      regime: 'Law',
      anyRegime: 'All laws',
      assignee: 'Assignee',
      anyone: 'Anyone',
      me: 'Me',
      unassigned: 'Unassigned',
      verified: 'Confirmed by the requester',
      verifiedAny: 'Either',
      verifiedYes: 'Confirmed',
      verifiedNo: 'Not yet confirmed',
      overdue: 'Only overdue requests',
      onHold: 'Only requests on hold',
      dueBefore: 'Due before',
      dueBeforeHint: 'For example 2026-12-31.',
      sort: 'Sort by',
      sortDue: 'Due date, soonest first',
      sortReceived: 'Received, newest first',
      apply: 'Apply',
      clear: 'Clear filters',
      invalidDate: 'Enter a real date, for example 2026-12-31.',
    },
    table: {
      caption: (tab, sort) => `${tab}, sorted by ${sort.toLowerCase()}`,
      select: 'Select',
      selectRow: (reference) => `Select ${reference}`,
      selectAll: 'Select all requests on this page',
      reference: 'Reference',
      type: 'Type',
      status: 'Status',
      received: 'Received',
      due: 'Due',
      assignee: 'Assignee',
      verified: 'Confirmed',
      extended: 'Extended',
      proposed: 'Approval proposed',
      empty: 'No requests match this view.',
      scrollHint: 'The table scrolls sideways on small screens.',
    },
    pages: { label: 'Pages', previous: 'Previous page', next: 'Next page', page: (n) => `Page ${n}` },
    bulk: {
      label: 'Act on the selected requests',
      selected: (n) => `${n} selected`,
      approve: 'Approve…',
      deny: 'Deny…',
      assign: 'Assign…',
      cancel: 'Cancel',
      approveTitle: (n) => `Approve ${n} ${n === 1 ? 'request' : 'requests'}?`,
      approveBody: 'Each request is approved on its own and starts running against the company’s systems; the requesters are emailed when it completes.',
      approveFourEyes: 'Erasures and child data removals need a second officer: for them your approval is recorded as a proposal, and a different officer must approve.',
      approveConfirm: 'Approve',
      denyTitle: (n) => `Deny ${n} ${n === 1 ? 'request' : 'requests'}?`,
      denyBody: 'Each requester is emailed the reason in plain words, your message, and where they can complain.',
      denyConfirm: 'Deny and email the requesters',
      assignTitle: (n) => `Assign ${n} ${n === 1 ? 'request' : 'requests'}`,
      assignTo: 'Assign to',
      unassign: 'Nobody (unassign)',
      assignConfirm: 'Assign',
      references: 'Requests',
      resultsTitle: 'Results of the last action',
      resultsSummary: (done, total) => `${done} of ${total} done.`,
      outcomes: {
        approved: 'Approved',
        proposed: 'Approval proposed: a different officer must approve',
        denied: 'Denied',
        assigned: 'Assigned',
        unassigned: 'Unassigned',
        unchanged: 'No change',
      },
      refused: (message) => `Not done: ${message}`,
      dismiss: 'Dismiss',
    },
  },
  de: {
    title: 'Anfragen',
    tabsLabel: 'Anfragen nach Status',
    tabs: {
      review: 'Wartet auf Prüfung',
      on_hold: 'Zurückgestellt',
      running: 'Genehmigt / in Ausführung',
      failed: 'Fehlgeschlagen',
      pending: 'Bestätigung ausstehend',
      closed: 'Abgeschlossen',
      all: 'Alle',
    },
    tabWithCount: (label, count) => `${label} (${count})`,
    filters: {
      heading: 'Suchen, filtern und sortieren',
      search: 'Referenz oder E-Mail-Adresse',
      searchHint: 'Eine Referenz wie RD-7K2M-9QXW-4HTN-P3VA oder die genaue E-Mail-Adresse des Antragstellers.',
      type: 'Art',
      anyType: 'Alle Arten',
      regime: 'Recht',
      anyRegime: 'Alle Rechtsordnungen',
      assignee: 'Zuständig',
      anyone: 'Alle',
      me: 'Ich',
      unassigned: 'Nicht zugewiesen',
      verified: 'Vom Antragsteller bestätigt',
      verifiedAny: 'Egal',
      verifiedYes: 'Bestätigt',
      verifiedNo: 'Noch nicht bestätigt',
      overdue: 'Nur überfällige Anfragen',
      onHold: 'Nur zurückgestellte Anfragen',
      dueBefore: 'Fällig vor',
      dueBeforeHint: 'Zum Beispiel 2026-12-31.',
      sort: 'Sortieren nach',
      sortDue: 'Fälligkeit, früheste zuerst',
      sortReceived: 'Eingang, neueste zuerst',
      apply: 'Anwenden',
      clear: 'Filter zurücksetzen',
      invalidDate: 'Geben Sie ein gültiges Datum ein, zum Beispiel 2026-12-31.',
    },
    table: {
      caption: (tab, sort) => `${tab}, sortiert nach ${sort}`,
      select: 'Auswahl',
      selectRow: (reference) => `${reference} auswählen`,
      selectAll: 'Alle Anfragen auf dieser Seite auswählen',
      reference: 'Referenz',
      type: 'Art',
      status: 'Status',
      received: 'Eingang',
      due: 'Fällig',
      assignee: 'Zuständig',
      verified: 'Bestätigt',
      extended: 'Verlängert',
      proposed: 'Genehmigung vorgeschlagen',
      empty: 'Keine Anfragen passen zu dieser Ansicht.',
      scrollHint: 'Auf kleinen Bildschirmen lässt sich die Tabelle seitlich scrollen.',
    },
    pages: { label: 'Seiten', previous: 'Vorherige Seite', next: 'Nächste Seite', page: (n) => `Seite ${n}` },
    bulk: {
      label: 'Mit den ausgewählten Anfragen',
      selected: (n) => `${n} ausgewählt`,
      approve: 'Genehmigen …',
      deny: 'Ablehnen …',
      assign: 'Zuweisen …',
      cancel: 'Abbrechen',
      approveTitle: (n) => `${n} ${n === 1 ? 'Anfrage' : 'Anfragen'} genehmigen?`,
      approveBody: 'Jede Anfrage wird einzeln genehmigt und in den Systemen des Unternehmens ausgeführt; die Antragsteller erhalten eine E-Mail, sobald sie abgeschlossen ist.',
      approveFourEyes: 'Löschungen und das Entfernen von Kinderdaten brauchen eine zweite Person: Dort wird Ihre Genehmigung als Vorschlag erfasst, und eine andere Person muss genehmigen.',
      approveConfirm: 'Genehmigen',
      denyTitle: (n) => `${n} ${n === 1 ? 'Anfrage' : 'Anfragen'} ablehnen?`,
      denyBody: 'Jeder Antragsteller erhält per E-Mail den Grund in einfachen Worten, Ihre Nachricht und wo er sich beschweren kann.',
      denyConfirm: 'Ablehnen und Antragsteller benachrichtigen',
      assignTitle: (n) => `${n} ${n === 1 ? 'Anfrage' : 'Anfragen'} zuweisen`,
      assignTo: 'Zuweisen an',
      unassign: 'Niemand (Zuweisung aufheben)',
      assignConfirm: 'Zuweisen',
      references: 'Anfragen',
      resultsTitle: 'Ergebnis der letzten Aktion',
      resultsSummary: (done, total) => `${done} von ${total} erledigt.`,
      outcomes: {
        approved: 'Genehmigt',
        proposed: 'Genehmigung vorgeschlagen: eine andere Person muss genehmigen',
        denied: 'Abgelehnt',
        assigned: 'Zugewiesen',
        unassigned: 'Zuweisung aufgehoben',
        unchanged: 'Keine Änderung',
      },
      refused: (message) => `Nicht erledigt: ${message}`,
      dismiss: 'Ausblenden',
    },
  },
};
