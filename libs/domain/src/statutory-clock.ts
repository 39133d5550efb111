import { addBusinessDays } from './business-days';
import {
  addDays,
  addMonthsClamped,
  type CalendarDate,
  compareDates,
  daysBetween,
  parseCalendarDate,
} from './calendar-date';
import { REGIME_RULES, type RegimeId, type RegimePeriod } from './regime';
import { type RequestType } from './request-type';

export interface ClockHold {
  from: CalendarDate;
  to?: CalendarDate;
}

export interface ClockInput {
  regime: RegimeId;
  type: RequestType;
  receivedOn: CalendarDate;
  extended?: boolean;
  holds?: ClockHold[];
  today?: CalendarDate;
}

export interface Deadline {
  regime: RegimeId;
  // The deadline in force: the extended one when the request was extended.
  dueOn: CalendarDate;
  // End of the first response period, including any paused days.
  originalDueOn: CalendarDate;
  // Where the deadline would be (or is) after the one extension the regime allows; null when none.
  extendedDueOn: CalendarDate | null;
  // Whether an extension can still be taken on `today`.
  canExtend: boolean;
  extensionNoticeBy: CalendarDate | null;
  confirmReceiptBy: CalendarDate | null;
  pausedDays: number;
  legalBasis: string;
  explanation: string;
}

const NUMBER_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];

function monthsWord(months: number): string {
  return NUMBER_WORDS[months] ?? String(months);
}

function addPeriod(from: CalendarDate, period: RegimePeriod): CalendarDate {
  return 'months' in period ? addMonthsClamped(from, period.months) : addDays(from, period.days);
}

// GDPR Art. 12(3) gives "two further months" on top of one month; both count from receipt, so
// 31 January runs to 30 April, not to 28 February plus two months.
function addPeriods(from: CalendarDate, first: RegimePeriod, second: RegimePeriod): CalendarDate {
  if ('months' in first && 'months' in second) {
    return addMonthsClamped(from, first.months + second.months);
  }
  return addPeriod(addPeriod(from, first), second);
}

function describePeriod(period: RegimePeriod): string {
  if ('months' in period) {
    return period.months === 1 ? 'one month' : `${monthsWord(period.months)} months`;
  }
  return `${period.days} days`;
}

function describeExtension(period: RegimePeriod): string {
  if ('months' in period) {
    return period.months === 1 ? 'one further month' : `${monthsWord(period.months)} further months`;
  }
  return `a further ${period.days} days`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

interface PauseResult {
  pausedDays: number;
  ignoredLateHold: boolean;
}

// Holds are merged first so overlapping holds are not counted twice. A hold that begins after the
// deadline has passed does not revive it: the clock had already run out.
function pausedDaysFor(
  holds: readonly ClockHold[],
  receivedOn: CalendarDate,
  today: CalendarDate,
  due: CalendarDate,
): PauseResult {
  const intervals = holds
    .map((hold) => {
      const from = parseCalendarDate(hold.from);
      const to = hold.to === undefined ? today : parseCalendarDate(hold.to);
      if (hold.to !== undefined && compareDates(to, from) < 0) {
        throw new RangeError(`Hold ends (${to}) before it starts (${from})`);
      }
      const start = compareDates(from, receivedOn) < 0 ? receivedOn : from;
      return { from: start, to };
    })
    .filter((i) => compareDates(i.to, i.from) > 0)
    .sort((a, b) => compareDates(a.from, b.from));

  const merged: Array<{ from: CalendarDate; to: CalendarDate }> = [];
  for (const interval of intervals) {
    const last = merged.at(-1);
    if (last && compareDates(interval.from, last.to) <= 0) {
      if (compareDates(interval.to, last.to) > 0) {
        last.to = interval.to;
      }
    } else {
      merged.push({ ...interval });
    }
  }

  let runningDue = due;
  let pausedDays = 0;
  let ignoredLateHold = false;
  for (const interval of merged) {
    if (compareDates(interval.from, runningDue) > 0) {
      ignoredLateHold = true;
      continue;
    }
    const length = daysBetween(interval.from, interval.to);
    pausedDays += length;
    runningDue = addDays(runningDue, length);
  }
  return { pausedDays, ignoredLateHold };
}

export function computeDeadline(input: ClockInput): Deadline {
  if (!Object.hasOwn(REGIME_RULES, input.regime)) {
    throw new RangeError(`Unknown regime: ${String(input.regime)}`);
  }
  const rule = REGIME_RULES[input.regime];
  const receivedOn = parseCalendarDate(input.receivedOn);
  const today = parseCalendarDate(input.today ?? receivedOn);
  const holds = input.holds ?? [];

  const optOut = input.type === 'opt_out' ? rule.optOut : null;
  const legalBasis = optOut ? optOut.legalBasis : rule.legalBasis;
  const extension = optOut ? null : rule.extension;

  const baseDue = optOut
    ? addBusinessDays(receivedOn, optOut.businessDays, optOut.calendar)
    : addPeriod(receivedOn, rule.responsePeriod);
  const baseExtended = extension ? addPeriods(receivedOn, rule.responsePeriod, extension) : null;
  const extended = input.extended === true && baseExtended !== null;

  const pause = rule.pausesWhileOnHold
    ? pausedDaysFor(holds, receivedOn, today, extended && baseExtended ? baseExtended : baseDue)
    : { pausedDays: 0, ignoredLateHold: false };
  const { pausedDays } = pause;

  const originalDueOn = addDays(baseDue, pausedDays);
  const extendedDueOn = baseExtended ? addDays(baseExtended, pausedDays) : null;
  const dueOn = extended && extendedDueOn ? extendedDueOn : originalDueOn;
  const extensionNoticeBy = extendedDueOn && rule.extensionNoticeInFirstPeriod ? originalDueOn : null;
  const canExtend =
    extendedDueOn !== null && !extended && compareDates(today, extensionNoticeBy ?? originalDueOn) <= 0;

  // Receipt confirmation is owed for requests to know, delete and correct (11 CCR §7021(a)), not for
  // opt-outs, which must simply be honoured within 15 business days.
  const confirmation = input.type === 'opt_out' ? null : rule.receiptConfirmation;
  const confirmReceiptBy = confirmation
    ? addBusinessDays(receivedOn, confirmation.businessDays, confirmation.calendar)
    : null;

  const period = optOut ? `${optOut.businessDays} business days` : describePeriod(rule.responsePeriod);
  let explanation = `due ${dueOn}: ${legalBasis}, ${period} from receipt on ${receivedOn}`;
  if (extended && extension) {
    explanation += `, extended by ${describeExtension(extension)}`;
  } else if (input.extended === true) {
    explanation += ', no extension is available';
  }
  if (pausedDays > 0) {
    explanation += `, plus ${plural(pausedDays, 'day')} paused while waiting for the requester`;
  }
  if (pause.ignoredLateHold) {
    explanation += ', a hold that began after the due date does not extend it';
  }
  if (!rule.pausesWhileOnHold && holds.length > 0) {
    explanation += ', the clock keeps running while on hold';
  }
  if (confirmReceiptBy) {
    explanation += `; confirm receipt by ${confirmReceiptBy}`;
  }

  return {
    regime: input.regime,
    dueOn,
    originalDueOn,
    extendedDueOn,
    canExtend,
    extensionNoticeBy,
    confirmReceiptBy,
    pausedDays,
    legalBasis,
    explanation,
  };
}
