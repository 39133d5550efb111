import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError, unwrap } from '../../api/client';
import { Loading, Notice, ProblemNotice } from '../../components/feedback';
import { Page } from '../../components/page';
import { formatDateTime, useLocale, useMessages } from '../../i18n/locale';
import { Link, useRouter } from '../../routing/router';
import { newRequestPath } from '../request-type-slugs';
import { downloadMessages } from './download.messages';

function lookUp(token: string) {
  return unwrap(api.POST('/api/v1/access-packages/lookup', { body: { token } }));
}

type PackageLink = Awaited<ReturnType<typeof lookUp>>;
type Loaded = { state: 'loading' } | { state: 'ready'; link: PackageLink } | { state: 'gone' } | { state: 'failed'; error: unknown };

// How long before the page asks again after the button: by then the server has counted the download.
const RECHECK_AFTER_MS = 2000;

// The page behind "Your data is ready": it asks whether the link works (which spends nothing), then
// offers a real form POST to /requests/download, so the browser itself saves the streamed ZIP and
// one click is one download.
export function DownloadPage() {
  const { locale } = useLocale();
  const m = useMessages(downloadMessages);
  const { location } = useRouter();
  const token = (location.query.get('token') ?? '').slice(0, 200);
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [started, setStarted] = useState(false);
  const recheck = useRef<number | undefined>(undefined);

  const load = useCallback(async () => {
    if (!token || token.length > 128) {
      setLoaded({ state: 'gone' });
      return;
    }
    try {
      setLoaded({ state: 'ready', link: await lookUp(token) });
    } catch (error) {
      // A malformed token is as unusable as an expired one.
      setLoaded(error instanceof ApiError && (error.status === 410 || error.status === 422) ? { state: 'gone' } : { state: 'failed', error });
    }
  }, [token]);

  useEffect(() => {
    void load();
    return () => window.clearTimeout(recheck.current);
  }, [load]);

  const onSubmit = () => {
    // The form posts natively; the page stays and, a moment later, shows what is left.
    setStarted(true);
    window.clearTimeout(recheck.current);
    recheck.current = window.setTimeout(() => void load(), RECHECK_AFTER_MS);
  };

  return (
    <Page title={m.title}>
      {loaded.state === 'loading' ? <Loading /> : null}
      {loaded.state === 'failed' ? loaded.error instanceof ApiError && loaded.error.status === 429 ? <Notice tone="error">{m.rateLimited}</Notice> : <ProblemNotice error={loaded.error} /> : null}
      {loaded.state === 'gone' ? (
        <>
          <Notice tone="error" title={m.goneTitle}>
            <p>{m.goneBody}</p>
          </Notice>
          <p>
            <Link to={newRequestPath('access')}>{m.fileAgain}</Link>
          </p>
        </>
      ) : null}
      {loaded.state === 'ready' ? (
        <>
          <p className="lead">{m.ready}</p>
          <p>{m.contents}</p>
          <p>
            <strong>{m.validity(formatDateTime(loaded.link.expiresAt, locale), loaded.link.downloadsRemaining)}</strong> {m.keepPrivate}
          </p>
          <form method="post" action="/requests/download" onSubmit={onSubmit}>
            <input type="hidden" name="token" value={token} />
            <div className="actions">
              <button type="submit">{m.button}</button>
            </div>
          </form>
          <p role="status">{started ? m.started : null}</p>
        </>
      ) : null}
    </Page>
  );
}
