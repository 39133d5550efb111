import { useState } from 'react';
import { api } from '../../../api/client';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ProblemNotice } from '../../../components/feedback';
import { ErrorSummary, type FieldProblem } from '../../../components/form';
import { useMessages } from '../../../i18n/locale';
import { DenyFields, type DenyDraft, denyProblems, EMPTY_DENIAL } from '../../deny-fields';
import { denyFieldsMessages } from '../../deny-fields.messages';
import { useConsoleCall } from '../../use-console-call';
import type { ActionProps } from './action-props';
import { actionsMessages } from './actions.messages';
import { apiProblems } from './api-problems';

export function DenyAction({ detail, done }: ActionProps) {
  const m = useMessages(actionsMessages);
  const fieldMessages = useMessages(denyFieldsMessages);
  const call = useConsoleCall();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<DenyDraft>(EMPTY_DENIAL);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const deny = async () => {
    const found = denyProblems(draft, 'deny', fieldMessages);
    setProblems(found);
    setFailure(null);
    if (found.length > 0 || !draft.reason) {
      return;
    }
    setBusy(true);
    try {
      await call(api.POST('/api/v1/console/requests/{id}/deny', { params: { path: { id: detail.request.id } }, body: { reason: draft.reason, message: draft.message.trim() } }));
      setOpen(false);
      await done(m.deny.denied);
    } catch (error) {
      const { problems: fromApi, other } = apiProblems(error, { reason: 'deny-reason', message: 'deny-message' });
      setProblems(fromApi);
      setFailure(other);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button
        type="button"
        className="danger"
        onClick={() => {
          setDraft(EMPTY_DENIAL);
          setProblems([]);
          setFailure(null);
          setOpen(true);
        }}
      >
        {m.deny.open}
      </button>
      <ConfirmDialog open={open} title={m.deny.title} confirmLabel={m.deny.confirm} cancelLabel={m.cancel} danger busy={busy} onConfirm={() => void deny()} onClose={() => setOpen(false)}>
        {failure ? <ProblemNotice error={failure} /> : null}
        <ErrorSummary problems={problems} />
        <p>{m.deny.what}</p>
        <DenyFields idPrefix="deny" draft={draft} problems={problems} onChange={setDraft} />
      </ConfirmDialog>
    </>
  );
}
