import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { Loading, ProblemNotice } from '../../components/feedback';
import { useMessages } from '../../i18n/locale';
import { Link, useRouter } from '../../routing/router';
import { ConsolePage } from '../console-layout';
import type { BulkResult, QueueAnswer } from '../console-api-types';
import { useOfficer } from '../session';
import { useAssignees } from '../use-assignees';
import { useConsoleCall } from '../use-console-call';
import { useLoad } from '../use-load';
import { BulkActions } from './bulk-actions';
import { BulkResults } from './bulk-results';
import { QueueFilters } from './queue-filters';
import { QueueTabs } from './queue-tabs';
import { QueueTable } from './queue-table';
import { queueMessages } from './queue.messages';
import { apiQuery, nextPage, previousPage, queueHref, readQueueView } from './queue-view';

const PAGE_SIZE = 25;

// The triage queue. Everything on screen follows from the URL: the tab, filters, sort and page.
export function QueuePage() {
  const m = useMessages(queueMessages);
  const officer = useOfficer();
  const { location, navigate } = useRouter();
  const call = useConsoleCall();
  const search = location.query.toString();
  const view = readQueueView(location.query);
  const assignees = useAssignees();
  const { state, reload } = useLoad<QueueAnswer>(
    () => call(api.GET('/api/v1/console/requests', { params: { query: apiQuery(view, PAGE_SIZE) } })),
    search,
  );
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [results, setResults] = useState<{ results: BulkResult[]; references: ReadonlyMap<string, string> } | null>(null);
  useEffect(() => {
    setSelected(new Set());
  }, [search]);

  const acting = officer.role !== 'auditor';
  const items = state.status === 'ready' ? state.data.items : [];
  const sortLabel = view.sort === 'due' ? m.filters.sortDue : m.filters.sortReceived;
  const pageNumber = view.back.length + 1;

  return (
    <ConsolePage title={m.title}>
      <QueueFilters key={search} view={view} assignees={assignees.status === 'ready' ? assignees.data : []} onApply={(next) => navigate(queueHref(next))} />
      <QueueTabs view={view} counts={state.status === 'ready' ? state.data.counts : null} />
      {results ? <BulkResults results={results.results} references={results.references} onDismiss={() => setResults(null)} /> : null}
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'error' ? <ProblemNotice error={state.error} /> : null}
      {state.status === 'ready' ? (
        <>
          {acting && items.length > 0 ? (
            <BulkActions
              selected={items.filter((item) => selected.has(item.id))}
              assignees={assignees.status === 'ready' ? assignees.data : []}
              onDone={(answer) => {
                setResults({ results: answer, references: new Map(items.map((item) => [item.id, item.reference])) });
                setSelected(new Set());
                void reload();
              }}
            />
          ) : null}
          <QueueTable
            caption={`${m.table.caption(m.tabs[view.tab], sortLabel)} — ${m.pages.page(pageNumber)}`}
            items={items}
            selection={
              acting
                ? {
                    selected,
                    toggle: (id, on) =>
                      setSelected((current) => {
                        const next = new Set(current);
                        if (on) {
                          next.add(id);
                        } else {
                          next.delete(id);
                        }
                        return next;
                      }),
                    toggleAll: (on) => setSelected(on ? new Set(items.map((item) => item.id)) : new Set()),
                  }
                : null
            }
          />
          {view.back.length > 0 || state.data.nextCursor ? (
            <nav aria-label={m.pages.label} className="pagination">
              {view.back.length > 0 ? (
                <Link to={queueHref(previousPage(view))} rel="prev">
                  {m.pages.previous}
                </Link>
              ) : null}
              <span>{m.pages.page(pageNumber)}</span>
              {state.data.nextCursor ? (
                <Link to={queueHref(nextPage(view, state.data.nextCursor))} rel="next">
                  {m.pages.next}
                </Link>
              ) : null}
            </nav>
          ) : null}
        </>
      ) : null}
    </ConsolePage>
  );
}
