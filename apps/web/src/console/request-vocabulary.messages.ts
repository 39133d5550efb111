import type { DenyReason, LoggedChannel, RegimeId, RequestChannel, RequestStatus, RequestType } from '@rightsdesk/domain';
import type { Messages } from '../i18n/locale';

// The words for a request's codes (status, type, regime, channel, deny reason, audit action, email
// template) as officers read them, shared by the queue, the request page and the logging form.
export interface RequestVocabulary {
  statuses: Record<RequestStatus, string>;
  types: Record<RequestType, string>;
  /** For tables and filters, where the long form is too wide. */
  typesShort: Record<RequestType, string>;
  regimes: Record<RegimeId, string>;
  channels: Record<RequestChannel, string>;
  loggedChannels: Record<LoggedChannel, string>;
  denyReasons: Record<DenyReason, { label: string; toldRequester: string }>;
  /** Audit actions in the timeline; an unknown one is shown by its code. */
  actions: Record<string, string>;
  messageKinds: Record<string, string>;
  emailTemplates: Record<string, string>;
  emailStatuses: Record<string, string>;
  systemStatuses: Record<string, string>;
  actors: { requester: string; system: string; cli: string; apiKey: string; unknownOfficer: string; drpAgent: (agentId: string) => string };
  yes: string;
  no: string;
  unassigned: string;
}

export const requestVocabulary: Messages<RequestVocabulary> = {
  en: {
    statuses: {
      pending_verification: 'Pending verification',
      awaiting_review: 'Awaiting review',
      on_hold: 'On hold',
      approved: 'Approved',
      in_progress: 'In progress',
      completed: 'Completed',
      failed: 'Failed',
      denied: 'Denied',
      cancelled: 'Cancelled',
      expired: 'Expired',
    },
    types: {
      access: 'Access (see my data)',
      rectification: 'Rectification (correct my data)',
      erasure: 'Erasure (delete my data)',
      opt_out: 'Opt-out (stop promotional messages)',
      child_data_removal: "Child data removal (remove a child's data)",
    },
    typesShort: { access: 'Access', rectification: 'Rectification', erasure: 'Erasure', opt_out: 'Opt-out', child_data_removal: 'Child data removal' },
    regimes: { gdpr: 'GDPR (EU/EEA)', uk_gdpr: 'UK GDPR', ccpa: 'CCPA/CPRA (California)', lgpd: 'LGPD (Brazil)', us_state: 'US state law' },
    channels: { web: 'Privacy center', api: "Company's app", post: 'Post', phone: 'Phone', email: 'Email', retention: 'Found by a retention rule (under age)', agent: 'Authorized agent (DRP)', gpc: 'Global Privacy Control signal' },
    loggedChannels: { post: 'Post (a letter)', phone: 'Phone call', email: 'Email to the privacy team' },
    denyReasons: {
      identity_not_verified: {
        label: 'We could not verify who is asking',
        toldRequester: "We could not confirm that you are the person the data is about. To protect people's data, we can only act on a request when we can verify who is making it.",
      },
      manifestly_unfounded: {
        label: 'The request is manifestly unfounded',
        toldRequester: 'We consider the request manifestly unfounded, and in that case the law does not oblige us to act on it.',
      },
      excessive: {
        label: 'The request is excessive (e.g. repeated)',
        toldRequester: 'We consider the request excessive, in particular because it repeats requests made recently, and in that case the law does not oblige us to act on it.',
      },
      legal_obligation: {
        label: 'A law requires us to keep the data',
        toldRequester: 'A legal obligation, for example under tax or commercial law, requires us to keep the data concerned. We use it only for that purpose.',
      },
      legal_claims: {
        label: 'We need the data for legal claims',
        toldRequester: 'We need the data concerned to establish, exercise or defend legal claims.',
      },
      rights_of_others: {
        label: "It would harm other people's rights",
        toldRequester: 'Doing what you asked would adversely affect the rights and freedoms of other people, for example by disclosing their personal data.',
      },
      not_covered: {
        label: 'The right does not apply here',
        toldRequester: 'The right you asked to exercise does not apply to this data, or not to us, under the law that governs your request.',
      },
      not_parent_or_guardian: {
        label: "The filer is not shown to be the child's parent or guardian",
        toldRequester: "We could not confirm that you are the child's parent or legal guardian, which we must know before we act on a child's data.",
      },
      other: { label: 'Another reason (explained in the message)', toldRequester: 'Our privacy team explains the reasons in its message below.' },
    },
    actions: {
      request_received: 'Request received',
      request_logged: 'Request logged by an officer',
      verification_resent: 'Confirmation link sent again',
      request_verified: 'Requester confirmed the request',
      request_viewed: 'Request viewed',
      erasure_plan_viewed: 'Erasure plan viewed',
      attachment_viewed: 'Attachment downloaded',
      request_assigned: 'Assignee changed',
      note_added: 'Note added',
      approval_proposed: 'Approval proposed (four eyes)',
      request_approved: 'Approved',
      gpc_signal_honoured: 'Global Privacy Control signal honoured (approved by the system)',
      request_denied: 'Denied',
      request_cancelled: 'Cancelled',
      request_revoked_by_agent: 'Revoked by the authorized agent (DRP)',
      request_expired: 'Expired without confirmation',
      deadline_extended: 'Deadline extended',
      information_requested: 'Information requested from the requester',
      information_received: 'Requester answered',
      execution_started: 'Execution started',
      execution_retried: 'Execution retried',
      system_failed: 'A system failed',
      system_awaiting_provider: 'Waiting for a service provider',
      erasure_certificate: 'Erasure certificate recorded',
      rectification_applied: 'Correction applied',
      opt_out_applied: 'Opt-out applied',
      access_exported: 'Data exported',
      provider_completed: 'Service provider finished',
      provider_callback_overdue: 'Service provider did not answer in time',
      access_package_created: 'Access package created',
      access_package_downloaded: 'Access package downloaded',
      access_package_deleted: 'Access package deleted',
      access_link_resent: 'Download link sent again',
      request_completed: 'Completed',
      request_failed: 'Failed',
    },
    messageKinds: {
      note: 'Internal note',
      denial: 'Told the requester (denial)',
      extension: 'Told the requester (extension)',
      information_request: 'Asked the requester',
      cancellation: 'Cancellation note',
      requester_reply: "Requester's answer",
    },
    emailTemplates: {
      verify_request: 'Confirmation link',
      request_verified: 'Request confirmed',
      request_completed: 'Request completed',
      execution_failed: 'Execution failed (to the privacy team)',
      request_denied: 'Request denied',
      request_cancelled: 'Request cancelled',
      request_extended: 'Deadline extended',
      information_requested: 'Information requested',
      requester_replied: 'Requester answered (to the privacy team)',
      officer_digest: 'Daily digest',
    },
    emailStatuses: { pending: 'Waiting to be sent', queued: 'Queued', sending: 'Sending', sent: 'Sent', failed: 'Failed' },
    systemStatuses: { pending: 'Waiting', running: 'Running', awaiting_callback: 'Waiting for the provider', done: 'Done', failed: 'Failed' },
    actors: { requester: 'The requester', system: 'Rightsdesk', cli: 'Server operator (command line)', apiKey: "The company's app", unknownOfficer: 'An officer', drpAgent: (agentId) => `Authorized agent ${agentId}` },
    yes: 'Yes',
    no: 'No',
    unassigned: 'Unassigned',
  },
  de: {
    statuses: {
      pending_verification: 'Bestätigung ausstehend',
      awaiting_review: 'Wartet auf Prüfung',
      on_hold: 'Zurückgestellt',
      approved: 'Genehmigt',
      in_progress: 'In Ausführung',
      completed: 'Abgeschlossen',
      failed: 'Fehlgeschlagen',
      denied: 'Abgelehnt',
      cancelled: 'Storniert',
      expired: 'Verfallen',
    },
    types: {
      access: 'Auskunft (meine Daten sehen)',
      rectification: 'Berichtigung (meine Daten korrigieren)',
      erasure: 'Löschung (meine Daten löschen)',
      opt_out: 'Widerspruch (keine Werbung mehr)',
      child_data_removal: 'Kinderdaten entfernen',
    },
    typesShort: { access: 'Auskunft', rectification: 'Berichtigung', erasure: 'Löschung', opt_out: 'Widerspruch', child_data_removal: 'Kinderdaten entfernen' },
    regimes: { gdpr: 'DSGVO (EU/EWR)', uk_gdpr: 'UK GDPR', ccpa: 'CCPA/CPRA (Kalifornien)', lgpd: 'LGPD (Brasilien)', us_state: 'US-Bundesstaatsrecht' },
    channels: { web: 'Datenschutzportal', api: 'App des Unternehmens', post: 'Post', phone: 'Telefon', email: 'E-Mail', retention: 'Von einer Aufbewahrungsregel gefunden (minderjährig)', agent: 'Bevollmächtigter Dienst (DRP)', gpc: 'Global-Privacy-Control-Signal' },
    loggedChannels: { post: 'Post (ein Brief)', phone: 'Telefonanruf', email: 'E-Mail an das Datenschutzteam' },
    denyReasons: {
      identity_not_verified: {
        label: 'Wir konnten nicht prüfen, wer fragt',
        toldRequester:
          'Wir konnten nicht bestätigen, dass Sie die Person sind, um deren Daten es geht. Zum Schutz personenbezogener Daten können wir eine Anfrage nur bearbeiten, wenn wir prüfen können, wer sie stellt.',
      },
      manifestly_unfounded: {
        label: 'Die Anfrage ist offenkundig unbegründet',
        toldRequester: 'Wir halten die Anfrage für offenkundig unbegründet; in diesem Fall sind wir gesetzlich nicht verpflichtet, ihr nachzukommen.',
      },
      excessive: {
        label: 'Die Anfrage ist exzessiv (z. B. wiederholt)',
        toldRequester: 'Wir halten die Anfrage für exzessiv, insbesondere weil sie kürzlich gestellte Anfragen wiederholt; in diesem Fall sind wir gesetzlich nicht verpflichtet, ihr nachzukommen.',
      },
      legal_obligation: {
        label: 'Ein Gesetz verpflichtet uns, die Daten aufzubewahren',
        toldRequester: 'Eine gesetzliche Pflicht, zum Beispiel nach Steuer- oder Handelsrecht, verlangt, dass wir die betreffenden Daten aufbewahren. Wir verwenden sie nur für diesen Zweck.',
      },
      legal_claims: {
        label: 'Wir brauchen die Daten für Rechtsansprüche',
        toldRequester: 'Wir benötigen die betreffenden Daten zur Geltendmachung, Ausübung oder Verteidigung von Rechtsansprüchen.',
      },
      rights_of_others: {
        label: 'Es würde die Rechte anderer verletzen',
        toldRequester: 'Ihrem Wunsch nachzukommen würde die Rechte und Freiheiten anderer Personen beeinträchtigen, zum Beispiel weil deren personenbezogene Daten offengelegt würden.',
      },
      not_covered: {
        label: 'Das Recht gilt hier nicht',
        toldRequester: 'Das Recht, das Sie geltend machen, gilt nach dem für Ihre Anfrage maßgeblichen Recht nicht für diese Daten oder nicht für uns.',
      },
      not_parent_or_guardian: {
        label: 'Elternschaft oder Vormundschaft ist nicht nachgewiesen',
        toldRequester: 'Wir konnten nicht bestätigen, dass Sie ein Elternteil oder der gesetzliche Vormund des Kindes sind; das müssen wir wissen, bevor wir die Daten eines Kindes bearbeiten.',
      },
      other: { label: 'Ein anderer Grund (in der Nachricht erklärt)', toldRequester: 'Die Gründe erläutert unser Datenschutzteam in der folgenden Nachricht.' },
    },
    actions: {
      request_received: 'Anfrage eingegangen',
      request_logged: 'Anfrage von der Sachbearbeitung erfasst',
      verification_resent: 'Bestätigungslink erneut gesendet',
      request_verified: 'Anfrage vom Antragsteller bestätigt',
      request_viewed: 'Anfrage angesehen',
      erasure_plan_viewed: 'Löschplan angesehen',
      attachment_viewed: 'Anhang heruntergeladen',
      request_assigned: 'Zuständigkeit geändert',
      note_added: 'Notiz hinzugefügt',
      approval_proposed: 'Genehmigung vorgeschlagen (Vier-Augen-Prinzip)',
      request_approved: 'Genehmigt',
      gpc_signal_honoured: 'Global-Privacy-Control-Signal berücksichtigt (vom System genehmigt)',
      request_denied: 'Abgelehnt',
      request_cancelled: 'Storniert',
      request_revoked_by_agent: 'Vom bevollmächtigten Dienst widerrufen (DRP)',
      request_expired: 'Ohne Bestätigung verfallen',
      deadline_extended: 'Frist verlängert',
      information_requested: 'Informationen beim Antragsteller angefragt',
      information_received: 'Antragsteller hat geantwortet',
      execution_started: 'Ausführung gestartet',
      execution_retried: 'Ausführung wiederholt',
      system_failed: 'Ein System ist fehlgeschlagen',
      system_awaiting_provider: 'Wartet auf einen Dienstleister',
      erasure_certificate: 'Löschnachweis erfasst',
      rectification_applied: 'Berichtigung ausgeführt',
      opt_out_applied: 'Widerspruch umgesetzt',
      access_exported: 'Daten exportiert',
      provider_completed: 'Dienstleister hat abgeschlossen',
      provider_callback_overdue: 'Dienstleister hat nicht rechtzeitig geantwortet',
      access_package_created: 'Auskunftspaket erstellt',
      access_package_downloaded: 'Auskunftspaket heruntergeladen',
      access_package_deleted: 'Auskunftspaket gelöscht',
      access_link_resent: 'Download-Link erneut gesendet',
      request_completed: 'Abgeschlossen',
      request_failed: 'Fehlgeschlagen',
    },
    messageKinds: {
      note: 'Interne Notiz',
      denial: 'An den Antragsteller (Ablehnung)',
      extension: 'An den Antragsteller (Verlängerung)',
      information_request: 'Frage an den Antragsteller',
      cancellation: 'Notiz zur Stornierung',
      requester_reply: 'Antwort des Antragstellers',
    },
    emailTemplates: {
      verify_request: 'Bestätigungslink',
      request_verified: 'Anfrage bestätigt',
      request_completed: 'Anfrage abgeschlossen',
      execution_failed: 'Ausführung fehlgeschlagen (an das Datenschutzteam)',
      request_denied: 'Anfrage abgelehnt',
      request_cancelled: 'Anfrage storniert',
      request_extended: 'Frist verlängert',
      information_requested: 'Informationen angefragt',
      requester_replied: 'Antragsteller hat geantwortet (an das Datenschutzteam)',
      officer_digest: 'Tägliche Übersicht',
    },
    emailStatuses: { pending: 'Wartet auf Versand', queued: 'In der Warteschlange', sending: 'Wird gesendet', sent: 'Gesendet', failed: 'Fehlgeschlagen' },
    systemStatuses: { pending: 'Wartet', running: 'Läuft', awaiting_callback: 'Wartet auf den Dienstleister', done: 'Erledigt', failed: 'Fehlgeschlagen' },
    actors: { requester: 'Der Antragsteller', system: 'Rightsdesk', cli: 'Serverbetrieb (Kommandozeile)', apiKey: 'Die App des Unternehmens', unknownOfficer: 'Eine Sachbearbeitung', drpAgent: (agentId) => `Bevollmächtigter Dienst ${agentId}` },
    yes: 'Ja',
    no: 'Nein',
    unassigned: 'Nicht zugewiesen',
  },
};
