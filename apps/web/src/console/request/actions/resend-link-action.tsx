import { api } from '../../../api/client';
import { ProblemNotice } from '../../../components/feedback';
import { useMessages } from '../../../i18n/locale';
import { useConsoleCall } from '../../use-console-call';
import type { ActionProps } from './action-props';
import { actionsMessages } from './actions.messages';
import { useSubmission } from '../../use-submission';

export function ResendLinkAction({ detail, done }: ActionProps) {
  const m = useMessages(actionsMessages).resend;
  const call = useConsoleCall();
  const { busy, failure, submit } = useSubmission();
  const resend = () =>
    submit([], async () => {
      await call(api.POST('/api/v1/console/requests/{id}/access-link', { params: { path: { id: detail.request.id } } }));
      await done(m.resent);
    });
  return (
    <div className="resend-action">
      {failure ? <ProblemNotice error={failure} /> : null}
      <p className="hint" id="resend-what">
        {m.what}
      </p>
      <button type="button" className="secondary" disabled={busy} aria-describedby="resend-what" onClick={() => void resend()}>
        {m.label}
      </button>
    </div>
  );
}
