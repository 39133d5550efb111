import { addDays, type CalendarDate, dayOfWeek, daysInMonth, makeCalendarDate } from './calendar-date';

export const HOLIDAY_CALENDARS = ['us_federal', 'us_california', 'none'] as const;

export type HolidayCalendar = (typeof HOLIDAY_CALENDARS)[number];

export interface Holiday {
  name: string;
  date: CalendarDate;
  observedOn: CalendarDate;
}

const SUNDAY = 0;
const MONDAY = 1;
const THURSDAY = 4;
const FRIDAY = 5;
const SATURDAY = 6;

function nthWeekday(year: number, month: number, weekday: number, nth: number): CalendarDate {
  const first = makeCalendarDate(year, month, 1);
  const offset = (weekday - dayOfWeek(first) + 7) % 7;
  return addDays(first, offset + (nth - 1) * 7);
}

function lastWeekday(year: number, month: number, weekday: number): CalendarDate {
  const last = makeCalendarDate(year, month, daysInMonth(year, month));
  return addDays(last, -((dayOfWeek(last) - weekday + 7) % 7));
}

// 5 U.S.C. §6103(b) and Executive Order 11582, as applied by OPM: a holiday on a Saturday is
// observed on the Friday before, one on a Sunday on the Monday after.
function observed(name: string, date: CalendarDate): Holiday {
  const weekday = dayOfWeek(date);
  const shift = weekday === SATURDAY ? -1 : weekday === SUNDAY ? 1 : 0;
  return { name, date, observedOn: addDays(date, shift) };
}

// 5 U.S.C. §6103(a). Juneteenth was added by Pub. L. 117-17 in June 2021.
function federalHolidayList(year: number): Holiday[] {
  const holidays = [
    observed("New Year's Day", makeCalendarDate(year, 1, 1)),
    observed('Birthday of Martin Luther King, Jr.', nthWeekday(year, 1, MONDAY, 3)),
    observed("Washington's Birthday", nthWeekday(year, 2, MONDAY, 3)),
    observed('Memorial Day', lastWeekday(year, 5, MONDAY)),
    observed('Juneteenth National Independence Day', makeCalendarDate(year, 6, 19)),
    observed('Independence Day', makeCalendarDate(year, 7, 4)),
    observed('Labor Day', nthWeekday(year, 9, MONDAY, 1)),
    observed('Columbus Day', nthWeekday(year, 10, MONDAY, 2)),
    observed('Veterans Day', makeCalendarDate(year, 11, 11)),
    observed('Thanksgiving Day', nthWeekday(year, 11, THURSDAY, 4)),
    observed('Christmas Day', makeCalendarDate(year, 12, 25)),
  ];
  return year >= 2021 ? holidays : holidays.filter((h) => !h.name.startsWith('Juneteenth'));
}

// Cal. Gov. Code §6700(a) lists the state's holidays. Rightsdesk counts CCPA business days against
// the federal holidays that California also keeps plus the state's own closures. Columbus Day is left
// out on purpose: although §6700(a)(12) still names it, California state offices stay open that day.
// §6701 itself moves only Sunday holidays (and a Saturday 11 November); we apply the federal
// Saturday-to-Friday rule to every holiday so one rule governs both calendars.
function californiaHolidayList(year: number): Holiday[] {
  const federal = federalHolidayList(year).filter((h) => h.name !== 'Columbus Day');
  const thanksgiving = nthWeekday(year, 11, THURSDAY, 4);
  return [
    ...federal,
    observed("Lincoln's Birthday", makeCalendarDate(year, 2, 12)),
    observed('César Chávez Day', makeCalendarDate(year, 3, 31)),
    observed('Native American Day', nthWeekday(year, 9, FRIDAY, 4)),
    observed('Day after Thanksgiving', addDays(thanksgiving, 1)),
  ];
}

function observedIn(year: number, list: (year: number) => Holiday[]): CalendarDate[] {
  // New Year's Day on a Saturday is observed on 31 December of the year before, so that day off
  // belongs to the earlier year's list.
  const prefix = `${String(year).padStart(4, '0')}-`;
  const days = [...list(year), ...(year < 9999 ? list(year + 1) : [])]
    .map((h) => h.observedOn)
    .filter((d) => d.startsWith(prefix));
  return [...new Set(days)].sort();
}

function byDate(a: Holiday, b: Holiday): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

export function usFederalHolidayDetails(year: number): Holiday[] {
  return federalHolidayList(year).sort(byDate);
}

export function californiaStateHolidayDetails(year: number): Holiday[] {
  return californiaHolidayList(year).sort(byDate);
}

// The days off observed within `year`, sorted.
export function usFederalHolidays(year: number): CalendarDate[] {
  return observedIn(year, federalHolidayList);
}

export function californiaStateHolidays(year: number): CalendarDate[] {
  return observedIn(year, californiaHolidayList);
}

export function holidaysFor(calendar: HolidayCalendar, year: number): CalendarDate[] {
  switch (calendar) {
    case 'us_federal':
      return usFederalHolidays(year);
    case 'us_california':
      return californiaStateHolidays(year);
    case 'none':
      return [];
  }
}
