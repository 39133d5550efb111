import { computeDeadline } from '@rightsdesk/domain';
import { api } from '../../../api/client';
import { formatDate, useLocale, useMessages } from '../../../i18n/locale';
import { requestVocabulary } from '../../request-vocabulary.messages';
import { useConsoleCall } from '../../use-console-call';
import type { ActionProps } from './action-props';
import { actionsMessages } from './actions.messages';
import { TextActionDialog } from './text-action-dialog';

const MAX = 2000;

// The one extension the regime allows; the new date comes from the same statutory clock the api
// runs, so what the officer reads here is what the requester will be told.
export function ExtendAction({ detail, done }: ActionProps) {
  const m = useMessages(actionsMessages).extend;
  const words = useMessages(requestVocabulary);
  const { locale } = useLocale();
  const call = useConsoleCall();
  const { clock, request } = detail;
  const extended = computeDeadline({ regime: clock.regime, type: request.type, receivedOn: clock.receivedOn, extended: true, holds: clock.holds, today: clock.today });
  return (
    <TextActionDialog
      id="extend"
      apiField="reason"
      openLabel={m.open}
      title={m.title}
      label={m.reason}
      hint={m.reasonHint}
      what={
        <>
          <p>{m.what(words.regimes[clock.regime])}</p>
          <p>
            <strong>{m.newDue(formatDate(extended.dueOn, locale))}</strong> <span className="hint">({extended.explanation})</span>
          </p>
          {clock.extensionNoticeBy ? <p>{m.noticeBy(formatDate(clock.extensionNoticeBy, locale))}</p> : null}
        </>
      }
      confirmLabel={m.confirm}
      required={m.required}
      tooLong={m.tooLong(MAX)}
      max={MAX}
      send={async (reason) => {
        const answer = await call(api.POST('/api/v1/console/requests/{id}/extend', { params: { path: { id: request.id } }, body: { reason } }));
        await done(m.extended(formatDate(answer.dueOn, locale)));
      }}
    />
  );
}
