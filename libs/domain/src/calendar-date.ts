// A date without a time or zone, 'YYYY-MM-DD'. Statutory deadlines are counted in calendar days, so
// they must never pass through a Date at local midnight, where a DST change shifts them by a day.
export type CalendarDate = string;

export interface CalendarDateParts {
  year: number;
  month: number;
  day: number;
}

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MIN_YEAR = 1;
const MAX_YEAR = 9999;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    return isLeapYear(year) ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== 'string') {
    return false;
  }
  const match = PATTERN.exec(value);
  if (!match) {
    return false;
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return year >= MIN_YEAR && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function parseCalendarDate(value: string): CalendarDate {
  if (!isCalendarDate(value)) {
    throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(value)}`);
  }
  return value;
}

export function calendarDateParts(date: CalendarDate): CalendarDateParts {
  const valid = parseCalendarDate(date);
  return {
    year: Number(valid.slice(0, 4)),
    month: Number(valid.slice(5, 7)),
    day: Number(valid.slice(8, 10)),
  };
}

export function makeCalendarDate(year: number, month: number, day: number): CalendarDate {
  if (![year, month, day].every(Number.isInteger) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`Not a calendar date: ${year}-${month}-${day}`);
  }
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return parseCalendarDate(text);
}

// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil), integer
// arithmetic only, so no time zone or DST rule can leak in.
function toDayNumber({ year, month, day }: CalendarDateParts): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function fromDayNumber(dayNumber: number): CalendarDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return makeCalendarDate(year, month, day);
}

function requireInteger(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) {
    throw new RangeError(`${what} must be a whole number, got ${n}`);
  }
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  requireInteger(days, 'days');
  return fromDayNumber(toDayNumber(calendarDateParts(date)) + days);
}

// GDPR Art. 12(3) and the ICO count a month as "the same date next month"; when that date does not
// exist (31 January → February) the period ends on the last day of the shorter month.
export function addMonthsClamped(date: CalendarDate, months: number): CalendarDate {
  requireInteger(months, 'months');
  const { year, month, day } = calendarDateParts(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  if (targetYear < MIN_YEAR || targetYear > MAX_YEAR) {
    throw new RangeError(`${date} plus ${months} months is out of range`);
  }
  return makeCalendarDate(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

export function compareDates(a: CalendarDate, b: CalendarDate): -1 | 0 | 1 {
  const left = parseCalendarDate(a);
  const right = parseCalendarDate(b);
  // Fixed-width, zero-padded ISO dates sort correctly as strings.
  return left < right ? -1 : left > right ? 1 : 0;
}

export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return toDayNumber(calendarDateParts(to)) - toDayNumber(calendarDateParts(from));
}

export function dayOfWeek(date: CalendarDate): number {
  // 1970-01-01 was a Thursday (4).
  const n = toDayNumber(calendarDateParts(date));
  return (((n + 4) % 7) + 7) % 7;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Throws RangeError for an unknown zone before anything is cached.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

// The calendar date a person in `timeZone` sees at `date`: a request received at 23:30 in Los
// Angeles was received that day, although it is already the next day in UTC.
export function toCalendarDate(date: Date, timeZone = 'UTC'): CalendarDate {
  if (Number.isNaN(date.getTime())) {
    throw new RangeError('Invalid Date');
  }
  const year = date.getUTCFullYear();
  if (timeZone === 'UTC' && year >= 1 && year <= 9999) {
    // The common case, on every intake: the ISO string already is the UTC calendar date.
    return date.toISOString().slice(0, 10);
  }
  const parts = formatterFor(timeZone).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  if (part('era') !== 'AD') {
    throw new RangeError(`${date.toISOString()} is before year 1`);
  }
  return makeCalendarDate(Number(part('year')), Number(part('month')), Number(part('day')));
}
