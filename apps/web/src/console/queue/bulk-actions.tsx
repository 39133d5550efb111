import { useState } from 'react';
import { api } from '../../api/client';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ProblemNotice } from '../../components/feedback';
import { ErrorSummary, Field, type FieldProblem, Select } from '../../components/form';
import { useMessages } from '../../i18n/locale';
import type { Assignee, BulkResult, QueueItem } from '../console-api-types';
import { denyFieldsMessages } from '../deny-fields.messages';
import { DenyFields, type DenyDraft, denyProblems, EMPTY_DENIAL } from '../deny-fields';
import { useConsoleCall } from '../use-console-call';
import { queueMessages } from './queue.messages';

type BulkAction = 'approve' | 'deny' | 'assign';

interface BulkActionsProps {
  selected: QueueItem[];
  assignees: Assignee[];
  onDone(results: BulkResult[]): void;
}

// Approve, deny or assign the selected requests in one call; the api decides each on its own (four
// eyes included) and answers one result per request, which the page lists.
export function BulkActions({ selected, assignees, onDone }: BulkActionsProps) {
  const m = useMessages(queueMessages).bulk;
  const denyMessages = useMessages(denyFieldsMessages);
  const call = useConsoleCall();
  const [open, setOpen] = useState<BulkAction | null>(null);
  const [denial, setDenial] = useState<DenyDraft>(EMPTY_DENIAL);
  const [assignee, setAssignee] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const ids = selected.map((item) => item.id);

  const openDialog = (action: BulkAction) => {
    setDenial(EMPTY_DENIAL);
    setAssignee(assignees[0]?.id ?? '');
    setProblems([]);
    setFailure(null);
    setOpen(action);
  };

  const run = async () => {
    if (open === 'deny') {
      const found = denyProblems(denial, 'bulk-deny', denyMessages);
      setProblems(found);
      if (found.length > 0) {
        return;
      }
    }
    setBusy(true);
    setFailure(null);
    try {
      const body =
        open === 'deny' && denial.reason
          ? { action: 'deny' as const, requestIds: ids, reason: denial.reason, message: denial.message.trim() }
          : open === 'assign'
            ? { action: 'assign' as const, requestIds: ids, officerId: assignee === '' ? null : assignee }
            : { action: 'approve' as const, requestIds: ids };
      const { results } = await call(api.POST('/api/v1/console/requests/bulk', { body }));
      setOpen(null);
      onDone(results);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const references = (
    <>
      <p className="dialog-subtitle">{m.references}</p>
      <ul className="reference-list">
        {selected.map((item) => (
          <li key={item.id}>{item.reference}</li>
        ))}
      </ul>
    </>
  );

  return (
    <div className="bulk-bar" role="group" aria-label={m.label}>
      <p className="bulk-count" aria-live="polite">
        {m.selected(selected.length)}
      </p>
      <button type="button" className="secondary" disabled={selected.length === 0} onClick={() => openDialog('approve')}>
        {m.approve}
      </button>
      <button type="button" className="secondary" disabled={selected.length === 0} onClick={() => openDialog('deny')}>
        {m.deny}
      </button>
      <button type="button" className="secondary" disabled={selected.length === 0} onClick={() => openDialog('assign')}>
        {m.assign}
      </button>

      <ConfirmDialog open={open === 'approve'} title={m.approveTitle(ids.length)} confirmLabel={m.approveConfirm} cancelLabel={m.cancel} busy={busy} onConfirm={() => void run()} onClose={() => setOpen(null)}>
        {failure ? <ProblemNotice error={failure} /> : null}
        <p>{m.approveBody}</p>
        <p>{m.approveFourEyes}</p>
        {references}
      </ConfirmDialog>

      <ConfirmDialog open={open === 'deny'} title={m.denyTitle(ids.length)} confirmLabel={m.denyConfirm} cancelLabel={m.cancel} danger busy={busy} onConfirm={() => void run()} onClose={() => setOpen(null)}>
        {failure ? <ProblemNotice error={failure} /> : null}
        <ErrorSummary problems={problems} />
        <p>{m.denyBody}</p>
        {references}
        <DenyFields idPrefix="bulk-deny" draft={denial} problems={problems} onChange={setDenial} />
      </ConfirmDialog>

      <ConfirmDialog open={open === 'assign'} title={m.assignTitle(ids.length)} confirmLabel={m.assignConfirm} cancelLabel={m.cancel} busy={busy} onConfirm={() => void run()} onClose={() => setOpen(null)}>
        {failure ? <ProblemNotice error={failure} /> : null}
        {references}
        <Field id="bulk-assignee" label={m.assignTo} required>
          {() => (
            <Select id="bulk-assignee" value={assignee} onChange={(e) => setAssignee(e.target.value)}>
              {assignees.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.displayName}
                </option>
              ))}
              <option value="">{m.unassign}</option>
            </Select>
          )}
        </Field>
      </ConfirmDialog>
    </div>
  );
}
