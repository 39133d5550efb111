import { useState } from 'react';
import { OFFICER_ROLES } from '@rightsdesk/domain';
import { Dialog } from '../../components/dialog';
import { useMessages } from '../../i18n/locale';
import type { OfficerRoleName, OfficerView } from './admin-types';
import { officersMessages } from './officers.messages';

export function OfficerRoleDialog({ officer, busy, onSave, onClose }: { officer: OfficerView | null; busy: boolean; onSave(role: OfficerRoleName): void; onClose(): void }) {
  const m = useMessages(officersMessages);
  const [role, setRole] = useState<OfficerRoleName>(officer?.role ?? 'officer');
  return (
    <Dialog open={officer !== null} title={officer ? m.roleDialog.title(officer.displayName) : ''} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onSave(role);
        }}
      >
        <fieldset className="field">
          <legend>{m.roleDialog.role}</legend>
          <p className="hint">{m.roleDialog.hint}</p>
          {OFFICER_ROLES.map((r) => (
            <div className="choice" key={r}>
              <input type="radio" id={`role-${r}`} name="officer-role-choice" value={r} checked={role === r} onChange={() => setRole(r)} />
              <label htmlFor={`role-${r}`}>{m.roleDescriptions[r]}</label>
            </div>
          ))}
        </fieldset>
        <div className="actions dialog-actions">
          <button type="button" className="secondary" onClick={onClose}>
            {m.roleDialog.cancel}
          </button>
          <button type="submit" disabled={busy}>
            {m.roleDialog.save}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
