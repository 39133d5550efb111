import { BrandProvider } from './brand';
import { ConsoleRoutes } from './console/console-routes';
import { LocaleProvider } from './i18n/locale';
import { PortalRoutes } from './portal/portal-routes';
import { RouterProvider, useRouter } from './routing/router';

// Two areas in one app: the public privacy center, and the officers' console under /console.
export function App() {
  return (
    <LocaleProvider>
      <BrandProvider>
        <RouterProvider>
          <Areas />
        </RouterProvider>
      </BrandProvider>
    </LocaleProvider>
  );
}

function Areas() {
  const { location } = useRouter();
  const inConsole = location.path === '/console' || location.path.startsWith('/console/');
  return inConsole ? <ConsoleRoutes /> : <PortalRoutes />;
}
