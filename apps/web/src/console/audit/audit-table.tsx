import { isDenyReason, isRequestStatus } from '@rightsdesk/domain';
import type { paths } from '../../api/schema';
import { formatDateTime, useLocale, useMessages } from '../../i18n/locale';
import { Link } from '../../routing/router';
import { type RequestVocabulary, requestVocabulary } from '../request-vocabulary.messages';
import { useActorName } from '../request/use-actor-name';
import { type AuditMessages, auditMessages } from './audit.messages';
import { auditHref, type AuditView } from './audit-view';

export type AuditItem = paths['/api/v1/console/audit']['get']['responses'][200]['content']['application/json']['items'][number];

// One row per event: when, who, what in words, the status change, and the request it belongs to.
export function AuditTable({ items, view, caption }: { items: AuditItem[]; view: AuditView; caption: string }) {
  const m = useMessages(auditMessages);
  const words = useMessages(requestVocabulary);
  const { locale } = useLocale();
  const actorName = useActorName();
  const statusWord = (status: string) => (isRequestStatus(status) ? words.statuses[status] : status);
  const actionWord = (action: string) => words.actions[action] ?? m.accountActions[action] ?? action;
  return (
    <div className="table-scroll" role="group" aria-label={caption} tabIndex={0}>
      <table className="audit-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{m.table.time}</th>
            <th scope="col">{m.table.actor}</th>
            <th scope="col">{m.table.action}</th>
            <th scope="col">{m.table.statusChange}</th>
            <th scope="col">{m.table.request}</th>
            <th scope="col">{m.table.details}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const name = actorName(item.actor);
            const details = eventDetails(item, m, words);
            return (
              <tr key={item.id}>
                <td>
                  <time dateTime={item.at}>{formatDateTime(item.at, locale)}</time>
                </td>
                <td>
                  {item.actor.id && item.actor.type !== 'requester' ? (
                    <Link to={auditHref({ ...view, actorId: item.actor.id, cursor: '' })} aria-label={m.table.filterByActor(name)}>
                      {name}
                    </Link>
                  ) : (
                    name
                  )}
                </td>
                <td>{actionWord(item.action)}</td>
                <td>{item.fromStatus || item.toStatus ? `${item.fromStatus ? statusWord(item.fromStatus) : '—'} → ${item.toStatus ? statusWord(item.toStatus) : '—'}` : ''}</td>
                <td>
                  {item.requestId ? (
                    <>
                      <Link to={`/console/requests/${item.requestId}`}>{m.table.openRequest}</Link>
                      {view.requestId === item.requestId ? null : (
                        <>
                          {' · '}
                          <Link to={auditHref({ ...view, requestId: item.requestId, cursor: '' })}>{m.table.filterByRequest}</Link>
                        </>
                      )}
                    </>
                  ) : (
                    ''
                  )}
                </td>
                <td>{details.join(' · ')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

// The codes an event carries that a reader can act on; never free text (the trail holds none).
function eventDetails(item: AuditItem, m: AuditMessages, words: RequestVocabulary): string[] {
  const data = (item.data ?? {}) as Record<string, unknown>;
  const details: string[] = [];
  const reason = item.reason ?? data.reason;
  if (isDenyReason(reason)) {
    details.push(m.details.reason(words.denyReasons[reason].label));
  }
  if (typeof data.system === 'string') {
    details.push(m.details.system(data.system));
  }
  return details;
}
