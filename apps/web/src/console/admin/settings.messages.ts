import type { Messages } from '../../i18n/locale';

export interface SettingsMessages {
  title: string;
  intro: string;
  rules: { heading: string; autoApprove: string; fourEyes: string; child: string; notBoth: string };
  table: { caption: string; type: string; autoApprove: string; fourEyes: string; childNever: string };
  save: string;
  saved: string;
  errors: { child: string; both: (types: string) => string };
}

export const settingsMessages: Messages<SettingsMessages> = {
  en: {
    title: 'Settings',
    intro: 'How requests of each type are approved. Changes apply at once in every process and are recorded in the audit trail.',
    rules: {
      heading: 'The rules',
      autoApprove: 'Approve automatically: a request of this type is approved the moment the requester confirms it (or an officer logs it as verified), with no officer review. Opt-outs are the usual candidate: US law forbids demanding verification for them.',
      fourEyes: 'Four eyes: one officer proposes approval and a different officer approves; the same officer cannot do both. On by default for erasure and child data removal, which cannot be undone.',
      child: "A child's data is never removed automatically: it always needs an officer's decision.",
      notBoth: 'A type cannot be both approved automatically and need four eyes: the automatic approval would skip the second officer.',
    },
    table: { caption: 'Approval settings per request type', type: 'Request type', autoApprove: 'Approve automatically', fourEyes: 'Four eyes', childNever: 'never automatic' },
    save: 'Save settings',
    saved: 'Settings saved.',
    errors: {
      child: "Removing a child's data always needs an officer's approval.",
      both: (types) => `A type cannot be both approved automatically and need four eyes: ${types}. Untick one of the two.`,
    },
  },
  de: {
    title: 'Einstellungen',
    intro: 'Wie Anfragen jeder Art genehmigt werden. Änderungen gelten sofort in allen Prozessen und werden im Prüfprotokoll festgehalten.',
    rules: {
      heading: 'Die Regeln',
      autoApprove: 'Automatisch genehmigen: Eine Anfrage dieser Art wird genehmigt, sobald die Person sie bestätigt (oder eine Sachbearbeitung sie als geprüft erfasst), ohne Prüfung durch Mitarbeitende. Üblich für Widersprüche: US-Recht verbietet, dafür eine Identitätsprüfung zu verlangen.',
      fourEyes: 'Vier Augen: Eine Person schlägt die Genehmigung vor, eine andere genehmigt; dieselbe Person kann nicht beides. Standardmäßig an für Löschung und Kinderdaten, die sich nicht rückgängig machen lassen.',
      child: 'Die Daten eines Kindes werden nie automatisch entfernt: Das braucht immer die Entscheidung einer Sachbearbeitung.',
      notBoth: 'Eine Art kann nicht zugleich automatisch genehmigt werden und vier Augen brauchen: Die automatische Genehmigung würde die zweite Person übergehen.',
    },
    table: { caption: 'Genehmigungseinstellungen je Anfrageart', type: 'Anfrageart', autoApprove: 'Automatisch genehmigen', fourEyes: 'Vier Augen', childNever: 'nie automatisch' },
    save: 'Einstellungen speichern',
    saved: 'Einstellungen gespeichert.',
    errors: {
      child: 'Das Entfernen von Kinderdaten braucht immer die Genehmigung einer Sachbearbeitung.',
      both: (types) => `Eine Art kann nicht zugleich automatisch genehmigt werden und vier Augen brauchen: ${types}. Entfernen Sie eines der beiden Häkchen.`,
    },
  },
};
