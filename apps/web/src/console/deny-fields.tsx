import { DENY_REASONS, type DenyReason, isDenyReason } from '@rightsdesk/domain';
import { Field, type FieldProblem, Select, TextArea } from '../components/form';
import { useMessages } from '../i18n/locale';
import { denyFieldsMessages, type DenyFieldsMessages } from './deny-fields.messages';
import { requestVocabulary } from './request-vocabulary.messages';

export interface DenyDraft {
  reason: DenyReason | '';
  message: string;
}

export const EMPTY_DENIAL: DenyDraft = { reason: '', message: '' };

const MESSAGE_MAX = 5000;

/** The problems the api would answer, found before the call (same limits). */
export function denyProblems(draft: DenyDraft, idPrefix: string, m: DenyFieldsMessages): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!isDenyReason(draft.reason)) {
    problems.push({ id: `${idPrefix}-reason`, message: m.reasonRequired });
  }
  if (!draft.message.trim()) {
    problems.push({ id: `${idPrefix}-message`, message: m.messageRequired });
  } else if (draft.message.trim().length > MESSAGE_MAX) {
    problems.push({ id: `${idPrefix}-message`, message: m.messageTooLong });
  }
  return problems;
}

interface DenyFieldsProps {
  idPrefix: string;
  draft: DenyDraft;
  problems: FieldProblem[];
  onChange(draft: DenyDraft): void;
}

// Reason and message, with a preview of the email's decisive part as the officer types: the
// reason in the words the requester reads, then the message.
export function DenyFields({ idPrefix, draft, problems, onChange }: DenyFieldsProps) {
  const m = useMessages(denyFieldsMessages);
  const words = useMessages(requestVocabulary);
  const errorFor = (field: string) => problems.find((p) => p.id === `${idPrefix}-${field}`)?.message;
  return (
    <>
      <Field id={`${idPrefix}-reason`} label={m.reason} hint={m.reasonHint} required error={errorFor('reason')}>
        {(describedBy, invalid) => (
          <Select
            id={`${idPrefix}-reason`}
            value={draft.reason}
            onChange={(e) => onChange({ ...draft, reason: isDenyReason(e.target.value) ? e.target.value : '' })}
            aria-describedby={describedBy}
            invalid={invalid}
            required
          >
            <option value="">{m.chooseReason}</option>
            {DENY_REASONS.map((reason) => (
              <option key={reason} value={reason}>
                {words.denyReasons[reason].label}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field id={`${idPrefix}-message`} label={m.message} hint={m.messageHint} required error={errorFor('message')}>
        {(describedBy, invalid) => (
          <TextArea id={`${idPrefix}-message`} value={draft.message} onChange={(e) => onChange({ ...draft, message: e.target.value })} aria-describedby={describedBy} invalid={invalid} required />
        )}
      </Field>
      <section className="email-preview" aria-labelledby={`${idPrefix}-preview-title`}>
        <h3 id={`${idPrefix}-preview-title`}>{m.previewTitle}</h3>
        <p>{m.previewIntro}</p>
        {draft.reason ? <p>{m.previewReason(words.denyReasons[draft.reason].toldRequester)}</p> : null}
        <p>{m.previewTeamWrites}</p>
        <blockquote className="preview-message">{draft.message.trim() || m.previewMessagePlaceholder}</blockquote>
        <p className="hint">{m.previewRights}</p>
      </section>
    </>
  );
}
