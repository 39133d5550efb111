import { useBrand } from '../../brand';
import { Notice } from '../../components/feedback';
import { Page } from '../../components/page';
import { useMessages } from '../../i18n/locale';
import { landingMessages } from './landing.messages';
import { RightsList } from './rights-list';

export function LandingPage() {
  const brand = useBrand();
  const m = useMessages(landingMessages);
  return (
    <Page title={m.title(brand.companyName)}>
      {m.intro.map((paragraph) => (
        <p key={paragraph} className="lead">
          {paragraph}
        </p>
      ))}
      {brand.mailboxUrl ? <DemoMailbox url={brand.mailboxUrl} /> : null}
      <h2>{m.rightsHeading}</h2>
      <RightsList headingLevel={3} />
      <h2>{m.nextHeading}</h2>
      <ol className="next-steps">
        {m.nextSteps.map((step) => (
          <li key={step.title}>
            <h3>{step.title}</h3>
            <p>{step.body}</p>
          </li>
        ))}
      </ol>
      <h2>{m.statusHeading}</h2>
      <p>{m.statusBody}</p>
    </Page>
  );
}

/** The embedded demo catches every email: a newcomer needs to find it to follow the links. */
export function DemoMailbox({ url }: { url: string }) {
  const m = useMessages(landingMessages);
  return (
    <Notice title={m.demoTitle}>
      <p>
        {m.demoBody} <a href={url}>{m.demoLink}</a>
      </p>
    </Notice>
  );
}
