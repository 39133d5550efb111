import { addDays, dayOfWeek, isCalendarDate, toCalendarDate } from '@rightsdesk/domain';

export const PRESET_WEEKS = [4, 12, 26, 52] as const;
export const DEFAULT_WEEKS = 12;

export interface MetricsPeriod {
  from: string;
  to: string;
}

export function today(): string {
  return toCalendarDate(new Date());
}

export function mondayOf(date: string): string {
  return addDays(date, -((dayOfWeek(date) + 6) % 7));
}

/** The last `weeks` whole weeks up to today, the current one included (what the api defaults to). */
export function lastWeeks(weeks: number, on = today()): MetricsPeriod {
  return { from: addDays(mondayOf(on), -7 * (weeks - 1)), to: on };
}

/** The period in the URL, or the default; a malformed date falls back to the default as well. */
export function readPeriod(query: URLSearchParams): MetricsPeriod {
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  const fallback = lastWeeks(DEFAULT_WEEKS);
  return { from: isCalendarDate(from) ? from : fallback.from, to: isCalendarDate(to) ? to : fallback.to };
}

export function metricsHref(period: MetricsPeriod, year?: string): string {
  const query = new URLSearchParams({ from: period.from, to: period.to });
  if (year) {
    query.set('year', year);
  }
  return `/console/metrics?${query.toString()}`;
}
