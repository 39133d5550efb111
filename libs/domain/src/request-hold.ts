import type { CalendarDate } from './calendar-date';
import type { ClockHold } from './statutory-clock';

/** The holds stored on a request, as the statutory clock reads them; an open hold has no `to`. */
export type RequestHolds = ClockHold[];

export function openHold(holds: readonly ClockHold[]): ClockHold | undefined {
  const last = holds.at(-1);
  return last && last.to === undefined ? last : undefined;
}

/** A new hold starting today; the request must not already be on hold. */
export function startHold(holds: readonly ClockHold[], today: CalendarDate): RequestHolds {
  if (openHold(holds)) {
    throw new RangeError('The request is already on hold');
  }
  return [...holds, { from: today }];
}

/** Closes the open hold today (no-op when none is open). */
export function endHold(holds: readonly ClockHold[], today: CalendarDate): RequestHolds {
  const open = openHold(holds);
  return open ? [...holds.slice(0, -1), { from: open.from, to: today }] : [...holds];
}
