import { useMessages } from '../../i18n/locale';
import { Link } from '../../routing/router';
import type { QueueCounts } from '../console-api-types';
import { queueMessages } from './queue.messages';
import { firstPage, QUEUE_TABS, queueHref, TAB_STATUSES, type QueueView } from './queue-view';

// Tabs as links (each a URL of its own), the current one marked with aria-current; the counts come
// from the api under the same filters, so a tab says how many it will show.
export function QueueTabs({ view, counts }: { view: QueueView; counts: QueueCounts | null }) {
  const m = useMessages(queueMessages);
  const countOf = (tab: (typeof QUEUE_TABS)[number]): number | null => {
    if (!counts) {
      return null;
    }
    const statuses = TAB_STATUSES[tab] ?? (Object.keys(counts) as Array<keyof QueueCounts>);
    return statuses.reduce((sum, status) => sum + (counts[status] ?? 0), 0);
  };
  return (
    <nav aria-label={m.tabsLabel} className="queue-tabs">
      <ul>
        {QUEUE_TABS.map((tab) => {
          const count = countOf(tab);
          const label = count === null ? m.tabs[tab] : m.tabWithCount(m.tabs[tab], count);
          return (
            <li key={tab}>
              <Link to={queueHref(firstPage({ ...view, tab }))} aria-current={tab === view.tab ? 'page' : undefined}>
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
