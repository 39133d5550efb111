import { type FormEvent, useState } from 'react';
import { isCalendarDate, isRegimeId, isRequestType, REGIMES, REQUEST_TYPES } from '@rightsdesk/domain';
import { ErrorSummary, Field, type FieldProblem, Select, TextInput } from '../../components/form';
import { useMessages } from '../../i18n/locale';
import { Link } from '../../routing/router';
import type { Assignee } from '../console-api-types';
import { requestVocabulary } from '../request-vocabulary.messages';
import { queueMessages } from './queue.messages';
import { firstPage, queueHref, type QueueView } from './queue-view';

interface QueueFiltersProps {
  view: QueueView;
  assignees: Assignee[];
  onApply(view: QueueView): void;
}

// One form for search, filters and sort, applied together: each change becomes a new URL (and a
// step the back button can undo). The page remounts it when the URL changes, so it always shows
// the view on screen.
export function QueueFilters({ view, assignees, onApply }: QueueFiltersProps) {
  const m = useMessages(queueMessages).filters;
  const words = useMessages(requestVocabulary);
  const [draft, setDraft] = useState({
    q: view.q ?? '',
    type: view.type ?? '',
    regime: view.regime ?? '',
    assignee: view.assignee ?? '',
    verified: view.verified === undefined ? '' : String(view.verified),
    overdue: view.overdue,
    onHold: view.onHold,
    dueBefore: view.dueBefore ?? '',
    sort: view.sort,
  });
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const set = <K extends keyof typeof draft>(key: K, value: (typeof draft)[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.dueBefore && !isCalendarDate(draft.dueBefore)) {
      setProblems([{ id: 'filter-due-before', message: m.invalidDate }]);
      return;
    }
    setProblems([]);
    onApply(
      firstPage({
        ...view,
        q: draft.q.trim() || undefined,
        type: isRequestType(draft.type) ? draft.type : undefined,
        regime: isRegimeId(draft.regime) ? draft.regime : undefined,
        assignee: draft.assignee || undefined,
        verified: draft.verified === '' ? undefined : draft.verified === 'true',
        overdue: draft.overdue,
        onHold: draft.onHold,
        dueBefore: draft.dueBefore || undefined,
        sort: draft.sort,
      }),
    );
  };

  const cleared = firstPage({ tab: view.tab, sort: 'due', overdue: false, onHold: false, back: [] });
  return (
    <section aria-labelledby="queue-filters-title" className="queue-filters">
      <h2 id="queue-filters-title" className="visually-hidden">
        {m.heading}
      </h2>
      <ErrorSummary problems={problems} />
      <form role="search" aria-label={m.heading} noValidate onSubmit={submit}>
        <div className="filter-search">
          <Field id="filter-q" label={m.search} hint={m.searchHint} required>
            {(describedBy) => (
              <TextInput id="filter-q" type="search" name="q" value={draft.q} spellCheck={false} onChange={(e) => set('q', e.target.value)} aria-describedby={describedBy} />
            )}
          </Field>
        </div>
        <div className="filter-grid">
          <Field id="filter-type" label={m.type} required>
            {() => (
              <Select id="filter-type" value={draft.type} onChange={(e) => set('type', e.target.value)}>
                <option value="">{m.anyType}</option>
                {REQUEST_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {words.typesShort[type]}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field id="filter-regime" label={m.regime} required>
            {() => (
              <Select id="filter-regime" value={draft.regime} onChange={(e) => set('regime', e.target.value)}>
                <option value="">{m.anyRegime}</option>
                {REGIMES.map((regime) => (
                  <option key={regime} value={regime}>
                    {words.regimes[regime]}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field id="filter-assignee" label={m.assignee} required>
            {() => (
              <Select id="filter-assignee" value={draft.assignee} onChange={(e) => set('assignee', e.target.value)}>
                <option value="">{m.anyone}</option>
                <option value="me">{m.me}</option>
                <option value="none">{m.unassigned}</option>
                {assignees.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.displayName}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field id="filter-verified" label={m.verified} required>
            {() => (
              <Select id="filter-verified" value={draft.verified} onChange={(e) => set('verified', e.target.value)}>
                <option value="">{m.verifiedAny}</option>
                <option value="true">{m.verifiedYes}</option>
                <option value="false">{m.verifiedNo}</option>
              </Select>
            )}
          </Field>
          <Field id="filter-due-before" label={m.dueBefore} hint={m.dueBeforeHint} required error={problems[0]?.message}>
            {(describedBy, invalid) => (
              <TextInput id="filter-due-before" type="date" value={draft.dueBefore} onChange={(e) => set('dueBefore', e.target.value)} aria-describedby={describedBy} invalid={invalid} />
            )}
          </Field>
          <Field id="filter-sort" label={m.sort} required>
            {() => (
              <Select id="filter-sort" value={draft.sort} onChange={(e) => set('sort', e.target.value === 'received' ? 'received' : 'due')}>
                <option value="due">{m.sortDue}</option>
                <option value="received">{m.sortReceived}</option>
              </Select>
            )}
          </Field>
        </div>
        <div className="filter-checks">
          <div className="choice">
            <input id="filter-overdue" type="checkbox" checked={draft.overdue} onChange={(e) => set('overdue', e.target.checked)} />
            <label htmlFor="filter-overdue">{m.overdue}</label>
          </div>
          <div className="choice">
            <input id="filter-on-hold" type="checkbox" checked={draft.onHold} onChange={(e) => set('onHold', e.target.checked)} />
            <label htmlFor="filter-on-hold">{m.onHold}</label>
          </div>
        </div>
        <div className="actions">
          <button type="submit">{m.apply}</button>
          <Link to={queueHref(cleared)} className="button secondary">
            {m.clear}
          </Link>
        </div>
      </form>
    </section>
  );
}
