import { useState } from 'react';
import { api } from '../../../api/client';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { Notice, ProblemNotice } from '../../../components/feedback';
import { useMessages } from '../../../i18n/locale';
import type { ErasurePlan } from '../../console-api-types';
import { useOfficer } from '../../session';
import { useConsoleCall } from '../../use-console-call';
import { type Loaded } from '../../use-load';
import type { ActionProps } from './action-props';
import { actionsMessages } from './actions.messages';
import { useSubmission } from '../../use-submission';
import { ErasurePlanView } from './erasure-plan-view';

/**
 * Approve, in a dialog that says what will happen. Erasures and child data removals show the dry
 * run's counts first and say when the approval is only a four-eyes proposal; the officer who
 * proposed sees that someone else must approve instead of a button the api would refuse.
 */
export function ApproveAction({ detail, done }: ActionProps) {
  const m = useMessages(actionsMessages);
  const officer = useOfficer();
  const call = useConsoleCall();
  const [open, setOpen] = useState(false);
  const [plan, setPlan] = useState<Loaded<ErasurePlan>>({ status: 'loading' });
  const { busy, failure, submit, reset } = useSubmission();
  const { request, approvalProposal, fourEyes } = detail;
  const erases = request.type === 'erasure' || request.type === 'child_data_removal';
  const proposal = approvalProposal;
  const proposedByMe = proposal?.by?.id === officer.id;
  const firstOfTwo = fourEyes && !proposal;

  if (proposedByMe) {
    return <Notice tone="info">{m.approve.waitingForOther}</Notice>;
  }

  const openDialog = () => {
    reset();
    setOpen(true);
    if (erases) {
      setPlan({ status: 'loading' });
      call(api.GET('/api/v1/console/requests/{id}/erasure-plan', { params: { path: { id: request.id } } }))
        .then((data) => setPlan({ status: 'ready', data }))
        .catch((error: unknown) => setPlan({ status: 'error', error }));
    }
  };
  const approve = () =>
    submit([], async () => {
      const answer = await call(api.POST('/api/v1/console/requests/{id}/approve', { params: { path: { id: request.id } } }));
      setOpen(false);
      await done(answer.outcome === 'proposed' ? m.approve.proposed : m.approve.approved);
    });
  const confirmLabel = firstOfTwo ? m.approve.confirmPropose : erases ? m.approve.confirmErase : m.approve.confirm;
  return (
    <>
      <button type="button" onClick={openDialog}>
        {m.approve.open}
      </button>
      <ConfirmDialog open={open} title={m.approve.title} confirmLabel={confirmLabel} cancelLabel={m.cancel} danger={erases && !firstOfTwo} busy={busy} onConfirm={() => void approve()} onClose={() => setOpen(false)}>
        {failure ? <ProblemNotice error={failure} /> : null}
        <p>{m.approve.what[request.type]}</p>
        {firstOfTwo ? <Notice tone="info">{m.approve.fourEyesFirst}</Notice> : null}
        {proposal ? <Notice tone="info">{m.approve.fourEyesSecond(proposal.by?.displayName ?? '—')}</Notice> : null}
        {erases ? (
          <>
            <ErasurePlanView plan={plan} />
            <p>
              <strong>{m.approve.irreversible}</strong>
            </p>
          </>
        ) : null}
      </ConfirmDialog>
    </>
  );
}
