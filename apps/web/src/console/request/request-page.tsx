import { useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../../api/client';
import { Loading, Notice, ProblemNotice } from '../../components/feedback';
import { formatDateTime, useLocale, useMessages } from '../../i18n/locale';
import { Link } from '../../routing/router';
import { ConsolePage } from '../console-layout';
import type { RequestDetail } from '../console-api-types';
import { DueBadge } from '../due-badge';
import { RequestStatusBadge } from '../request-status-badge';
import { requestVocabulary } from '../request-vocabulary.messages';
import { useOfficer } from '../session';
import { useConsoleCall } from '../use-console-call';
import { useLoad } from '../use-load';
import { RequestActions } from './actions/request-actions';
import { AgentFiling } from './agent-filing';
import { RequestClock } from './request-clock';
import { RequestConversation } from './request-conversation';
import { RequestEmails } from './request-emails';
import { RequestFacts, RequesterFacts } from './request-facts';
import { RequestSystems } from './request-systems';
import { RequestTimeline } from './request-timeline';
import { requestPageMessages } from './request.messages';

// One request with everything needed to decide on it. Each load is a read of personal data the
// api audits, so the page loads once per visit and after each action, not on a timer.
export function RequestPage({ id }: { id: string }) {
  const m = useMessages(requestPageMessages);
  const call = useConsoleCall();
  const { state, reload } = useLoad<RequestDetail>(() => call(api.GET('/api/v1/console/requests/{id}', { params: { path: { id } } })), id);
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => setDone(null), [id]);

  if (state.status === 'loading') {
    return (
      <ConsolePage title={m.loadingTitle}>
        <Loading />
      </ConsolePage>
    );
  }
  if (state.status === 'error') {
    const missing = state.error instanceof ApiError && state.error.status === 404;
    return (
      <ConsolePage title={m.loadingTitle}>
        {missing ? <Notice tone="error">{m.notFound}</Notice> : <ProblemNotice error={state.error} />}
        <p>
          <Link to="/console/requests">{m.backToQueue}</Link>
        </p>
      </ConsolePage>
    );
  }
  const detail = state.data;
  return (
    <ConsolePage title={m.title(detail.request.reference)}>
      <RequestSummary detail={detail} />
      {done ? <DoneNotice message={done} /> : null}
      {detail.actions.length > 0 ? (
        <RequestActions
          detail={detail}
          done={async (message) => {
            // Reloaded first, so the message and the page it describes appear together.
            await reload();
            setDone(message);
          }}
        />
      ) : null}
      <div className="request-columns">
        <div>
          <RequestFacts detail={detail} />
          <RequesterFacts detail={detail} />
          {detail.agent ? <AgentFiling filing={detail.agent} /> : null}
          <RequestClock detail={detail} />
        </div>
        <div>
          <RequestConversation detail={detail} />
          <RequestTimeline detail={detail} />
        </div>
      </div>
      <RequestSystems detail={detail} />
      <RequestEmails detail={detail} />
    </ConsolePage>
  );
}

function RequestSummary({ detail }: { detail: RequestDetail }) {
  const m = useMessages(requestPageMessages);
  const words = useMessages(requestVocabulary);
  const officer = useOfficer();
  const { locale } = useLocale();
  const proposal = detail.approvalProposal;
  return (
    <>
      <p className="request-summary" aria-label={m.summaryLabel}>
        <RequestStatusBadge status={detail.request.status} /> <span>{words.types[detail.request.type]}</span> <DueBadge daysLeft={detail.clock.daysLeft} />
      </p>
      {proposal && detail.request.status === 'awaiting_review' ? (
        <Notice tone="warning">{proposal.by?.id === officer.id ? m.proposalMine : m.proposal(proposal.by?.displayName ?? '—', formatDateTime(proposal.at, locale))}</Notice>
      ) : null}
    </>
  );
}

// Said once after an action, focused so a screen reader reads it where the dialog was.
function DoneNotice({ message }: { message: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.focus();
  }, [message]);
  return (
    <div ref={box} tabIndex={-1} className="done-notice">
      <Notice tone="success">{message}</Notice>
    </div>
  );
}
