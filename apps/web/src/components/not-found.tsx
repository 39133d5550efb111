import { commonMessages } from '../i18n/common.messages';
import { useMessages } from '../i18n/locale';
import { Link } from '../routing/router';
import { Page } from './page';

export function NotFoundPage({ home = '/' }: { home?: string }) {
  const m = useMessages(commonMessages);
  return (
    <Page title={m.notFoundTitle} home={home}>
      <p>{m.notFoundBody}</p>
      <p>
        <Link to={home}>{m.backHome}</Link>
      </p>
    </Page>
  );
}
