import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import { Loading, Notice, ProblemNotice } from '../../components/feedback';
import { Page } from '../../components/page';
import { formatDate, useLocale, useMessages } from '../../i18n/locale';
import { useRouter } from '../../routing/router';
import { requestWords } from '../request-words.messages';
import { AnswerForm } from './answer-form';
import { loadRequestStatus, type RequestStatusAnswer } from './request-status-api';
import { statusMessages } from './status.messages';
import { Timeline } from './timeline';

type Loaded = { state: 'loading' } | { state: 'ready'; status: RequestStatusAnswer } | { state: 'failed'; error: unknown };

// Reached from the links in our emails (reference + status token). An unknown reference and a wrong
// token are the same "not found", as in the api: the page gives nothing away to someone probing.
export function StatusPage() {
  const m = useMessages(statusMessages);
  const { location } = useRouter();
  const reference = (location.query.get('ref') ?? '').slice(0, 40);
  const token = (location.query.get('token') ?? '').slice(0, 200);
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [answered, setAnswered] = useState(false);
  const thanks = useRef<HTMLDivElement>(null);

  const load = useCallback(async () => {
    if (!reference || !token) {
      setLoaded({ state: 'failed', error: new ApiError(404, { code: 'not_found', message: '' }) });
      return;
    }
    try {
      setLoaded({ state: 'ready', status: await loadRequestStatus(reference, token) });
    } catch (error) {
      setLoaded({ state: 'failed', error });
    }
  }, [reference, token]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (answered && loaded.state === 'ready') {
      thanks.current?.focus();
    }
  }, [answered, loaded]);

  const onAnswered = () => {
    setAnswered(true);
    void load();
  };

  if (loaded.state === 'failed' && loaded.error instanceof ApiError && loaded.error.status === 404) {
    return (
      <Page title={m.notFoundTitle}>
        <p>{m.notFoundBody}</p>
      </Page>
    );
  }
  return (
    <Page title={m.title}>
      {loaded.state === 'loading' ? <Loading /> : null}
      {loaded.state === 'failed' ? loaded.error instanceof ApiError && loaded.error.status === 429 ? <Notice tone="error">{m.rateLimited}</Notice> : <ProblemNotice error={loaded.error} /> : null}
      {loaded.state === 'ready' ? (
        <>
          {answered ? (
            <div ref={thanks} tabIndex={-1} className="focus-target">
              <Notice tone="success">{m.answered}</Notice>
            </div>
          ) : null}
          <StatusDetails status={loaded.status} token={token} onAnswered={onAnswered} />
        </>
      ) : null}
    </Page>
  );
}

function StatusDetails({ status, token, onAnswered }: { status: RequestStatusAnswer; token: string; onAnswered: () => void }) {
  const { locale } = useLocale();
  const m = useMessages(statusMessages);
  const words = useMessages(requestWords);
  return (
    <>
      <dl className="facts">
        <dt>{m.reference}</dt>
        <dd className="reference">{status.reference}</dd>
        <dt>{m.request}</dt>
        <dd>{words.typeName[status.type]}</dd>
        <dt>{m.status}</dt>
        <dd data-status={status.status}>
          <strong>{words.statusName[status.status]}</strong>
        </dd>
        <dt>{m.received}</dt>
        <dd>{formatDate(status.receivedOn, locale)}</dd>
        <dt>{m.dueOn}</dt>
        <dd>{formatDate(status.dueOn, locale)}</dd>
        <dt>{m.dueWhy}</dt>
        {/* The statutory explanation is the server's sentence, in English whatever the page's language. */}
        <dd lang="en">{status.dueExplanation}</dd>
      </dl>
      {status.status === 'completed' ? <Notice tone="success">{status.type === 'access' ? m.accessReady : m.completed}</Notice> : null}
      {status.status === 'denied' ? <Notice>{m.denied}</Notice> : null}
      {/* CCPA §7025: show the person that their browser's opt-out preference signal was honoured. */}
      {status.gpc ? <Notice tone="success">{m.gpcHonoured(formatDate(status.gpc.honouredAt.slice(0, 10), locale))}</Notice> : null}
      {status.status === 'on_hold' && status.openQuestion ? (
        <section aria-labelledby="question-heading">
          <h2 id="question-heading">{m.questionHeading}</h2>
          <blockquote className="question">
            {status.openQuestion
              .split(/\r?\n/)
              .filter((line) => line.trim() !== '')
              .map((line, index) => (
                <p key={index}>{line}</p>
              ))}
          </blockquote>
          <AnswerForm reference={status.reference} token={token} onAnswered={onAnswered} />
        </section>
      ) : null}
      <h2>{m.timelineHeading}</h2>
      <Timeline entries={status.timeline} />
    </>
  );
}
