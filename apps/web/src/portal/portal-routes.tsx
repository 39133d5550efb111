import { NotFoundPage } from '../components/not-found';
import { matchPath, useRouter } from '../routing/router';
import { CheckEmailPage } from './check-email/check-email-page';
import { DownloadPage } from './download/download-page';
import { LandingPage } from './landing/landing-page';
import { ChooseTypePage } from './new-request/choose-type-page';
import { RequestFormPage } from './new-request/request-form-page';
import { typeFromSlug } from './request-type-slugs';
import { StatusPage } from './status/status-page';
import { VerifyPage } from './verify/verify-page';

// The privacy center's pages by path (the api serves the app for exactly these: web-app.controller.ts).
export function PortalRoutes() {
  const { location } = useRouter();
  const path = location.path.length > 1 ? location.path.replace(/\/+$/, '') : location.path;
  switch (path) {
    case '/':
      return <LandingPage />;
    case '/requests/new':
      return <ChooseTypePage />;
    case '/requests/check-email':
      return <CheckEmailPage />;
    case '/requests/verify':
      return <VerifyPage />;
    case '/requests/status':
      return <StatusPage />;
    case '/requests/download':
      return <DownloadPage />;
  }
  const form = matchPath('/requests/new/:type', path);
  const type = form ? typeFromSlug(form.type) : null;
  // Keyed by type: moving between forms starts with an empty form.
  return type ? <RequestFormPage key={type} type={type} /> : <NotFoundPage />;
}
