import { useState } from 'react';
import { api, ApiError } from '../../api/client';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Loading, Notice, ProblemNotice } from '../../components/feedback';
import { ShownOnce } from '../../components/shown-once';
import { useMessages } from '../../i18n/locale';
import { ConsolePage } from '../console-layout';
import { consoleShellMessages } from '../console.messages';
import { useOfficer } from '../session';
import { useConsoleCall } from '../use-console-call';
import { useLoad } from '../use-load';
import type { OfficerRoleName, OfficerView } from './admin-types';
import { OfficerCreateForm } from './officer-create-form';
import { OfficerRoleDialog } from './officer-role-dialog';
import { type OfficerAction, OfficersTable } from './officers-table';
import { officersMessages } from './officers.messages';

type Outcome = { kind: 'password'; label: string; password: string } | { kind: 'done'; text: string } | { kind: 'error'; error: unknown };

// Officer accounts (admins only): list, add (password shown once), change role, disable or enable,
// reset the password (shown once), unlock. The api refuses to leave the console without an admin.
export function OfficersPage() {
  const m = useMessages(officersMessages);
  const shell = useMessages(consoleShellMessages);
  const self = useOfficer();
  const call = useConsoleCall();
  const { state, reload } = useLoad(async () => (await call(api.GET('/api/v1/console/officers'))).officers, 'officers');
  const [pending, setPending] = useState<{ officer: OfficerView; action: 'role' | 'disable' | 'reset' } | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  // The outcome appears above the table as a status message (announced); focus goes back to the
  // button that opened the dialog, so a keyboard user stays where they were.
  const act = async (run: () => Promise<Outcome>) => {
    setBusy(true);
    try {
      setOutcome(await run());
    } catch (error) {
      setOutcome({ kind: 'error', error });
    } finally {
      setBusy(false);
      setPending(null);
      void reload();
    }
  };
  const patch = (officer: OfficerView, body: { role?: OfficerRoleName; disabled?: boolean }, text: string) =>
    act(async () => {
      await call(api.PATCH('/api/v1/console/officers/{id}', { params: { path: { id: officer.id } }, body }));
      return { kind: 'done', text };
    });
  const onAction = (officer: OfficerView, action: OfficerAction) => {
    switch (action) {
      case 'enable':
        void patch(officer, { disabled: false }, m.done.enabled(officer.displayName));
        return;
      case 'unlock':
        void act(async () => {
          await call(api.POST('/api/v1/console/officers/{id}/unlock', { params: { path: { id: officer.id } } }));
          return { kind: 'done', text: m.done.unlocked(officer.displayName) };
        });
        return;
      default:
        setPending({ officer, action });
    }
  };

  return (
    <ConsolePage title={m.title}>
      <p>{m.intro}</p>
      <div id="officers-outcome" tabIndex={-1}>
        {outcome?.kind === 'password' ? <ShownOnce label={outcome.label} value={outcome.password} hint={m.shownOnce.hint} copyLabel={m.shownOnce.copy} copiedLabel={m.shownOnce.copied} /> : null}
        {outcome?.kind === 'done' ? <Notice tone="success">{outcome.text}</Notice> : null}
        {outcome?.kind === 'error' ? (
          outcome.error instanceof ApiError && outcome.error.code === 'conflict' ? <Notice tone="error">{m.lastAdmin}</Notice> : <ProblemNotice error={outcome.error} />
        ) : null}
      </div>
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'error' ? <ProblemNotice error={state.error} /> : null}
      {state.status === 'ready' ? <OfficersTable officers={state.data} selfId={self.id} busy={busy} onAction={onAction} /> : null}
      <OfficerCreateForm
        onCreated={(officer, password) => {
          setOutcome({ kind: 'password', label: m.shownOnce.createdLabel(officer.displayName), password });
          void reload();
          document.getElementById('officers-outcome')?.scrollIntoView();
          document.getElementById('officers-outcome')?.focus();
        }}
      />
      <OfficerRoleDialog
        key={pending?.action === 'role' ? pending.officer.id : 'none'}
        officer={pending?.action === 'role' ? pending.officer : null}
        busy={busy}
        onClose={() => setPending(null)}
        onSave={(role) => {
          if (pending) {
            void patch(pending.officer, { role }, m.done.role(pending.officer.displayName, shell.roles[role]));
          }
        }}
      />
      <ConfirmDialog
        open={pending?.action === 'disable'}
        title={pending ? m.disableDialog.title(pending.officer.displayName) : ''}
        confirmLabel={m.disableDialog.confirm}
        cancelLabel={m.disableDialog.cancel}
        danger
        busy={busy}
        onClose={() => setPending(null)}
        onConfirm={() => {
          if (pending) {
            void patch(pending.officer, { disabled: true }, m.done.disabled(pending.officer.displayName));
          }
        }}
      >
        <p>{m.disableDialog.body}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={pending?.action === 'reset'}
        title={pending ? m.resetDialog.title(pending.officer.displayName) : ''}
        confirmLabel={m.resetDialog.confirm}
        cancelLabel={m.resetDialog.cancel}
        busy={busy}
        onClose={() => setPending(null)}
        onConfirm={() => {
          const target = pending?.officer;
          if (target) {
            void act(async () => {
              const { password } = await call(api.POST('/api/v1/console/officers/{id}/password-reset', { params: { path: { id: target.id } } }));
              return { kind: 'password', label: m.shownOnce.resetLabel(target.displayName), password };
            });
          }
        }}
      >
        <p>{m.resetDialog.body}</p>
      </ConfirmDialog>
    </ConsolePage>
  );
}
