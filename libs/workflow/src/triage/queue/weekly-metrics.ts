import type { WeekRow } from '@rightsdesk/data-access';
import { addDays, dayOfWeek, REQUEST_TYPES, type RequestType } from '@rightsdesk/domain';

/** One ISO week of the metrics charts (UTC, Monday to Sunday). */
export interface WeekFigures {
  /** e.g. 2026-W03. */
  isoWeek: string;
  /** Monday and Sunday, YYYY-MM-DD. */
  start: string;
  end: string;
  received: Record<RequestType, number>;
  receivedTotal: number;
  /** Completed or denied that week. */
  closed: number;
  /** Median days from receipt to closing of the requests closed that week (one decimal), null when none. */
  medianDaysToClose: number | null;
  /** Open requests past their due date at the week's end (now, for the current week); null for a week not yet begun. */
  overdueAtEnd: number | null;
}

/** The Monday of the ISO week a date falls in. */
export function mondayOf(date: string): string {
  return addDays(date, -((dayOfWeek(date) + 6) % 7));
}

/** A repository row with every type listed (zeros included) and the median rounded to one decimal. */
export function weekFigures(row: WeekRow): WeekFigures {
  const received = Object.fromEntries(REQUEST_TYPES.map((type) => [type, row.received[type] ?? 0])) as Record<RequestType, number>;
  return {
    isoWeek: row.isoWeek,
    start: row.weekStart,
    end: addDays(row.weekStart, 6),
    received,
    receivedTotal: REQUEST_TYPES.reduce((sum, type) => sum + received[type], 0),
    closed: row.closed,
    medianDaysToClose: row.medianDays === null ? null : Math.round(Number(row.medianDays) * 10) / 10,
    overdueAtEnd: row.overdueAtEnd,
  };
}
