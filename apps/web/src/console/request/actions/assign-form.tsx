import { type FormEvent, useState } from 'react';
import { api } from '../../../api/client';
import { ProblemNotice } from '../../../components/feedback';
import { Field, Select } from '../../../components/form';
import { useMessages } from '../../../i18n/locale';
import { useOfficer } from '../../session';
import { useAssignees } from '../../use-assignees';
import { useConsoleCall } from '../../use-console-call';
import type { ActionProps } from './action-props';
import { actionsMessages } from './actions.messages';
import { useSubmission } from '../../use-submission';

export function AssignForm({ detail, done }: ActionProps) {
  const m = useMessages(actionsMessages).assign;
  const officer = useOfficer();
  const assignees = useAssignees();
  const call = useConsoleCall();
  const [choice, setChoice] = useState(detail.assignee?.id ?? '');
  const { busy, failure, submit: send } = useSubmission();
  const list = assignees.status === 'ready' ? assignees.data : [];
  const nameOf = (id: string) => list.find((a) => a.id === id)?.displayName ?? id;

  const assign = (officerId: string | null) =>
    send([], async () => {
      const answer = await call(api.POST('/api/v1/console/requests/{id}/assign', { params: { path: { id: detail.request.id } }, body: { officerId } }));
      await done(answer.outcome === 'unchanged' ? m.unchanged : officerId === null ? m.unassigned : m.assigned(nameOf(officerId)));
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void assign(choice === '' ? null : choice);
  };
  const canTakeIt = officer.role !== 'auditor' && detail.assignee?.id !== officer.id;
  return (
    <form className="action-form inline-form" onSubmit={submit}>
      {failure ? <ProblemNotice error={failure} /> : null}
      <Field id="assign-officer" label={m.label} required>
        {() => (
          <Select id="assign-officer" value={choice} onChange={(e) => setChoice(e.target.value)}>
            <option value="">{m.unassign}</option>
            {list.map((a) => (
              <option key={a.id} value={a.id}>
                {a.displayName}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <div className="actions">
        <button type="submit" className="secondary" disabled={busy}>
          {m.submit}
        </button>
        {canTakeIt ? (
          <button type="button" className="secondary" disabled={busy} onClick={() => void assign(officer.id)}>
            {m.toMe}
          </button>
        ) : null}
      </div>
    </form>
  );
}
