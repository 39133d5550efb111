import { useState } from 'react';
import { isDenyReason, isRequestStatus } from '@rightsdesk/domain';
import { formatDate, formatDateTime, useLocale, useMessages } from '../../i18n/locale';
import type { RequestDetail } from '../console-api-types';
import { requestVocabulary } from '../request-vocabulary.messages';
import { requestPageMessages } from './request.messages';
import { useActorName } from './use-actor-name';

// Reads that leave a record but change nothing; hidden unless asked for, so decisions stand out.
const VIEWS = new Set(['request_viewed', 'erasure_plan_viewed', 'attachment_viewed']);

export function RequestTimeline({ detail }: { detail: RequestDetail }) {
  const m = useMessages(requestPageMessages).timeline;
  const words = useMessages(requestVocabulary);
  const { locale } = useLocale();
  const actorName = useActorName();
  const [showViews, setShowViews] = useState(false);
  const entries = detail.timeline.filter((entry) => showViews || !VIEWS.has(entry.action));
  const statusWord = (status: string) => (isRequestStatus(status) ? words.statuses[status] : status);
  return (
    <section aria-labelledby="request-timeline-title">
      <h2 id="request-timeline-title">{m.heading}</h2>
      <div className="choice">
        <input id="timeline-show-views" type="checkbox" checked={showViews} onChange={(e) => setShowViews(e.target.checked)} />
        <label htmlFor="timeline-show-views">{m.showViews}</label>
      </div>
      <ol className="timeline">
        {entries.map((entry, index) => {
          const data = entry.data ?? {};
          const details: string[] = [];
          if (entry.fromStatus && entry.toStatus && entry.fromStatus !== entry.toStatus) {
            details.push(m.statusChange(statusWord(entry.fromStatus), statusWord(entry.toStatus)));
          }
          if (typeof data.system === 'string') {
            details.push(m.system(data.system));
          }
          const reason = data.reason ?? entry.reason;
          if (isDenyReason(reason)) {
            details.push(m.reason(words.denyReasons[reason].label));
          }
          if (entry.action === 'deadline_extended' && typeof data.dueOn === 'string') {
            details.push(m.newDue(formatDate(data.dueOn, locale)));
          }
          return (
            <li key={`${entry.at}-${index}`}>
              <time dateTime={entry.at}>{formatDateTime(entry.at, locale)}</time>
              <strong>{words.actions[entry.action] ?? entry.action}</strong> — {actorName(entry.actor)}
              {details.length > 0 ? <span className="timeline-details">{details.join(' · ')}</span> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
