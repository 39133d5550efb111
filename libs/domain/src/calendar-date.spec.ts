import {
  addDays,
  addMonthsClamped,
  calendarDateParts,
  compareDates,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  isCalendarDate,
  isLeapYear,
  makeCalendarDate,
  parseCalendarDate,
  toCalendarDate,
} from './calendar-date';

describe('parseCalendarDate', () => {
  it.each(['2026-11-25', '2028-02-29', '2000-02-29', '0001-01-01', '9999-12-31', '2026-12-31'])(
    'accepts %s',
    (s) => {
      expect(parseCalendarDate(s)).toBe(s);
      expect(isCalendarDate(s)).toBe(true);
    },
  );

  it.each([
    '2026-02-29',
    '1900-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '0000-01-01',
    '2026-1-01',
    '2026-01-1',
    '26-01-01',
    '2026/01/01',
    ' 2026-01-01',
    '2026-01-01T00:00:00Z',
    '２０２６-01-01',
    '',
  ])('rejects %p with a RangeError', (s) => {
    expect(() => parseCalendarDate(s)).toThrow(RangeError);
    expect(isCalendarDate(s)).toBe(false);
  });

  it('rejects values that are not strings', () => {
    expect(isCalendarDate(20260101)).toBe(false);
    expect(isCalendarDate(new Date())).toBe(false);
    expect(() => parseCalendarDate(undefined as unknown as string)).toThrow(RangeError);
  });
});

describe('leap years and month lengths', () => {
  it.each([
    [2024, true],
    [2026, false],
    [2027, false],
    [2028, true],
    [1900, false],
    [2000, true],
    [2100, false],
  ])('isLeapYear(%d) is %s', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
  });

  it('knows how long each month is', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2027, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
    expect(daysInMonth(2028, 2)).toBe(29);
  });
});

describe('makeCalendarDate and calendarDateParts', () => {
  it('pads and validates', () => {
    expect(makeCalendarDate(2026, 7, 4)).toBe('2026-07-04');
    expect(makeCalendarDate(33, 1, 2)).toBe('0033-01-02');
    expect(calendarDateParts('2026-07-04')).toEqual({ year: 2026, month: 7, day: 4 });
    expect(() => makeCalendarDate(2026, 2, 29)).toThrow(RangeError);
    expect(() => makeCalendarDate(10000, 1, 1)).toThrow(RangeError);
    expect(() => makeCalendarDate(2026, 1.5, 1)).toThrow(RangeError);
  });
});

describe('addDays', () => {
  it.each([
    ['2026-11-25', 45, '2027-01-09'],
    ['2026-11-25', 90, '2027-02-23'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2027-02-28', 1, '2027-03-01'],
    ['2028-03-01', -1, '2028-02-29'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2026-03-08', 1, '2026-03-09'],
    ['2026-11-01', 1, '2026-11-02'],
    ['2026-11-25', 0, '2026-11-25'],
    ['2026-01-01', 365, '2027-01-01'],
    ['2028-01-01', 366, '2029-01-01'],
    ['1999-12-31', 1, '2000-01-01'],
    ['2000-02-28', 1, '2000-02-29'],
    ['2100-02-28', 1, '2100-03-01'],
  ])('%s + %d days = %s', (from, n, expected) => {
    expect(addDays(from, n)).toBe(expected);
  });

  it('rejects fractional days and dates out of range', () => {
    expect(() => addDays('2026-01-01', 0.5)).toThrow(RangeError);
    expect(() => addDays('2026-01-01', Number.NaN)).toThrow(RangeError);
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
    expect(() => addDays('0001-01-01', -1)).toThrow(RangeError);
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });

  it('agrees with Date.UTC arithmetic over four centuries', () => {
    const start = Date.UTC(1900, 0, 1);
    const day = 86_400_000;
    for (let i = 0; i < 146_097; i += 37) {
      const expected = new Date(start + i * day).toISOString().slice(0, 10);
      expect(addDays('1900-01-01', i)).toBe(expected);
    }
  });
});

describe('addMonthsClamped', () => {
  it.each([
    ['2026-11-25', 1, '2026-12-25'],
    ['2026-12-25', 1, '2027-01-25'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2028-01-30', 1, '2028-02-29'],
    ['2028-01-29', 1, '2028-02-29'],
    ['2027-01-29', 1, '2027-02-28'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-08-31', 1, '2026-09-30'],
    ['2026-07-31', 1, '2026-08-31'],
    ['2026-01-31', 3, '2026-04-30'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2028-02-29', 1, '2028-03-29'],
    ['2026-12-31', 2, '2027-02-28'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2026-05-31', 0, '2026-05-31'],
    ['2026-01-31', 13, '2027-02-28'],
  ])('%s + %d months = %s', (from, n, expected) => {
    expect(addMonthsClamped(from, n)).toBe(expected);
  });

  it('rejects fractional months and years out of range', () => {
    expect(() => addMonthsClamped('2026-01-01', 1.5)).toThrow(RangeError);
    expect(() => addMonthsClamped('9999-12-01', 1)).toThrow(RangeError);
  });
});

describe('compareDates and daysBetween', () => {
  it('orders dates', () => {
    expect(compareDates('2026-01-01', '2026-01-02')).toBe(-1);
    expect(compareDates('2026-01-02', '2026-01-01')).toBe(1);
    expect(compareDates('2026-01-01', '2026-01-01')).toBe(0);
    expect(compareDates('2025-12-31', '2026-01-01')).toBe(-1);
    expect(['2027-01-09', '2026-12-25', '2026-12-31'].sort(compareDates)).toEqual([
      '2026-12-25',
      '2026-12-31',
      '2027-01-09',
    ]);
    expect(() => compareDates('2026-1-1', '2026-01-01')).toThrow(RangeError);
  });

  it.each([
    ['2026-11-25', '2027-01-09', 45],
    ['2027-01-09', '2026-11-25', -45],
    ['2026-12-01', '2026-12-06', 5],
    ['2028-02-28', '2028-03-01', 2],
    ['2027-02-28', '2027-03-01', 1],
    ['2026-03-01', '2026-03-31', 30],
    ['2026-01-01', '2026-01-01', 0],
  ])('daysBetween(%s, %s) = %d', (a, b, n) => {
    expect(daysBetween(a, b)).toBe(n);
  });
});

describe('dayOfWeek', () => {
  it.each([
    ['1970-01-01', 4],
    ['2026-11-25', 3],
    ['2026-11-26', 4],
    ['2026-07-04', 6],
    ['2026-07-05', 0],
    ['2027-01-01', 5],
    ['2028-02-29', 2],
    ['2000-01-01', 6],
    ['1900-01-01', 1],
    ['0001-01-01', 1],
  ])('%s is weekday %d (0 = Sunday)', (date, weekday) => {
    expect(dayOfWeek(date)).toBe(weekday);
  });
});

describe('toCalendarDate', () => {
  it('defaults to UTC', () => {
    expect(toCalendarDate(new Date('2026-11-25T23:59:59.999Z'))).toBe('2026-11-25');
    expect(toCalendarDate(new Date('2026-11-26T00:00:00.000Z'))).toBe('2026-11-26');
  });

  it('gives the local date in the requested zone', () => {
    const instant = new Date('2026-11-26T05:30:00Z');
    expect(toCalendarDate(instant, 'America/Los_Angeles')).toBe('2026-11-25');
    expect(toCalendarDate(instant, 'Europe/Berlin')).toBe('2026-11-26');
    expect(toCalendarDate(new Date('2026-12-31T23:30:00Z'), 'Pacific/Kiritimati')).toBe('2027-01-01');
    expect(toCalendarDate(new Date('2026-01-01T09:00:00Z'), 'Pacific/Pago_Pago')).toBe('2025-12-31');
  });

  it('is not shifted by a daylight saving change', () => {
    // Europe/Berlin springs forward at 01:00 UTC on 2026-03-29; America/New_York falls back on 2026-11-01.
    expect(toCalendarDate(new Date('2026-03-28T23:30:00Z'), 'Europe/Berlin')).toBe('2026-03-29');
    expect(toCalendarDate(new Date('2026-03-29T21:59:00Z'), 'Europe/Berlin')).toBe('2026-03-29');
    expect(toCalendarDate(new Date('2026-03-29T22:00:00Z'), 'Europe/Berlin')).toBe('2026-03-30');
    expect(toCalendarDate(new Date('2026-11-01T05:30:00Z'), 'America/New_York')).toBe('2026-11-01');
    expect(toCalendarDate(new Date('2026-11-02T04:59:00Z'), 'America/New_York')).toBe('2026-11-01');
  });

  it('rejects an invalid date or zone', () => {
    expect(() => toCalendarDate(new Date('nonsense'))).toThrow(RangeError);
    expect(() => toCalendarDate(new Date(), 'Mars/Olympus_Mons')).toThrow(RangeError);
    expect(() => toCalendarDate(new Date(Date.UTC(-1, 0, 1)))).toThrow(RangeError);
  });
});
