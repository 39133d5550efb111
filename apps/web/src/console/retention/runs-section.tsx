import { type FormEvent, useState } from 'react';
import { api } from '../../api/client';
import { Loading, Notice, ProblemNotice } from '../../components/feedback';
import { Field, Select } from '../../components/form';
import { formatDateTime, useLocale, useMessages } from '../../i18n/locale';
import { useRouter } from '../../routing/router';
import { useConsoleCall } from '../use-console-call';
import { useLoad } from '../use-load';
import { retentionMessages } from './retention.messages';
import { isActiveRun, type RetentionRun } from './retention-types';
import { formatCount, RuleId, RunStatusBadge } from './retention-words';

const PAGE_SIZE = 20;

export type RunAction = 'pause' | 'resume' | 'cancel';

interface RunsSectionProps {
  ruleIds: string[];
  admin: boolean;
  busy: boolean;
  /** Changes after every action, so the list shows what the action did. */
  refreshKey: number;
  onRefresh(): void;
  onAction(run: RetentionRun, action: RunAction): void;
}

export function retentionHref(rule: string): string {
  return rule ? `/console/retention?rule=${encodeURIComponent(rule)}` : '/console/retention';
}

// The record of runs, newest first, optionally of one rule (kept in the URL so it can be shared);
// older runs a page at a time. Admins pause, resume and cancel the active ones.
export function RunsSection({ ruleIds, admin, busy, refreshKey, onRefresh, onAction }: RunsSectionProps) {
  const m = useMessages(retentionMessages);
  const { location, navigate } = useRouter();
  const rule = location.query.get('rule') ?? '';
  return (
    <section aria-labelledby="retention-runs-heading" className="retention-runs">
      <h2 id="retention-runs-heading">{m.runs.heading}</h2>
      <RunsFilter key={rule} rule={rule} ruleIds={ruleIds} onApply={(next) => navigate(retentionHref(next))} />
      <div className="actions">
        <button type="button" className="secondary" onClick={onRefresh}>
          {m.runs.refresh}
        </button>
      </div>
      <RunsList key={`${rule}\n${refreshKey}`} rule={rule} admin={admin} busy={busy} onAction={onAction} />
    </section>
  );
}

function RunsFilter({ rule, ruleIds, onApply }: { rule: string; ruleIds: string[]; onApply(rule: string): void }) {
  const m = useMessages(retentionMessages);
  const [draft, setDraft] = useState(rule);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  return (
    <form className="filters retention-runs-filter" onSubmit={submit} aria-labelledby="retention-runs-filter-title">
      <h3 id="retention-runs-filter-title">{m.runs.filterHeading}</h3>
      <Field id="retention-runs-rule" label={m.runs.rule}>
        {(describedBy) => (
          <Select id="retention-runs-rule" value={draft} onChange={(e) => setDraft(e.target.value)} aria-describedby={describedBy}>
            <option value="">{m.runs.allRules}</option>
            {ruleIds.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
            {draft && !ruleIds.includes(draft) ? <option value={draft}>{draft}</option> : null}
          </Select>
        )}
      </Field>
      <div className="actions">
        <button type="submit">{m.runs.show}</button>
      </div>
    </form>
  );
}

function RunsList({ rule, admin, busy, onAction }: { rule: string; admin: boolean; busy: boolean; onAction(run: RetentionRun, action: RunAction): void }) {
  const m = useMessages(retentionMessages);
  const { locale } = useLocale();
  const call = useConsoleCall();
  const page = (before?: string) =>
    call(api.GET('/api/v1/console/retention/runs', { params: { query: { ...(rule ? { ruleId: rule } : {}), ...(before ? { before } : {}), limit: PAGE_SIZE } } })).then(
      (answer) => answer.runs,
    );
  const { state } = useLoad(() => page(), rule);
  const [older, setOlder] = useState<RetentionRun[]>([]);
  // Null until "load more" was used; then whether the last page came back short.
  const [exhausted, setExhausted] = useState<boolean | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);

  if (state.status === 'loading') {
    return <Loading />;
  }
  if (state.status === 'error') {
    return <ProblemNotice error={state.error} />;
  }
  const runs = [...state.data, ...older.filter((run) => !state.data.some((first) => first.id === run.id))];
  if (runs.length === 0) {
    return <Notice>{m.runs.none}</Notice>;
  }
  const lastPageFull = exhausted === null ? state.data.length === PAGE_SIZE : !exhausted;
  const loadMore = async () => {
    setLoadingMore(true);
    setMoreError(null);
    try {
      const next = await page(runs[runs.length - 1].startedAt);
      setOlder((current) => [...current, ...next]);
      setExhausted(next.length < PAGE_SIZE);
    } catch (error) {
      setMoreError(error);
    } finally {
      setLoadingMore(false);
    }
  };
  const caption = m.runs.caption(rule || null);
  const button = (run: RetentionRun, action: RunAction, label: string) => (
    <button type="button" className={action === 'cancel' ? 'danger' : 'secondary'} disabled={busy} onClick={() => onAction(run, action)}>
      {label}
      <span className="visually-hidden">{m.runs.forRun(run.ruleId, formatDateTime(run.startedAt, locale))}</span>
    </button>
  );
  return (
    <>
      <div className="table-scroll" tabIndex={0} role="group" aria-label={caption}>
        <table className="retention-runs-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{m.runs.rule}</th>
              <th scope="col">{m.runs.status}</th>
              <th scope="col">{m.runs.trigger}</th>
              <th scope="col" className="numeric">
                {m.runs.rows}
              </th>
              <th scope="col" className="numeric">
                {m.runs.batches}
              </th>
              <th scope="col" className="numeric">
                {m.runs.errors}
              </th>
              <th scope="col">{m.runs.lastError}</th>
              <th scope="col">{m.runs.started}</th>
              <th scope="col">{m.runs.finished}</th>
              {admin ? <th scope="col">{m.runs.actions}</th> : null}
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => (
              <tr key={run.id} data-run={run.id} data-rule={run.ruleId}>
                <th scope="row">
                  <RuleId id={run.ruleId} />
                </th>
                <td className="retention-run-status">
                  <RunStatusBadge m={m} status={run.status} />
                </td>
                <td>{m.runs.triggers[run.trigger]}</td>
                <td className="numeric">{formatCount(run.rowsAffected, locale)}</td>
                <td className="numeric">{formatCount(run.batches, locale)}</td>
                <td className="numeric">{formatCount(run.errors, locale)}</td>
                <td className="pre-wrap">{run.lastError ?? ''}</td>
                <td>
                  <time dateTime={run.startedAt} className="nowrap">
                    {formatDateTime(run.startedAt, locale)}
                  </time>
                </td>
                <td>
                  {run.finishedAt ? (
                    <time dateTime={run.finishedAt} className="nowrap">
                      {formatDateTime(run.finishedAt, locale)}
                    </time>
                  ) : (
                    m.runs.notFinished
                  )}
                </td>
                {admin ? (
                  <td>
                    {isActiveRun(run) ? (
                      <div className="row-actions">
                        {run.status === 'running' ? button(run, 'pause', m.runs.pause) : button(run, 'resume', m.runs.resume)}
                        {button(run, 'cancel', m.runs.cancel)}
                      </div>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {moreError ? <ProblemNotice error={moreError} /> : null}
      <div className="pagination">
        {lastPageFull ? (
          <button type="button" className="secondary" disabled={loadingMore} onClick={() => void loadMore()}>
            {m.runs.loadMore}
          </button>
        ) : (
          <p className="hint">{m.runs.allShown}</p>
        )}
      </div>
    </>
  );
}
