import { useBrand } from '../../brand';
import { Page } from '../../components/page';
import { useMessages } from '../../i18n/locale';
import { Link, useRouter } from '../../routing/router';
import { DemoMailbox } from '../landing/landing-page';
import { usePrivacyCenterSettings } from '../privacy-center-settings';
import { checkEmailMessages } from './check-email.messages';

// After filing: the reference is not a secret (the status needs the emailed token too), so it
// travels in the address and survives a reload.
export function CheckEmailPage() {
  const m = useMessages(checkEmailMessages);
  const brand = useBrand();
  const settings = usePrivacyCenterSettings();
  const { location } = useRouter();
  const reference = (location.query.get('ref') ?? '').slice(0, 40);
  const optOutDone = location.query.get('done') === 'opt-out';
  return (
    <Page title={optOutDone ? m.optOutTitle : m.title}>
      {optOutDone ? (
        <p className="lead">{m.optOutDone}</p>
      ) : (
        <p className="lead">
          {m.sent} {settings ? m.linkHours(settings.verificationLinkHours) : null}
        </p>
      )}
      {reference ? (
        <dl className="facts">
          <dt>{m.reference}</dt>
          <dd>
            <strong className="reference">{reference}</strong>
            <span className="hint"> {m.referenceHint}</span>
          </dd>
        </dl>
      ) : null}
      {brand.mailboxUrl ? <DemoMailbox url={brand.mailboxUrl} /> : null}
      {optOutDone ? null : (
        <>
          <h2>{m.nothingHeading}</h2>
          <ul>
            {m.nothingSteps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ul>
        </>
      )}
      <p>
        <Link to="/">{m.home}</Link>
      </p>
    </Page>
  );
}
