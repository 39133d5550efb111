import type { RequestType } from '@rightsdesk/domain';
import type { Messages } from '../../../i18n/locale';

export interface ActionsMessages {
  heading: string;
  none: string;
  cancel: string;
  assign: { label: string; unassign: string; submit: string; toMe: string; assigned: (name: string) => string; unassigned: string; unchanged: string };
  note: { label: string; hint: string; submit: string; required: string; tooLong: (max: number) => string; added: string };
  approve: {
    open: string;
    title: string;
    what: Record<RequestType, string>;
    fourEyesFirst: string;
    fourEyesSecond: (who: string) => string;
    waitingForOther: string;
    planTitle: string;
    planLoading: string;
    planCaption: (title: string, key: string) => string;
    collection: string;
    count: string;
    effect: string;
    unknownCount: string;
    planTimeout: string;
    planError: (error: string) => string;
    planTotal: (n: number) => string;
    irreversible: string;
    confirmPropose: string;
    confirmErase: string;
    confirm: string;
    proposed: string;
    approved: string;
  };
  deny: { open: string; title: string; what: string; confirm: string; denied: string };
  extend: {
    open: string;
    title: string;
    what: (regime: string) => string;
    newDue: (date: string) => string;
    noticeBy: (date: string) => string;
    reason: string;
    reasonHint: string;
    required: string;
    tooLong: (max: number) => string;
    confirm: string;
    extended: (date: string) => string;
  };
  information: {
    open: string;
    title: string;
    question: string;
    questionHint: string;
    pauses: string;
    keepsRunning: string;
    required: string;
    tooLong: (max: number) => string;
    confirm: string;
    asked: string;
  };
  cancelRequest: {
    open: string;
    title: string;
    what: string;
    note: string;
    noteHint: string;
    notify: string;
    notifyHint: string;
    tooLong: (max: number) => string;
    confirm: string;
    cancelled: string;
  };
  retry: { heading: string; all: string; one: (system: string) => string; retried: (systems: string) => string };
  resend: { label: string; what: string; resent: string };
}

export const actionsMessages: Messages<ActionsMessages> = {
  en: {
    heading: 'Actions',
    none: 'There is nothing you can do to this request now.',
    cancel: 'Cancel',
    assign: {
      label: 'Assignee',
      unassign: 'Nobody (unassigned)',
      submit: 'Save assignee',
      toMe: 'Assign to me',
      assigned: (name) => `Assigned to ${name}.`,
      unassigned: 'The request is now unassigned.',
      unchanged: 'The assignee was already set that way.',
    },
    note: {
      label: 'Internal note',
      hint: 'Only officers see notes; the requester never does.',
      submit: 'Add note',
      required: 'Write the note first.',
      tooLong: (max) => `The note can be at most ${max.toLocaleString('en')} characters.`,
      added: 'Note added.',
    },
    approve: {
      open: 'Approve…',
      title: 'Approve this request?',
      what: {
        access: "Rightsdesk collects the requester's data from every system in the data map into a download package and emails them a link (it works for 7 days and a few downloads).",
        rectification: "The corrections the requester asked for are written to the fields the data map allows to be corrected; service providers are asked to do the same. The requester is emailed when it is done.",
        erasure: "The requester's data is erased from the systems below, as the data map says: rows deleted, fields cleared or anonymized, and kept only where a stated legal reason applies. The requester is emailed when it is done.",
        opt_out: "The requester's email address is added to the suppression list, opt-out flags are set and service providers are told. The requester is emailed when it is done.",
        child_data_removal: "The child's data, found by the child's email address and username, is erased from the systems below as the data map says. The filer is emailed when it is done.",
      },
      fourEyesFirst: 'Four eyes: your approval is recorded as a proposal. Nothing is changed until a different officer approves it too.',
      fourEyesSecond: (who) => `${who} proposed this. Your approval is the second pair of eyes: it carries the request out.`,
      waitingForOther: 'You proposed approving this request; a different officer must approve it.',
      planTitle: 'What the erasure will touch',
      planLoading: 'Counting the records in each system…',
      planCaption: (title, key) => `${title} (${key})`,
      collection: 'Collection',
      count: 'Records held',
      effect: 'What happens',
      unknownCount: 'Not counted',
      planTimeout: 'This system did not answer in time; its records could not be counted.',
      planError: (error) => `This system could not be counted (${error}).`,
      planTotal: (n) => `${n} ${n === 1 ? 'record' : 'records'} in all.`,
      irreversible: 'An erasure cannot be undone.',
      confirmPropose: 'Propose approval',
      confirmErase: 'Approve and erase',
      confirm: 'Approve',
      proposed: 'Approval proposed. A different officer must now approve this request.',
      approved: 'Approved. The request is running against the systems; the requester is emailed when it completes.',
    },
    deny: {
      open: 'Deny…',
      title: 'Deny this request?',
      what: 'The request is closed as denied, any approval proposal is withdrawn and uploaded files are erased. The requester is emailed straight away.',
      confirm: 'Deny and email the requester',
      denied: 'Denied. The requester has been emailed the reason and your message.',
    },
    extend: {
      open: 'Extend the deadline…',
      title: 'Extend the deadline',
      what: (regime) => `${regime} allows one extension. The requester is emailed the new date and your reasons now, as the law requires.`,
      newDue: (date) => `The new due date will be ${date}.`,
      noticeBy: (date) => `An extension must be taken, and the requester told, by ${date}.`,
      reason: 'Reasons for the requester',
      reasonHint: 'Say why more time is needed, for example the number or complexity of requests. It is emailed as written.',
      required: 'Write the reasons for the extension.',
      tooLong: (max) => `The reasons can be at most ${max.toLocaleString('en')} characters.`,
      confirm: 'Extend and email the requester',
      extended: (date) => `Extended. The request is now due on ${date}; the requester has been emailed.`,
    },
    information: {
      open: 'Ask the requester…',
      title: 'Ask the requester for information',
      question: 'Your question',
      questionHint: 'For example a document showing the child’s age. The requester answers on their status page and can attach PDF, PNG or JPEG files.',
      pauses: 'The request goes on hold. Under this law the clock pauses until the requester answers.',
      keepsRunning: 'The request goes on hold. Under this law the clock keeps running while you wait.',
      required: 'Write your question.',
      tooLong: (max) => `The question can be at most ${max.toLocaleString('en')} characters.`,
      confirm: 'Send the question',
      asked: 'Question sent. The request is on hold until the requester answers.',
    },
    cancelRequest: {
      open: 'Cancel the request…',
      title: 'Cancel this request?',
      what: 'The request is closed as cancelled (for example when the requester withdraws it). Any approval proposal is withdrawn and uploaded files are erased. This cannot be undone.',
      note: 'Internal note',
      noteHint: 'Why it is cancelled. Officers only.',
      notify: 'Email the requester a confirmation',
      notifyHint: 'Leave this on unless they already know, for example because they asked by phone.',
      tooLong: (max) => `The note can be at most ${max.toLocaleString('en')} characters.`,
      confirm: 'Cancel the request',
      cancelled: 'The request is cancelled.',
    },
    retry: {
      heading: 'Failed systems',
      all: 'Retry all failed systems',
      one: (system) => `Retry ${system}`,
      retried: (systems) => `Running again: ${systems}.`,
    },
    resend: {
      label: 'Send a new download link',
      what: 'The requester gets a new link by email; the old one stops working. Expiry and downloads left stay as they are.',
      resent: 'A new download link has been emailed; the old link no longer works.',
    },
  },
  de: {
    heading: 'Aktionen',
    none: 'Sie können an dieser Anfrage gerade nichts tun.',
    cancel: 'Abbrechen',
    assign: {
      label: 'Zuständig',
      unassign: 'Niemand (nicht zugewiesen)',
      submit: 'Zuständigkeit speichern',
      toMe: 'Mir zuweisen',
      assigned: (name) => `${name} zugewiesen.`,
      unassigned: 'Die Anfrage ist jetzt niemandem zugewiesen.',
      unchanged: 'Die Zuständigkeit war schon so gesetzt.',
    },
    note: {
      label: 'Interne Notiz',
      hint: 'Notizen sieht nur das Datenschutzteam, nie der Antragsteller.',
      submit: 'Notiz hinzufügen',
      required: 'Schreiben Sie zuerst die Notiz.',
      tooLong: (max) => `Die Notiz darf höchstens ${max.toLocaleString('de')} Zeichen lang sein.`,
      added: 'Notiz hinzugefügt.',
    },
    approve: {
      open: 'Genehmigen …',
      title: 'Diese Anfrage genehmigen?',
      what: {
        access: 'Rightsdesk sammelt die Daten des Antragstellers aus allen Systemen der Datenlandkarte in ein Download-Paket und schickt ihm einen Link (7 Tage und wenige Downloads gültig).',
        rectification: 'Die gewünschten Berichtigungen werden in die Felder geschrieben, die laut Datenlandkarte berichtigt werden dürfen; Dienstleister werden ebenfalls beauftragt. Der Antragsteller erhält eine E-Mail, wenn es erledigt ist.',
        erasure: 'Die Daten des Antragstellers werden aus den unten genannten Systemen gelöscht, wie es die Datenlandkarte vorsieht: Zeilen gelöscht, Felder geleert oder anonymisiert und nur aufbewahrt, wo ein genannter gesetzlicher Grund gilt. Der Antragsteller erhält eine E-Mail, wenn es erledigt ist.',
        opt_out: 'Die E-Mail-Adresse des Antragstellers kommt auf die Sperrliste, Widerspruchs-Felder werden gesetzt und Dienstleister informiert. Der Antragsteller erhält eine E-Mail, wenn es erledigt ist.',
        child_data_removal: 'Die Daten des Kindes, gefunden über seine E-Mail-Adresse und seinen Benutzernamen, werden aus den unten genannten Systemen gelöscht, wie es die Datenlandkarte vorsieht. Die antragstellende Person erhält eine E-Mail, wenn es erledigt ist.',
      },
      fourEyesFirst: 'Vier-Augen-Prinzip: Ihre Genehmigung wird als Vorschlag erfasst. Es ändert sich nichts, bis eine andere Person ebenfalls genehmigt.',
      fourEyesSecond: (who) => `${who} hat dies vorgeschlagen. Ihre Genehmigung ist das zweite Augenpaar: Sie führt die Anfrage aus.`,
      waitingForOther: 'Sie haben vorgeschlagen, diese Anfrage zu genehmigen; eine andere Person muss sie genehmigen.',
      planTitle: 'Was die Löschung betrifft',
      planLoading: 'Die Datensätze in jedem System werden gezählt …',
      planCaption: (title, key) => `${title} (${key})`,
      collection: 'Sammlung',
      count: 'Gespeicherte Datensätze',
      effect: 'Was geschieht',
      unknownCount: 'Nicht gezählt',
      planTimeout: 'Dieses System hat nicht rechtzeitig geantwortet; seine Datensätze konnten nicht gezählt werden.',
      planError: (error) => `Dieses System konnte nicht gezählt werden (${error}).`,
      planTotal: (n) => `Insgesamt ${n} ${n === 1 ? 'Datensatz' : 'Datensätze'}.`,
      irreversible: 'Eine Löschung kann nicht rückgängig gemacht werden.',
      confirmPropose: 'Genehmigung vorschlagen',
      confirmErase: 'Genehmigen und löschen',
      confirm: 'Genehmigen',
      proposed: 'Genehmigung vorgeschlagen. Eine andere Person muss diese Anfrage jetzt genehmigen.',
      approved: 'Genehmigt. Die Anfrage wird in den Systemen ausgeführt; der Antragsteller erhält eine E-Mail, wenn sie abgeschlossen ist.',
    },
    deny: {
      open: 'Ablehnen …',
      title: 'Diese Anfrage ablehnen?',
      what: 'Die Anfrage wird als abgelehnt geschlossen, ein Genehmigungsvorschlag wird zurückgezogen und hochgeladene Dateien werden gelöscht. Der Antragsteller erhält sofort eine E-Mail.',
      confirm: 'Ablehnen und Antragsteller benachrichtigen',
      denied: 'Abgelehnt. Der Antragsteller hat den Grund und Ihre Nachricht per E-Mail erhalten.',
    },
    extend: {
      open: 'Frist verlängern …',
      title: 'Frist verlängern',
      what: (regime) => `${regime} erlaubt eine Verlängerung. Der Antragsteller erhält das neue Datum und Ihre Gründe jetzt per E-Mail, wie es das Gesetz verlangt.`,
      newDue: (date) => `Die neue Frist ist der ${date}.`,
      noticeBy: (date) => `Eine Verlängerung muss bis zum ${date} erfolgen und dem Antragsteller mitgeteilt werden.`,
      reason: 'Gründe für den Antragsteller',
      reasonHint: 'Sagen Sie, warum mehr Zeit nötig ist, etwa wegen der Zahl oder Komplexität der Anfragen. Der Text wird so per E-Mail versendet.',
      required: 'Schreiben Sie die Gründe für die Verlängerung.',
      tooLong: (max) => `Die Gründe dürfen höchstens ${max.toLocaleString('de')} Zeichen lang sein.`,
      confirm: 'Verlängern und Antragsteller benachrichtigen',
      extended: (date) => `Verlängert. Die Anfrage ist jetzt am ${date} fällig; der Antragsteller wurde benachrichtigt.`,
    },
    information: {
      open: 'Beim Antragsteller nachfragen …',
      title: 'Beim Antragsteller Informationen anfragen',
      question: 'Ihre Frage',
      questionHint: 'Zum Beispiel ein Dokument, das das Alter des Kindes zeigt. Der Antragsteller antwortet auf seiner Statusseite und kann PDF-, PNG- oder JPEG-Dateien anhängen.',
      pauses: 'Die Anfrage wird zurückgestellt. Nach diesem Recht ist die Frist angehalten, bis der Antragsteller antwortet.',
      keepsRunning: 'Die Anfrage wird zurückgestellt. Nach diesem Recht läuft die Frist weiter, während Sie warten.',
      required: 'Schreiben Sie Ihre Frage.',
      tooLong: (max) => `Die Frage darf höchstens ${max.toLocaleString('de')} Zeichen lang sein.`,
      confirm: 'Frage senden',
      asked: 'Frage gesendet. Die Anfrage ist zurückgestellt, bis der Antragsteller antwortet.',
    },
    cancelRequest: {
      open: 'Anfrage stornieren …',
      title: 'Diese Anfrage stornieren?',
      what: 'Die Anfrage wird als storniert geschlossen (zum Beispiel, wenn der Antragsteller sie zurückzieht). Ein Genehmigungsvorschlag wird zurückgezogen und hochgeladene Dateien werden gelöscht. Das kann nicht rückgängig gemacht werden.',
      note: 'Interne Notiz',
      noteHint: 'Warum storniert wird. Nur für das Datenschutzteam.',
      notify: 'Dem Antragsteller eine Bestätigung senden',
      notifyHint: 'Lassen Sie das eingeschaltet, außer er weiß es schon, etwa weil er telefonisch darum gebeten hat.',
      tooLong: (max) => `Die Notiz darf höchstens ${max.toLocaleString('de')} Zeichen lang sein.`,
      confirm: 'Anfrage stornieren',
      cancelled: 'Die Anfrage ist storniert.',
    },
    retry: {
      heading: 'Fehlgeschlagene Systeme',
      all: 'Alle fehlgeschlagenen Systeme wiederholen',
      one: (system) => `${system} wiederholen`,
      retried: (systems) => `Wird erneut ausgeführt: ${systems}.`,
    },
    resend: {
      label: 'Neuen Download-Link senden',
      what: 'Der Antragsteller erhält einen neuen Link per E-Mail; der alte funktioniert nicht mehr. Ablaufdatum und verbleibende Downloads bleiben.',
      resent: 'Ein neuer Download-Link wurde gesendet; der alte Link funktioniert nicht mehr.',
    },
  },
};
