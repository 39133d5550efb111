import { type ReactNode, useState } from 'react';
import { Notice } from '../../components/feedback';
import { Page } from '../../components/page';
import { useMessages } from '../../i18n/locale';
import { useRouter } from '../../routing/router';
import { ConsolePage } from '../console-layout';
import { consoleShellMessages } from '../console.messages';
import { useOfficer, useSession } from '../session';
import { accountMessages } from './account.messages';
import { PasswordForm } from './password-form';
import { SecondFactor } from './second-factor';

// Every officer's own account: password and second factor. It is also the only page of an
// enrolment-only session (an admin who must set up a second factor first), which gets no menu:
// every other page would refuse it.
export function AccountPage() {
  const m = useMessages(accountMessages);
  const shell = useMessages(consoleShellMessages);
  const officer = useOfficer();
  const { state } = useSession();
  const enrolmentOnly = state.status === 'signed-in' && state.enrolmentOnly;
  const [justEnrolled, setJustEnrolled] = useState(false);
  const body = (
    <>
      <p>{m.who(officer.displayName, officer.email, shell.roles[officer.role])}</p>
      {enrolmentOnly ? (
        <Notice tone="warning" title={m.enrolment.title}>
          <p>{m.enrolment.body}</p>
        </Notice>
      ) : null}
      {justEnrolled ? <Notice tone="success">{m.enrolment.done}</Notice> : null}
      <SecondFactor onEnabled={() => setJustEnrolled(enrolmentOnly)} />
      {enrolmentOnly ? null : <PasswordForm />}
    </>
  );
  return enrolmentOnly ? <EnrolmentPage title={m.title}>{body}</EnrolmentPage> : <ConsolePage title={m.title}>{body}</ConsolePage>;
}

function EnrolmentPage({ title, children }: { title: string; children: ReactNode }) {
  const shell = useMessages(consoleShellMessages);
  const { signOut } = useSession();
  const { navigate } = useRouter();
  const nav = (
    <nav aria-label={shell.nav.label} className="console-nav">
      <ul>
        <li>
          <button type="button" className="link" onClick={() => void signOut().then(() => navigate('/console/sign-in'))}>
            {shell.nav.signOut}
          </button>
        </li>
      </ul>
    </nav>
  );
  return (
    <Page title={title} nav={nav} home="/console/account" wide>
      {children}
    </Page>
  );
}
