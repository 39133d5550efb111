import { useEffect } from 'react';
import { Loading } from '../components/feedback';
import { NotFoundPage } from '../components/not-found';
import { Page } from '../components/page';
import { useMessages } from '../i18n/locale';
import { matchPath, useRouter } from '../routing/router';
import { AccountPage } from './account/account-page';
import { ApiKeysPage } from './admin/api-keys-page';
import { OfficersPage } from './admin/officers-page';
import { SettingsPage } from './admin/settings-page';
import { AuditPage } from './audit/audit-page';
import { consoleShellMessages } from './console.messages';
import { DataMapPage } from './data-map/data-map-page';
import { MetricsPage } from './metrics/metrics-page';
import { NewRequestPage } from './new-request/new-request-page';
import { QueuePage } from './queue/queue-page';
import { RequestPage } from './request/request-page';
import { RetentionPage } from './retention/retention-page';
import { SessionProvider, useSession } from './session';
import { SignInPage } from './sign-in/sign-in-page';

export function ConsoleRoutes() {
  return (
    <SessionProvider>
      <SignedInRoutes />
    </SessionProvider>
  );
}

const SIGN_IN = '/console/sign-in';

// Signed out, every console path shows the sign-in (and comes back to that path after it); an admin
// who must set up a second factor first sees only their account page.
function SignedInRoutes() {
  const { state } = useSession();
  const { location, navigate } = useRouter();
  const m = useMessages(consoleShellMessages);
  const path = location.path;
  const signedIn = state.status === 'signed-in';
  useEffect(() => {
    if (signedIn && (path === '/console' || path === '/console/' || path === SIGN_IN)) {
      const next = location.query.get('next');
      navigate(next && next.startsWith('/console/') ? next : '/console/requests', { replace: true });
    }
  }, [signedIn, path, location.query, navigate]);

  if (state.status === 'loading') {
    return (
      <Page title={m.consoleTitle} home="/console">
        <Loading />
      </Page>
    );
  }
  if (state.status === 'signed-out') {
    const next = path === SIGN_IN ? (location.query.get('next') ?? '/console/requests') : `${path}${location.query.size > 0 ? `?${location.query.toString()}` : ''}`;
    return <SignInPage next={next} />;
  }
  if (state.enrolmentOnly) {
    return <AccountPage />;
  }
  if (path === '/console' || path === '/console/' || path === SIGN_IN) {
    return <Loading />;
  }
  const admin = state.officer.role === 'admin';
  if (path === '/console/requests') {
    return <QueuePage />;
  }
  if (path === '/console/requests/new' && state.officer.role !== 'auditor') {
    return <NewRequestPage />;
  }
  const request = matchPath('/console/requests/:id', path);
  if (request) {
    return <RequestPage id={request.id} />;
  }
  switch (path) {
    case '/console/audit':
      return <AuditPage />;
    case '/console/metrics':
      return <MetricsPage />;
    case '/console/data-map':
      return <DataMapPage />;
    case '/console/retention':
      return <RetentionPage />;
    case '/console/account':
      return <AccountPage />;
    case '/console/admin/officers':
      return admin ? <OfficersPage /> : <NotFoundPage home="/console/requests" />;
    case '/console/admin/api-keys':
      return admin ? <ApiKeysPage /> : <NotFoundPage home="/console/requests" />;
    case '/console/admin/settings':
      return admin ? <SettingsPage /> : <NotFoundPage home="/console/requests" />;
    default:
      return <NotFoundPage home="/console/requests" />;
  }
}
