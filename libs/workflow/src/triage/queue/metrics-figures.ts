import type { OutcomeCount } from '@rightsdesk/data-access';
import { REQUEST_STATUSES, REQUEST_TYPES, type RequestStatus, type RequestType } from '@rightsdesk/domain';
import { type DayCount, summarizeDays } from './duration-stats';

/** Requests decided (completed or denied) and how long they took from receipt. */
export interface ClosedFigures {
  count: number;
  completed: number;
  denied: number;
  medianDays: number | null;
  meanDays: number | null;
}

export interface ReceivedFigures {
  total: number;
  byStatus: Record<RequestStatus, number>;
}

export interface MetricsFigures {
  received: { total: number; byType: Record<RequestType, ReceivedFigures> };
  closed: { overall: ClosedFigures; byType: Record<RequestType, ClosedFigures> };
}

/** Counts and durations of a set of requests' outcomes (all types and statuses listed, zeros included). */
export function metricsFigures(outcomes: readonly OutcomeCount[]): MetricsFigures {
  const byType = Object.fromEntries(
    REQUEST_TYPES.map((type) => {
      const rows = outcomes.filter((row) => row.type === type);
      const byStatus = Object.fromEntries(
        REQUEST_STATUSES.map((status) => [status, sumCounts(rows.filter((row) => row.status === status))]),
      );
      return [type, { total: sumCounts(rows), byStatus: byStatus as Record<RequestStatus, number> }];
    }),
  ) as Record<RequestType, ReceivedFigures>;
  return {
    received: { total: sumCounts(outcomes), byType },
    closed: {
      overall: closedFigures(outcomes),
      byType: Object.fromEntries(
        REQUEST_TYPES.map((type) => [type, closedFigures(outcomes.filter((row) => row.type === type))]),
      ) as Record<RequestType, ClosedFigures>,
    },
  };
}

/** Completed and denied requests among these outcomes, with the days they took. */
export function closedFigures(outcomes: readonly OutcomeCount[]): ClosedFigures {
  const completed = sumCounts(outcomes.filter((row) => row.status === 'completed'));
  const denied = sumCounts(outcomes.filter((row) => row.status === 'denied'));
  const histogram: DayCount[] = outcomes.flatMap((row) =>
    row.days === null ? [] : [{ days: row.days, count: row.count }],
  );
  const { medianDays, meanDays } = summarizeDays(histogram);
  return { count: completed + denied, completed, denied, medianDays, meanDays };
}

function sumCounts(rows: readonly OutcomeCount[]): number {
  return rows.reduce((sum, row) => sum + row.count, 0);
}
