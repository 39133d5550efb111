import { Badge } from '../../components/badge';
import { formatDateTime, useLocale, useMessages } from '../../i18n/locale';
import { consoleShellMessages } from '../console.messages';
import type { OfficerView } from './admin-types';
import { officersMessages } from './officers.messages';

export type OfficerAction = 'role' | 'disable' | 'enable' | 'reset' | 'unlock';

interface OfficersTableProps {
  officers: OfficerView[];
  selfId: string;
  busy: boolean;
  onAction(officer: OfficerView, action: OfficerAction): void;
}

export function OfficersTable({ officers, selfId, busy, onAction }: OfficersTableProps) {
  const m = useMessages(officersMessages);
  const shell = useMessages(consoleShellMessages);
  const { locale } = useLocale();
  // Every button says whose account it acts on, for screen readers listing buttons out of context.
  const button = (officer: OfficerView, action: OfficerAction, label: string, className = 'secondary') => (
    <button type="button" className={className} disabled={busy} onClick={() => onAction(officer, action)}>
      {label}
      <span className="visually-hidden">{m.actions.forOfficer(officer.displayName)}</span>
    </button>
  );
  return (
    <div className="table-scroll" tabIndex={0} role="group" aria-label={m.table.caption}>
      <table className="officers-table">
        <caption>{m.table.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{m.table.name}</th>
            <th scope="col">{m.table.email}</th>
            <th scope="col">{m.table.role}</th>
            <th scope="col">{m.table.secondFactor}</th>
            <th scope="col">{m.table.status}</th>
            <th scope="col">{m.table.lastSignIn}</th>
            <th scope="col">{m.table.actions}</th>
          </tr>
        </thead>
        <tbody>
          {officers.map((officer) => (
            <tr key={officer.id} data-officer={officer.email}>
              <th scope="row">
                {officer.displayName} {officer.id === selfId ? <span className="hint-inline">{m.table.you}</span> : null}
              </th>
              <td>{officer.email}</td>
              <td>{shell.roles[officer.role]}</td>
              <td>{officer.totpEnabled ? m.table.on : m.table.off}</td>
              <td>
                {officer.disabled ? (
                  <Badge tone="neutral">{m.table.disabled}</Badge>
                ) : officer.locked ? (
                  <Badge tone="danger">{m.table.locked}</Badge>
                ) : (
                  <Badge tone="success">{m.table.active}</Badge>
                )}
              </td>
              <td>{officer.lastLoginAt ? formatDateTime(officer.lastLoginAt, locale) : m.table.never}</td>
              <td>
                <div className="row-actions">
                  {button(officer, 'role', m.actions.changeRole)}
                  {officer.disabled ? button(officer, 'enable', m.actions.enable) : button(officer, 'disable', m.actions.disable)}
                  {button(officer, 'reset', m.actions.resetPassword)}
                  {officer.locked ? button(officer, 'unlock', m.actions.unlock) : null}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
