import { type FormEvent, useState } from 'react';
import { isUuid } from '@rightsdesk/domain';
import { ErrorSummary, Field, type FieldProblem, Select, TextInput } from '../../components/form';
import { useMessages } from '../../i18n/locale';
import { Link } from '../../routing/router';
import type { Assignee } from '../console-api-types';
import { requestVocabulary } from '../request-vocabulary.messages';
import { auditMessages } from './audit.messages';
import type { AuditView } from './audit-view';

interface AuditFiltersProps {
  view: AuditView;
  assignees: Assignee[];
  /** Field errors the api answered for the current URL (a 422), shown like the form's own. */
  serverProblems: FieldProblem[];
  onApply(view: AuditView): void;
}

// Filters are a form that writes the URL; the page reads it. Paging starts again on every change.
export function AuditFilters({ view, assignees, serverProblems, onApply }: AuditFiltersProps) {
  const m = useMessages(auditMessages);
  const words = useMessages(requestVocabulary);
  const [draft, setDraft] = useState(view);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const shown = problems.length > 0 ? problems : serverProblems;
  const errorFor = (id: string) => shown.find((p) => p.id === id)?.message;
  const actions = Object.entries({ ...words.actions, ...m.accountActions }).sort((a, b) => a[1].localeCompare(b[1]));
  const knownActor = draft.actorId === '' || draft.actorId === 'cli' || assignees.some((a) => a.id === draft.actorId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldProblem[] = [];
    if (draft.requestId.trim() && !isUuid(draft.requestId.trim())) {
      found.push({ id: 'audit-request-id', message: m.filters.requestIdInvalid });
    }
    if (draft.from && draft.to && draft.to < draft.from) {
      found.push({ id: 'audit-to', message: m.filters.toBeforeFrom });
    }
    setProblems(found);
    if (found.length === 0) {
      onApply({ ...draft, requestId: draft.requestId.trim(), cursor: '' });
    }
  };
  const set = (key: keyof AuditView) => (value: string) => setDraft((current) => ({ ...current, [key]: value }));

  return (
    <form className="filters audit-filters" onSubmit={submit} noValidate aria-labelledby="audit-filters-title">
      <h2 id="audit-filters-title">{m.filters.heading}</h2>
      <ErrorSummary problems={shown} />
      <div className="filter-grid">
        <Field id="audit-request-id" label={m.filters.requestId} hint={m.filters.requestIdHint} error={errorFor('audit-request-id')}>
          {(describedBy, invalid) => (
            <TextInput id="audit-request-id" type="text" value={draft.requestId} onChange={(e) => set('requestId')(e.target.value)} aria-describedby={describedBy} invalid={invalid} spellCheck={false} autoComplete="off" />
          )}
        </Field>
        <Field id="audit-action" label={m.filters.action}>
          {(describedBy) => (
            <Select id="audit-action" value={draft.action} onChange={(e) => set('action')(e.target.value)} aria-describedby={describedBy}>
              <option value="">{m.filters.anyAction}</option>
              {actions.map(([code, label]) => (
                <option key={code} value={code}>
                  {label}
                </option>
              ))}
              {draft.action && !actions.some(([code]) => code === draft.action) ? <option value={draft.action}>{draft.action}</option> : null}
            </Select>
          )}
        </Field>
        <Field id="audit-actor" label={m.filters.actor} hint={m.filters.actorHint}>
          {(describedBy) => (
            <Select id="audit-actor" value={draft.actorId} onChange={(e) => set('actorId')(e.target.value)} aria-describedby={describedBy}>
              <option value="">{m.filters.anyActor}</option>
              {assignees.map((assignee) => (
                <option key={assignee.id} value={assignee.id}>
                  {assignee.displayName}
                </option>
              ))}
              <option value="cli">{words.actors.cli}</option>
              {knownActor ? null : <option value={draft.actorId}>{draft.actorId}</option>}
            </Select>
          )}
        </Field>
        <Field id="audit-from" label={m.filters.from} error={errorFor('audit-from')}>
          {(describedBy, invalid) => <TextInput id="audit-from" type="date" value={draft.from} onChange={(e) => set('from')(e.target.value)} aria-describedby={describedBy} invalid={invalid} />}
        </Field>
        <Field id="audit-to" label={m.filters.to} error={errorFor('audit-to')}>
          {(describedBy, invalid) => <TextInput id="audit-to" type="date" value={draft.to} onChange={(e) => set('to')(e.target.value)} aria-describedby={describedBy} invalid={invalid} />}
        </Field>
      </div>
      <div className="actions">
        <button type="submit">{m.filters.apply}</button>
        <Link to="/console/audit" className="button secondary">
          {m.filters.clear}
        </Link>
      </div>
    </form>
  );
}
