import { formatDateTime, useLocale, useMessages } from '../../i18n/locale';
import { requestWords } from '../request-words.messages';
import type { RequestStatusAnswer } from './request-status-api';

/** The public timeline, oldest first, each event in words with its time. */
export function Timeline({ entries }: { entries: RequestStatusAnswer['timeline'] }) {
  const { locale } = useLocale();
  const words = useMessages(requestWords);
  const describe = (entry: RequestStatusAnswer['timeline'][number]) =>
    entry.event === 'status_changed' ? words.statusChanged(entry.status ? words.statusName[entry.status] : '') : words.eventName[entry.event];
  return (
    <ol className="timeline">
      {entries.map((entry, index) => (
        <li key={`${entry.at}-${index}`}>
          <time dateTime={entry.at}>{formatDateTime(entry.at, locale)}</time>
          {describe(entry)}
        </li>
      ))}
    </ol>
  );
}
