import { Badge } from '../components/badge';
import { useMessages } from '../i18n/locale';
import { dueBadgeMessages } from './due-badge.messages';

/** Days within which an open request counts as due soon (the daily digest uses the same week). */
export const DUE_SOON_DAYS = 7;

/**
 * How close an open request is to its statutory deadline: red once overdue, amber within a week,
 * nothing otherwise or once closed (`daysLeft` null). The text says it; the colour only repeats it.
 */
export function DueBadge({ daysLeft }: { daysLeft: number | null }) {
  const m = useMessages(dueBadgeMessages);
  if (daysLeft === null || daysLeft > DUE_SOON_DAYS) {
    return null;
  }
  if (daysLeft < 0) {
    return <Badge tone="danger">{m.overdue(-daysLeft)}</Badge>;
  }
  return <Badge tone="warning">{daysLeft === 0 ? m.dueToday : m.dueIn(daysLeft)}</Badge>;
}
