import { NotFoundPage } from '../components/not-found';
import { Page } from '../components/page';
import { useRouter } from '../routing/router';

// The console's pages by path.
export function ConsoleRoutes() {
  const { location } = useRouter();
  if (location.path === '/console') {
    return (
      <Page title="Console" home="/console">
        {null}
      </Page>
    );
  }
  return <NotFoundPage home="/console" />;
}
