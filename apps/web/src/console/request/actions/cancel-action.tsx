import { useState } from 'react';
import { api } from '../../../api/client';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ProblemNotice } from '../../../components/feedback';
import { ErrorSummary, Field, TextArea } from '../../../components/form';
import { useMessages } from '../../../i18n/locale';
import { useConsoleCall } from '../../use-console-call';
import type { ActionProps } from './action-props';
import { actionsMessages } from './actions.messages';
import { useSubmission } from '../../use-submission';

const MAX = 2000;

export function CancelAction({ detail, done }: ActionProps) {
  const m = useMessages(actionsMessages);
  const call = useConsoleCall();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [notify, setNotify] = useState(true);
  const { busy, problems, failure, submit, reset } = useSubmission({ note: 'cancel-note' });
  const cancel = async () => {
    const trimmed = note.trim();
    const found = trimmed.length > MAX ? [{ id: 'cancel-note', message: m.cancelRequest.tooLong(MAX) }] : [];
    await submit(found, async () => {
      await call(
        api.POST('/api/v1/console/requests/{id}/cancel', {
          params: { path: { id: detail.request.id } },
          body: { ...(trimmed ? { note: trimmed } : {}), notifyRequester: notify },
        }),
      );
      setOpen(false);
      await done(m.cancelRequest.cancelled);
    });
  };
  return (
    <>
      <button
        type="button"
        className="secondary"
        onClick={() => {
          setNote('');
          setNotify(true);
          reset();
          setOpen(true);
        }}
      >
        {m.cancelRequest.open}
      </button>
      <ConfirmDialog open={open} title={m.cancelRequest.title} confirmLabel={m.cancelRequest.confirm} cancelLabel={m.cancel} danger busy={busy} onConfirm={() => void cancel()} onClose={() => setOpen(false)}>
        {failure ? <ProblemNotice error={failure} /> : null}
        <ErrorSummary problems={problems} />
        <p>{m.cancelRequest.what}</p>
        <Field id="cancel-note" label={m.cancelRequest.note} hint={m.cancelRequest.noteHint} error={problems[0]?.message}>
          {(describedBy, invalid) => <TextArea id="cancel-note" rows={3} value={note} onChange={(e) => setNote(e.target.value)} aria-describedby={describedBy} invalid={invalid} />}
        </Field>
        <div className="choice">
          <input id="cancel-notify" type="checkbox" checked={notify} onChange={(e) => setNotify(e.target.checked)} aria-describedby="cancel-notify-hint" />
          <label htmlFor="cancel-notify">{m.cancelRequest.notify}</label>
        </div>
        <p id="cancel-notify-hint" className="hint">
          {m.cancelRequest.notifyHint}
        </p>
      </ConfirmDialog>
    </>
  );
}
