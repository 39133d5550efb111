import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type RegimeId, type RequestStatus, type RequestType, TERMINAL_STATUSES } from '@rightsdesk/domain';

/**
 * How many requests of a type are in a status, with the days they took to close: `days` is set for
 * completed and denied requests (closing UTC date − receipt date), null for the rest.
 */
export interface OutcomeCount {
  type: RequestType;
  status: RequestStatus;
  days: number | null;
  count: number;
}

/** One ISO week (Monday to Sunday, UTC) of the weekly figures. */
export interface WeekRow {
  /** The Monday, YYYY-MM-DD. */
  weekStart: string;
  /** e.g. 2026-W03. */
  isoWeek: string;
  /** Requests received that week, by type (types with none are absent). */
  received: Partial<Record<RequestType, number>>;
  /** Requests completed or denied that week. */
  closed: number;
  /** Median whole days from receipt to closing of those, null when none. */
  medianDays: number | null;
  /** Open requests past their due date at the week's end; null for a week that has not started. */
  overdueAtEnd: number | null;
}

@Injectable()
export class ConsoleMetricsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Requests received from `from` to `to` (inclusive), grouped by type, status and days to close:
   * a few hundred rows at most whatever the volume, from which counts, medians and means follow.
   * `regime` null means every regime.
   */
  outcomes(from: string, to: string, regime: RegimeId | null): Promise<OutcomeCount[]> {
    return this.dataSource.query<OutcomeCount[]>(
      `SELECT type, status,
              CASE WHEN status IN ('completed', 'denied') AND closed_at IS NOT NULL
                   THEN ((closed_at AT TIME ZONE 'UTC')::date - received_on) END AS days,
              count(*)::int AS count
         FROM privacy_request
        WHERE received_on BETWEEN $1::date AND $2::date AND ($3::varchar IS NULL OR regime = $3::varchar)
        GROUP BY 1, 2, 3
        ORDER BY 1, 2, 3`,
      [from, to, regime],
    );
  }

  /** Open requests whose due date is before `today`. */
  async overdueCount(today: string): Promise<number> {
    const [row] = await this.dataSource.query<Array<{ count: number }>>(
      `SELECT count(*)::int AS count FROM privacy_request WHERE status <> ALL($1::varchar[]) AND due_on < $2::date`,
      [TERMINAL_STATUSES, today],
    );
    return row?.count ?? 0;
  }

  /**
   * ISO weeks from the one starting `firstMonday` to the one starting `lastMonday`, in UTC.
   * - received: by the receipt date (`received_on`, the clock's date; a logged request's real date);
   * - closed and median days: completed or denied requests by the UTC date of `closed_at`, days as in
   *   outcomes() (closing UTC date − receipt date);
   * - overdue at the week's end (Monday 00:00 UTC after it, or now for the current week): received
   *   before it, not closed by it, and due before that day. The due date is the one stored now
   *   (`due_on`), which already includes an extension and the days a hold paused the clock: the
   *   history of due dates is not replayed, so a request extended later counts against its extended
   *   date in earlier weeks too. A request on hold counts like any other open request, as overdueCount
   *   does.
   */
  weekly(firstMonday: string, lastMonday: string, today: string, now: Date): Promise<WeekRow[]> {
    return this.dataSource.query<WeekRow[]>(
      `WITH weeks AS (
         SELECT w::date AS week_start, (w::date + 7) AS week_end
           FROM generate_series($1::date, $2::date, interval '7 days') AS w
       ),
       received AS (
         SELECT received_on - (extract(isodow FROM received_on)::int - 1) AS week_start, type, count(*)::int AS count
           FROM privacy_request
          WHERE received_on >= $1::date AND received_on < $2::date + 7
          GROUP BY 1, 2
       ),
       closed AS (
         SELECT closed_on - (extract(isodow FROM closed_on)::int - 1) AS week_start,
                count(*)::int AS count,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY closed_on - received_on) AS median_days
           FROM (SELECT (closed_at AT TIME ZONE 'UTC')::date AS closed_on, received_on
                   FROM privacy_request
                  WHERE status IN ('completed', 'denied')
                    AND closed_at >= ($1::date)::timestamp AT TIME ZONE 'UTC'
                    AND closed_at < ($2::date + 7)::timestamp AT TIME ZONE 'UTC') AS c
          GROUP BY 1
       ),
       cutoffs AS (
         SELECT week_start,
                LEAST(week_end::timestamp AT TIME ZONE 'UTC', $4::timestamptz) AS at,
                LEAST(week_end, $3::date) AS on_day
           FROM weeks
       )
       SELECT to_char(w.week_start, 'YYYY-MM-DD') AS "weekStart",
              to_char(w.week_start, 'IYYY-"W"IW') AS "isoWeek",
              COALESCE((SELECT json_object_agg(r.type, r.count) FROM received r WHERE r.week_start = w.week_start), '{}'::json) AS received,
              COALESCE(c.count, 0) AS closed,
              c.median_days AS "medianDays",
              CASE WHEN w.week_start > $3::date THEN NULL ELSE (
                SELECT count(*)::int FROM privacy_request p
                 WHERE p.received_at < k.at
                   AND (p.closed_at >= k.at OR (p.closed_at IS NULL AND p.status <> ALL($5::varchar[])))
                   AND p.due_on < k.on_day
              ) END AS "overdueAtEnd"
         FROM weeks w
         JOIN cutoffs k ON k.week_start = w.week_start
         LEFT JOIN closed c ON c.week_start = w.week_start
        ORDER BY w.week_start`,
      [firstMonday, lastMonday, today, now.toISOString(), TERMINAL_STATUSES],
    );
  }
}
