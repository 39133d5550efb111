import { api } from '../../../api/client';
import { ProblemNotice } from '../../../components/feedback';
import { useMessages } from '../../../i18n/locale';
import { useConsoleCall } from '../../use-console-call';
import type { ActionProps } from './action-props';
import { actionsMessages } from './actions.messages';
import { useSubmission } from '../../use-submission';

// A failed request runs its failed systems again, all of them or one (e.g. once a provider is back).
export function RetryAction({ detail, done }: ActionProps) {
  const m = useMessages(actionsMessages).retry;
  const call = useConsoleCall();
  const { busy, failure, submit } = useSubmission();
  const failed = detail.systems.filter((system) => system.status === 'failed');
  const retry = (systemKey?: string) =>
    submit([], async () => {
      const answer = await call(api.POST('/api/v1/console/requests/{id}/retry', { params: { path: { id: detail.request.id } }, body: systemKey ? { systemKey } : {} }));
      await done(m.retried(answer.systems.join(', ')));
    });
  return (
    <div className="retry-action" role="group" aria-label={m.heading}>
      {failure ? <ProblemNotice error={failure} /> : null}
      <button type="button" disabled={busy} onClick={() => void retry()}>
        {m.all}
      </button>
      {failed.length > 1
        ? failed.map((system) => (
            <button key={system.systemKey} type="button" className="secondary" disabled={busy} onClick={() => void retry(system.systemKey)}>
              {m.one(system.systemKey)}
            </button>
          ))
        : null}
    </div>
  );
}
