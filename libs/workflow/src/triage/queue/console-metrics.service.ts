import { Injectable } from '@nestjs/common';
import { ConsoleMetricsRepository } from '@rightsdesk/data-access';
import { addDays, compareDates, daysBetween, RequestException, toCalendarDate } from '@rightsdesk/domain';
import { Clock } from '../../time/clock';
import { ccpaCsv, ccpaRows } from './ccpa-report';
import { type MetricsFigures, metricsFigures } from './metrics-figures';
import { mondayOf, type WeekFigures, weekFigures } from './weekly-metrics';

export interface ConsoleMetricsReport extends MetricsFigures {
  /** The requests counted: those received from `from` to `to`, both inclusive. */
  period: { from: string; to: string };
  /** Open requests past their due date, now (whatever the period). */
  overdueNow: number;
  asOf: string;
}

export interface WeeklyMetricsReport {
  /** Whole ISO weeks: from the Monday of `from`'s week to the Sunday of `to`'s. */
  period: { from: string; to: string };
  weeks: WeekFigures[];
  asOf: string;
}

const DEFAULT_PERIOD_DAYS = 365;
const DEFAULT_WEEKS = 12;
// Two years of weeks is as far as a chart stays readable; it also bounds the per-week overdue count.
export const MAX_WEEKS = 106;

// Figures for the privacy team and for publication. Each figure is about the requests received in
// the period, followed to their current state: closed ones by how long they took (UTC closing date −
// receipt date, whole days).
@Injectable()
export class ConsoleMetrics {
  constructor(
    private readonly metrics: ConsoleMetricsRepository,
    private readonly clock: Clock,
  ) {}

  /** Defaults to the last 365 days, today included. */
  async report(period: { from?: string; to?: string }): Promise<ConsoleMetricsReport> {
    const today = toCalendarDate(this.clock.now());
    const to = period.to ?? today;
    const from = period.from ?? addDays(to, 1 - DEFAULT_PERIOD_DAYS);
    if (compareDates(from, to) > 0) {
      throw new RequestException('validation_failed', 'The period ends before it starts.', {
        fieldErrors: [{ path: 'to', code: 'invalid_value', message: 'Must be on or after from.' }],
      });
    }
    const [outcomes, overdueNow] = await Promise.all([
      this.metrics.outcomes(from, to, null),
      this.metrics.overdueCount(today),
    ]);
    return { period: { from, to }, ...metricsFigures(outcomes), overdueNow, asOf: today };
  }

  /**
   * Per ISO week (UTC): received by type, median days to close, overdue at the week's end. Defaults
   * to the 12 weeks ending with the current one.
   */
  async weekly(period: { from?: string; to?: string }): Promise<WeeklyMetricsReport> {
    const now = this.clock.now();
    const today = toCalendarDate(now);
    const to = period.to ?? today;
    const from = period.from ?? addDays(mondayOf(to), -7 * (DEFAULT_WEEKS - 1));
    if (compareDates(from, to) > 0) {
      throw new RequestException('validation_failed', 'The period ends before it starts.', {
        fieldErrors: [{ path: 'to', code: 'invalid_value', message: 'Must be on or after from.' }],
      });
    }
    const firstMonday = mondayOf(from);
    const lastMonday = mondayOf(to);
    if (daysBetween(firstMonday, lastMonday) / 7 + 1 > MAX_WEEKS) {
      throw new RequestException('validation_failed', 'The period is too long.', {
        fieldErrors: [{ path: 'from', code: 'too_small', message: `At most ${MAX_WEEKS} weeks before to.` }],
      });
    }
    const rows = await this.metrics.weekly(firstMonday, lastMonday, today, now);
    return { period: { from: firstMonday, to: addDays(lastMonday, 6) }, weeks: rows.map(weekFigures), asOf: today };
  }

  /**
   * The figures 11 CCR §7102 asks businesses to publish for a calendar year, as CSV. `regime` ccpa
   * counts California consumers' requests only; `all` every request.
   */
  async ccpaCsv(year: number, regime: 'ccpa' | 'all'): Promise<string> {
    const from = `${String(year).padStart(4, '0')}-01-01`;
    const outcomes = await this.metrics.outcomes(
      from,
      `${from.slice(0, 4)}-12-31`,
      regime === 'all' ? null : 'ccpa',
    );
    return ccpaCsv(ccpaRows(outcomes));
  }
}
