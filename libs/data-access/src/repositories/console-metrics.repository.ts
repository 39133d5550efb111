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
}
