import { REGIME_RULES } from '@rightsdesk/domain';
import { api } from '../../../api/client';
import { useMessages } from '../../../i18n/locale';
import { useConsoleCall } from '../../use-console-call';
import type { ActionProps } from './action-props';
import { actionsMessages } from './actions.messages';
import { TextActionDialog } from './text-action-dialog';

const MAX = 5000;

export function InformationAction({ detail, done }: ActionProps) {
  const m = useMessages(actionsMessages).information;
  const call = useConsoleCall();
  const pauses = REGIME_RULES[detail.clock.regime].pausesWhileOnHold;
  return (
    <TextActionDialog
      id="information"
      apiField="question"
      openLabel={m.open}
      title={m.title}
      label={m.question}
      hint={m.questionHint}
      what={<p>{pauses ? m.pauses : m.keepsRunning}</p>}
      confirmLabel={m.confirm}
      required={m.required}
      tooLong={m.tooLong(MAX)}
      max={MAX}
      send={async (question) => {
        await call(api.POST('/api/v1/console/requests/{id}/information-request', { params: { path: { id: detail.request.id } }, body: { question } }));
        await done(m.asked);
      }}
    />
  );
}
