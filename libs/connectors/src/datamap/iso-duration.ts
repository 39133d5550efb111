// ISO 8601 durations as retention periods are written: P90D, P3Y, PT12H, P1Y6M, P2W. Fractions are
// left out on purpose: "P0.5Y" has no single meaning across calendars, and nobody writes retention so.
const DURATION =
  /^P(?:(\d+)W|(?=\d|T\d)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?)$/;

export function isIsoDuration(text: string): boolean {
  return DURATION.test(text);
}

/** Why `text` is not a usable retention period, or undefined when it is one. */
export function isoDurationProblem(text: string): string | undefined {
  const match = DURATION.exec(text);
  if (!match) {
    return `"${text}" is not an ISO 8601 duration such as P90D, P3Y, PT12H or P1Y6M`;
  }
  if (match.slice(1).every((part) => part === undefined || Number(part) === 0)) {
    return `"${text}" is zero; a period must be longer than that`;
  }
  return undefined;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/**
 * `from` minus `duration`, the way PostgreSQL subtracts an interval in UTC: years and months move
 * the calendar month and clamp the day to that month's last day (31 March − P1M = 28 or 29
 * February), weeks and days are calendar days, hours, minutes and seconds elapsed time.
 */
export function subtractIsoDuration(from: Date, duration: string): Date {
  return shift(from, duration, -1);
}

/** `from` plus `duration`, with the same calendar rules as subtractIsoDuration. */
export function addIsoDuration(from: Date, duration: string): Date {
  return shift(from, duration, 1);
}

function shift(from: Date, duration: string, sign: 1 | -1): Date {
  const match = DURATION.exec(duration);
  if (!match) {
    throw new Error(`"${duration}" is not an ISO 8601 duration such as P90D, P3Y, PT12H or P1Y6M`);
  }
  const [weeks, years, months, days, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0));
  const date = new Date(from.getTime());
  const totalMonths = years * 12 + months;
  if (totalMonths > 0) {
    const day = date.getUTCDate();
    // Day 1 first, so moving the month never overflows into the next one (31 March → 3 March).
    date.setUTCDate(1);
    date.setUTCMonth(date.getUTCMonth() + sign * totalMonths);
    date.setUTCDate(Math.min(day, daysInMonth(date.getUTCFullYear(), date.getUTCMonth())));
  }
  date.setUTCDate(date.getUTCDate() + sign * (weeks * 7 + days));
  return new Date(date.getTime() + sign * ((hours * 60 + minutes) * 60 + seconds) * 1000);
}
