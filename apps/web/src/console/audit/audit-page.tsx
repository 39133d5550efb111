import { api, ApiError } from '../../api/client';
import { Loading, Notice, ProblemNotice } from '../../components/feedback';
import type { FieldProblem } from '../../components/form';
import { useMessages } from '../../i18n/locale';
import { Link, useRouter } from '../../routing/router';
import { ConsolePage } from '../console-layout';
import { useAssignees } from '../use-assignees';
import { useConsoleCall } from '../use-console-call';
import { useLoad } from '../use-load';
import { AuditFilters } from './audit-filters';
import { AuditTable } from './audit-table';
import { auditMessages } from './audit.messages';
import { auditHref, auditQuery, isFiltered, readAuditView } from './audit-view';
import { ChainVerification } from './chain-verification';

const PAGE_SIZE = 50;

const FIELD_IDS: Record<string, string> = { requestId: 'audit-request-id', from: 'audit-from', to: 'audit-to', action: 'audit-action', actorId: 'audit-actor' };

// The tamper-evident trail: the chain's verdict first, then the events the URL's filters select,
// newest first, a page at a time (keyset cursor in the URL, so any page can be shared).
export function AuditPage() {
  const m = useMessages(auditMessages);
  const { location, navigate } = useRouter();
  const call = useConsoleCall();
  const search = location.query.toString();
  const view = readAuditView(location.query);
  const assignees = useAssignees();
  const { state } = useLoad(() => call(api.GET('/api/v1/console/audit', { params: { query: auditQuery(view, PAGE_SIZE) } })), search);
  const serverProblems: FieldProblem[] =
    state.status === 'error' && state.error instanceof ApiError && state.error.status === 422
      ? (state.error.body.fieldErrors ?? []).map((problem) => ({ id: FIELD_IDS[problem.path] ?? 'audit-request-id', message: problem.message }))
      : [];
  const caption = m.table.caption(isFiltered(view));

  return (
    <ConsolePage title={m.title}>
      <p>{m.intro}</p>
      <ChainVerification />
      <AuditFilters key={search} view={view} assignees={assignees.status === 'ready' ? assignees.data : []} serverProblems={serverProblems} onApply={(next) => navigate(auditHref(next))} />
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'error' && serverProblems.length === 0 ? <ProblemNotice error={state.error} /> : null}
      {state.status === 'ready' ? (
        state.data.items.length === 0 ? (
          <Notice>{m.table.none}</Notice>
        ) : (
          <>
            <AuditTable items={state.data.items} view={view} caption={caption} />
            <nav className="pagination" aria-label={caption}>
              {view.cursor ? <Link to={auditHref({ ...view, cursor: '' })}>{m.paging.newest}</Link> : null}
              {state.data.nextCursor ? <Link to={auditHref({ ...view, cursor: state.data.nextCursor })}>{m.paging.older}</Link> : null}
            </nav>
          </>
        )
      ) : null}
    </ConsolePage>
  );
}
