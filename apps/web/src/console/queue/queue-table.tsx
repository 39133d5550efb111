import { formatDate, useLocale, useMessages } from '../../i18n/locale';
import { Link } from '../../routing/router';
import type { QueueItem } from '../console-api-types';
import { DueBadge } from '../due-badge';
import { RequestStatusBadge } from '../request-status-badge';
import { requestVocabulary } from '../request-vocabulary.messages';
import { queueMessages } from './queue.messages';

interface QueueTableProps {
  caption: string;
  items: QueueItem[];
  /** Null when the officer may not act (auditors): no selection column. */
  selection: { selected: ReadonlySet<string>; toggle(id: string, on: boolean): void; toggleAll(on: boolean): void } | null;
}

// No personal data here (the api sends none): references, codes and dates. The reference links to
// the request; the due date carries its badge in words.
export function QueueTable({ caption, items, selection }: QueueTableProps) {
  const m = useMessages(queueMessages).table;
  const words = useMessages(requestVocabulary);
  const { locale } = useLocale();
  if (items.length === 0) {
    return <p className="empty-state">{m.empty}</p>;
  }
  const allSelected = selection !== null && items.every((item) => selection.selected.has(item.id));
  return (
    <div className="table-scroll" role="region" aria-labelledby="queue-caption" tabIndex={0}>
      <table className="queue-table">
        <caption id="queue-caption">{caption}</caption>
        <thead>
          <tr>
            {selection ? (
              <th scope="col" className="select-cell">
                <input type="checkbox" id="queue-select-all" aria-label={m.selectAll} checked={allSelected} onChange={(e) => selection.toggleAll(e.target.checked)} />
              </th>
            ) : null}
            <th scope="col">{m.reference}</th>
            <th scope="col">{m.type}</th>
            <th scope="col">{m.status}</th>
            <th scope="col">{m.received}</th>
            <th scope="col">{m.due}</th>
            <th scope="col">{m.assignee}</th>
            <th scope="col">{m.verified}</th>
            <th scope="col">{m.extended}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              {selection ? (
                <td className="select-cell">
                  <input type="checkbox" aria-label={m.selectRow(item.reference)} checked={selection.selected.has(item.id)} onChange={(e) => selection.toggle(item.id, e.target.checked)} />
                </td>
              ) : null}
              <th scope="row">
                <Link to={`/console/requests/${item.id}`} className="reference">
                  {item.reference}
                </Link>
              </th>
              <td>{words.typesShort[item.type]}</td>
              <td>
                <RequestStatusBadge status={item.status} />
                {item.approvalProposedBy ? <span className="cell-note">{m.proposed}</span> : null}
              </td>
              <td className="nowrap">{formatDate(item.receivedOn, locale)}</td>
              <td className="due-cell">
                <span className="nowrap">{formatDate(item.dueOn, locale)}</span> <DueBadge daysLeft={item.daysLeft} />
              </td>
              <td>{item.assignee ? (item.assignee.displayName ?? item.assignee.id) : <span className="muted">{words.unassigned}</span>}</td>
              <td>{item.verified ? words.yes : words.no}</td>
              <td>{item.extended ? words.yes : words.no}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
