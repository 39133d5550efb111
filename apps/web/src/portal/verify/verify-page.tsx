import { useEffect, useRef, useState } from 'react';
import { api, ApiError, unwrap } from '../../api/client';
import { Notice, ProblemNotice } from '../../components/feedback';
import { Page } from '../../components/page';
import { useMessages } from '../../i18n/locale';
import { Link, useRouter } from '../../routing/router';
import { verifyMessages } from './verify.messages';

type Outcome = 'already' | 'invalid' | 'expired' | 'locked';

const OUTCOME_FOR_CODE: Record<string, Outcome> = {
  verification_invalid: 'invalid',
  validation_failed: 'invalid',
  verification_expired: 'expired',
  verification_locked: 'locked',
};

// The emailed link lands here. A GET never confirms (mail scanners prefetch links): the button
// POSTs the token, and on success the page is replaced by the status page, so the spent
// verification token does not stay in the history.
export function VerifyPage() {
  const m = useMessages(verifyMessages);
  const { location, navigate } = useRouter();
  const reference = (location.query.get('ref') ?? '').slice(0, 40);
  const token = (location.query.get('token') ?? '').slice(0, 200);
  const [outcome, setOutcome] = useState<Outcome | null>(reference && token ? null : 'invalid');
  const [failure, setFailure] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const result = useRef<HTMLDivElement>(null);
  const asked = useRef(false);
  // The button goes away with an answer: focus moves to the answer instead of falling to the page.
  useEffect(() => {
    if (outcome && asked.current) {
      result.current?.focus();
    }
  }, [outcome]);

  async function confirm() {
    asked.current = true;
    setSending(true);
    setFailure(null);
    try {
      const result = await unwrap(api.POST('/api/v1/requests/{reference}/verification', { params: { path: { reference } }, body: { token } }));
      if (result.outcome === 'verified' && result.statusToken) {
        navigate(`/requests/status?${new URLSearchParams({ ref: result.reference, token: result.statusToken }).toString()}`, { replace: true });
        return;
      }
      setOutcome('already');
    } catch (error) {
      const known = error instanceof ApiError ? OUTCOME_FOR_CODE[error.code] : undefined;
      if (known) {
        setOutcome(known);
      } else {
        setFailure(error);
      }
    } finally {
      setSending(false);
    }
  }

  const shown = outcome ? m[outcome] : null;
  return (
    <Page title={m.title}>
      <div ref={result} tabIndex={-1} className="focus-target">
        {shown ? (
          <Notice tone={outcome === 'already' ? 'info' : 'error'} title={shown.title}>
            <p>{shown.body}</p>
          </Notice>
        ) : null}
      </div>
      {outcome === 'expired' || outcome === 'locked' || outcome === 'invalid' ? (
        <p>
          <Link to="/requests/new">{m.fileAgain}</Link>
        </p>
      ) : null}
      {outcome === null ? (
        <>
          {failure ? failure instanceof ApiError && failure.status === 429 ? <Notice tone="error">{m.rateLimited}</Notice> : <ProblemNotice error={failure} /> : null}
          <p className="lead">
            {m.reference(reference)} {m.explain}
          </p>
          <div className="actions">
            <button type="button" disabled={sending} onClick={() => void confirm()}>
              {sending ? m.confirming : m.confirm}
            </button>
          </div>
          <p>{m.notYou}</p>
        </>
      ) : null}
    </Page>
  );
}
