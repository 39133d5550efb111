import type { ReactNode } from 'react';
import { Page } from '../components/page';
import { useMessages } from '../i18n/locale';
import { Link, useRouter } from '../routing/router';
import { consoleShellMessages } from './console.messages';
import { useOfficer, useSession } from './session';

interface NavItem {
  to: string;
  label: string;
}

// Every signed-in console page: the menu the officer's role may use (the api refuses the rest
// anyway), the current page marked for screen readers (aria-current), who is signed in.
export function ConsolePage({ title, children }: { title: string; children: ReactNode }) {
  const m = useMessages(consoleShellMessages);
  const officer = useOfficer();
  const { signOut } = useSession();
  const { location, navigate } = useRouter();
  const items: NavItem[] = [
    { to: '/console/requests', label: m.nav.queue },
    ...(officer.role === 'auditor' ? [] : [{ to: '/console/requests/new', label: m.nav.newRequest }]),
    { to: '/console/audit', label: m.nav.audit },
    { to: '/console/metrics', label: m.nav.metrics },
    { to: '/console/data-map', label: m.nav.dataMap },
    { to: '/console/retention', label: m.nav.retention },
    ...(officer.role === 'admin'
      ? [
          { to: '/console/admin/officers', label: m.nav.officers },
          { to: '/console/admin/api-keys', label: m.nav.apiKeys },
          { to: '/console/admin/settings', label: m.nav.settings },
        ]
      : []),
    { to: '/console/account', label: m.nav.account },
  ];
  const nav = (
    <nav aria-label={m.nav.label} className="console-nav">
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <Link to={item.to} aria-current={location.path === item.to ? 'page' : undefined}>
              {item.label}
            </Link>
          </li>
        ))}
        <li>
          <button
            type="button"
            className="link"
            onClick={() => {
              void signOut().then(() => navigate('/console/sign-in'));
            }}
          >
            {m.nav.signOut}
          </button>
        </li>
      </ul>
      <p className="signed-in-as">{m.signedInAs(officer.displayName, m.roles[officer.role])}</p>
    </nav>
  );
  return (
    <Page title={title} nav={nav} home="/console/requests" wide>
      {children}
    </Page>
  );
}
