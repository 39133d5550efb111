import { useState } from 'react';
import { api } from '../../api/client';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ProblemNotice } from '../../components/feedback';
import { ErrorSummary, Field, TextArea } from '../../components/form';
import { useMessages } from '../../i18n/locale';
import { useSubmission } from '../use-submission';
import { useConsoleCall } from '../use-console-call';
import { retentionMessages } from './retention.messages';
import type { RetentionRule } from './retention-types';

// The api's limits (trimmed, 3 to 500 characters), checked here first so the form can say so.
const MIN = 3;
const MAX = 500;
const FIELD_ID = 'retention-hold-reason';

interface HoldDialogProps {
  rule: RetentionRule | null;
  onClose(): void;
  /** After the api placed the hold. */
  onPlaced(rule: RetentionRule): Promise<void>;
}

/** Placing a legal hold: what it does, and the reason every officer will see (required). */
export function HoldDialog({ rule, onClose, onPlaced }: HoldDialogProps) {
  const m = useMessages(retentionMessages);
  const call = useConsoleCall();
  const [reason, setReason] = useState('');
  const [shownFor, setShownFor] = useState<string | null>(null);
  const { busy, problems, failure, submit, reset } = useSubmission({ reason: FIELD_ID });
  // A dialog opened for another rule starts empty.
  if (rule && rule.id !== shownFor) {
    setShownFor(rule.id);
    setReason('');
    reset();
  }
  const place = async () => {
    if (!rule) {
      return;
    }
    const trimmed = reason.trim();
    const found = !trimmed
      ? [{ id: FIELD_ID, message: m.holdDialog.required }]
      : trimmed.length < MIN
        ? [{ id: FIELD_ID, message: m.holdDialog.tooShort }]
        : trimmed.length > MAX
          ? [{ id: FIELD_ID, message: m.holdDialog.tooLong(MAX) }]
          : [];
    await submit(found, async () => {
      await call(api.PUT('/api/v1/console/retention/rules/{ruleId}/hold', { params: { path: { ruleId: rule.id } }, body: { reason: trimmed } }));
      await onPlaced(rule);
    });
  };
  return (
    <ConfirmDialog
      open={rule !== null}
      title={rule ? m.holdDialog.title(rule.id) : ''}
      confirmLabel={m.holdDialog.confirm}
      cancelLabel={m.holdDialog.cancel}
      busy={busy}
      onConfirm={() => void place()}
      onClose={() => {
        setShownFor(null);
        onClose();
      }}
    >
      {failure ? <ProblemNotice error={failure} /> : null}
      <ErrorSummary problems={problems} />
      <p>{m.holdDialog.what}</p>
      <Field id={FIELD_ID} label={m.holdDialog.reason} hint={m.holdDialog.reasonHint} required error={problems[0]?.message}>
        {(describedBy, invalid) => (
          <TextArea id={FIELD_ID} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} aria-describedby={describedBy} invalid={invalid} required />
        )}
      </Field>
    </ConfirmDialog>
  );
}
