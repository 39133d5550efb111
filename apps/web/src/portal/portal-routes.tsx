import { NotFoundPage } from '../components/not-found';
import { Page } from '../components/page';
import { useRouter } from '../routing/router';

// The privacy center's pages by path.
export function PortalRoutes() {
  const { location } = useRouter();
  if (location.path === '/' || location.path === '/requests/new') {
    return <Page title="Privacy requests">{null}</Page>;
  }
  return <NotFoundPage />;
}
