import { addDays, type CalendarDate, calendarDateParts, dayOfWeek } from './calendar-date';
import { type HolidayCalendar, holidaysFor } from './holidays';

const cache = new Map<string, ReadonlySet<CalendarDate>>();

function holidaySet(calendar: HolidayCalendar, year: number): ReadonlySet<CalendarDate> {
  const key = `${calendar}:${year}`;
  let set = cache.get(key);
  if (!set) {
    set = new Set(holidaysFor(calendar, year));
    cache.set(key, set);
  }
  return set;
}

export function isBusinessDay(date: CalendarDate, calendar: HolidayCalendar): boolean {
  const weekday = dayOfWeek(date);
  if (weekday === 0 || weekday === 6) {
    return false;
  }
  return !holidaySet(calendar, calendarDateParts(date).year).has(date);
}

// "Within 10 business days" (11 CCR §7021(a)) counts from the day after receipt: the n-th business
// day after `start`. A negative n counts backwards; zero returns `start` unchanged.
export function addBusinessDays(start: CalendarDate, n: number, calendar: HolidayCalendar): CalendarDate {
  if (!Number.isSafeInteger(n)) {
    throw new RangeError(`business days must be a whole number, got ${n}`);
  }
  const step = n < 0 ? -1 : 1;
  let date = addDays(start, 0);
  for (let remaining = Math.abs(n); remaining > 0;) {
    date = addDays(date, step);
    if (isBusinessDay(date, calendar)) {
      remaining -= 1;
    }
  }
  return date;
}
