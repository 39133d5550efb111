import { useState } from 'react';
import { api } from '../../../api/client';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ProblemNotice } from '../../../components/feedback';
import { ErrorSummary } from '../../../components/form';
import { useMessages } from '../../../i18n/locale';
import { DenyFields, type DenyDraft, denyProblems, EMPTY_DENIAL } from '../../deny-fields';
import { denyFieldsMessages } from '../../deny-fields.messages';
import { useConsoleCall } from '../../use-console-call';
import type { ActionProps } from './action-props';
import { actionsMessages } from './actions.messages';
import { useSubmission } from '../../use-submission';

export function DenyAction({ detail, done }: ActionProps) {
  const m = useMessages(actionsMessages);
  const fieldMessages = useMessages(denyFieldsMessages);
  const call = useConsoleCall();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<DenyDraft>(EMPTY_DENIAL);
  const { busy, problems, failure, submit, reset } = useSubmission({ reason: 'deny-reason', message: 'deny-message' });
  const deny = async () => {
    const { reason } = draft;
    await submit(denyProblems(draft, 'deny', fieldMessages), async () => {
      // denyProblems names a missing reason; this only tells the compiler.
      if (!reason) {
        return;
      }
      await call(api.POST('/api/v1/console/requests/{id}/deny', { params: { path: { id: detail.request.id } }, body: { reason, message: draft.message.trim() } }));
      setOpen(false);
      await done(m.deny.denied);
    });
  };
  return (
    <>
      <button
        type="button"
        className="danger"
        onClick={() => {
          setDraft(EMPTY_DENIAL);
          reset();
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
