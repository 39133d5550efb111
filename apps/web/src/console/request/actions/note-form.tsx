import { type FormEvent, useState } from 'react';
import { api } from '../../../api/client';
import { ProblemNotice } from '../../../components/feedback';
import { ErrorSummary, Field, TextArea } from '../../../components/form';
import { useMessages } from '../../../i18n/locale';
import { useConsoleCall } from '../../use-console-call';
import type { ActionProps } from './action-props';
import { actionsMessages } from './actions.messages';
import { useSubmission } from '../../use-submission';

const MAX = 5000;

export function NoteForm({ detail, done }: ActionProps) {
  const m = useMessages(actionsMessages).note;
  const call = useConsoleCall();
  const [text, setText] = useState('');
  const { busy, problems, failure, submit: send } = useSubmission({ text: 'note-text' });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    const found = !trimmed ? [{ id: 'note-text', message: m.required }] : trimmed.length > MAX ? [{ id: 'note-text', message: m.tooLong(MAX) }] : [];
    await send(found, async () => {
      await call(api.POST('/api/v1/console/requests/{id}/notes', { params: { path: { id: detail.request.id } }, body: { text: trimmed } }));
      setText('');
      await done(m.added);
    });
  };
  return (
    <form className="action-form" noValidate onSubmit={(e) => void submit(e)}>
      {failure ? <ProblemNotice error={failure} /> : null}
      <ErrorSummary problems={problems} />
      <Field id="note-text" label={m.label} hint={m.hint} required error={problems[0]?.message}>
        {(describedBy, invalid) => <TextArea id="note-text" rows={3} value={text} onChange={(e) => setText(e.target.value)} aria-describedby={describedBy} invalid={invalid} />}
      </Field>
      <div className="actions">
        <button type="submit" className="secondary" disabled={busy}>
          {m.submit}
        </button>
      </div>
    </form>
  );
}
