import { useMessages } from '../../../i18n/locale';
import type { ActionProps } from './action-props';
import { actionsMessages } from './actions.messages';
import { ApproveAction } from './approve-action';
import { AssignForm } from './assign-form';
import { CancelAction } from './cancel-action';
import { DenyAction } from './deny-action';
import { ExtendAction } from './extend-action';
import { InformationAction } from './information-action';
import { NoteForm } from './note-form';
import { ResendLinkAction } from './resend-link-action';
import { RetryAction } from './retry-action';

// Exactly the actions the api lists for this officer and this request now (it derives them from
// the role, the status machine and the clock): the page never offers what the api would refuse.
export function RequestActions(props: ActionProps) {
  const m = useMessages(actionsMessages);
  const actions = new Set(props.detail.actions);
  const decisions = (['approve', 'deny', 'extend', 'request_information', 'cancel'] as const).filter((a) => actions.has(a));
  return (
    <section aria-labelledby="request-actions-title" className="request-actions">
      <h2 id="request-actions-title">{m.heading}</h2>
      {decisions.length > 0 ? (
        <div className="actions decision-buttons">
          {actions.has('approve') ? <ApproveAction {...props} /> : null}
          {actions.has('deny') ? <DenyAction {...props} /> : null}
          {actions.has('extend') ? <ExtendAction {...props} /> : null}
          {actions.has('request_information') ? <InformationAction {...props} /> : null}
          {actions.has('cancel') ? <CancelAction {...props} /> : null}
        </div>
      ) : null}
      {actions.has('retry') ? <RetryAction {...props} /> : null}
      {actions.has('resend_access_link') ? <ResendLinkAction {...props} /> : null}
      <div className="action-columns">
        {actions.has('assign') ? <AssignForm {...props} /> : null}
        {actions.has('note') ? <NoteForm {...props} /> : null}
      </div>
    </section>
  );
}
