import { type ReactNode, useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ProblemNotice } from '../../../components/feedback';
import { ErrorSummary, Field, TextArea } from '../../../components/form';
import { useMessages } from '../../../i18n/locale';
import { actionsMessages } from './actions.messages';
import { useSubmission } from '../../use-submission';

interface TextActionDialogProps {
  id: string;
  /** The api's name for the text field, for its field errors. */
  apiField: string;
  openLabel: string;
  title: string;
  label: string;
  hint: string;
  /** What will happen, above the field. */
  what: ReactNode;
  confirmLabel: string;
  required: string;
  tooLong: string;
  max: number;
  danger?: boolean;
  send(text: string): Promise<void>;
}

/** A button that opens a dialog with one required text (the extension's reasons, a question). */
export function TextActionDialog(props: TextActionDialogProps) {
  const m = useMessages(actionsMessages);
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const fieldId = `${props.id}-text`;
  const { busy, problems, failure, submit, reset } = useSubmission({ [props.apiField]: fieldId });
  const confirm = async () => {
    const trimmed = text.trim();
    const found = !trimmed ? [{ id: fieldId, message: props.required }] : trimmed.length > props.max ? [{ id: fieldId, message: props.tooLong }] : [];
    await submit(found, async () => {
      await props.send(trimmed);
      setOpen(false);
    });
  };
  return (
    <>
      <button
        type="button"
        className="secondary"
        onClick={() => {
          setText('');
          reset();
          setOpen(true);
        }}
      >
        {props.openLabel}
      </button>
      <ConfirmDialog open={open} title={props.title} confirmLabel={props.confirmLabel} cancelLabel={m.cancel} danger={props.danger} busy={busy} onConfirm={() => void confirm()} onClose={() => setOpen(false)}>
        {failure ? <ProblemNotice error={failure} /> : null}
        <ErrorSummary problems={problems} />
        {props.what}
        <Field id={fieldId} label={props.label} hint={props.hint} required error={problems[0]?.message}>
          {(describedBy, invalid) => <TextArea id={fieldId} value={text} onChange={(e) => setText(e.target.value)} aria-describedby={describedBy} invalid={invalid} required />}
        </Field>
      </ConfirmDialog>
    </>
  );
}
