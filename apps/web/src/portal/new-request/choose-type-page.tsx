import { Page } from '../../components/page';
import { useMessages } from '../../i18n/locale';
import { RightsList } from '../landing/rights-list';
import { requestFormMessages } from './request-form.messages';

/** /requests/new without a type: the five requests to choose from. */
export function ChooseTypePage() {
  const m = useMessages(requestFormMessages);
  return (
    <Page title={m.chooseTitle}>
      <p className="lead">{m.chooseIntro}</p>
      <RightsList headingLevel={2} />
    </Page>
  );
}
