import { addBusinessDays, isBusinessDay } from './business-days';

describe('isBusinessDay', () => {
  it.each([
    ['2026-11-25', 'us_federal', true],
    ['2026-11-26', 'us_federal', false],
    ['2026-11-27', 'us_federal', true],
    ['2026-11-27', 'us_california', false],
    ['2026-11-28', 'none', false],
    ['2026-11-29', 'none', false],
    ['2026-11-26', 'none', true],
    ['2026-07-03', 'us_federal', false],
    ['2026-07-04', 'us_federal', false],
    ['2026-10-12', 'us_federal', false],
    ['2026-10-12', 'us_california', true],
    ['2027-12-31', 'us_federal', false],
    ['2026-03-31', 'us_california', false],
    ['2026-03-31', 'us_federal', true],
  ] as const)('%s on %s is %s', (date, calendar, expected) => {
    expect(isBusinessDay(date, calendar)).toBe(expected);
  });
});

describe('addBusinessDays', () => {
  it.each([
    // Thanksgiving week 2026: Thursday 26 November, and in California the Friday after.
    ['2026-11-25', 1, 'us_federal', '2026-11-27'],
    ['2026-11-25', 1, 'us_california', '2026-11-30'],
    ['2026-11-25', 10, 'us_federal', '2026-12-10'],
    ['2026-11-25', 10, 'us_california', '2026-12-11'],
    ['2026-11-25', 10, 'none', '2026-12-09'],
    ['2026-11-25', 15, 'us_california', '2026-12-18'],
    // Christmas and New Year.
    ['2026-12-24', 1, 'us_federal', '2026-12-28'],
    ['2026-12-31', 1, 'us_federal', '2027-01-04'],
    ['2026-12-22', 5, 'us_federal', '2026-12-30'],
    ['2026-12-22', 7, 'us_federal', '2027-01-04'],
    ['2027-12-23', 1, 'us_federal', '2027-12-27'],
    ['2027-12-23', 5, 'us_federal', '2028-01-03'],
    // Independence Day 2026 falls on a Saturday and is observed on Friday 3 July.
    ['2026-07-02', 1, 'us_federal', '2026-07-06'],
    ['2026-07-01', 2, 'us_federal', '2026-07-06'],
    // Columbus Day counts in California.
    ['2026-10-09', 1, 'us_federal', '2026-10-13'],
    ['2026-10-09', 1, 'us_california', '2026-10-12'],
    // Counting starts the day after the start, which may itself be a weekend or a holiday.
    ['2026-11-28', 1, 'us_federal', '2026-11-30'],
    ['2026-11-26', 1, 'us_federal', '2026-11-27'],
    ['2026-11-26', 0, 'us_federal', '2026-11-26'],
    ['2026-11-30', -1, 'us_california', '2026-11-25'],
    ['2026-11-30', -1, 'us_federal', '2026-11-27'],
  ] as const)('%s + %d business days (%s) = %s', (start, n, calendar, expected) => {
    expect(addBusinessDays(start, n, calendar)).toBe(expected);
  });

  it('rejects fractional counts and invalid dates', () => {
    expect(() => addBusinessDays('2026-11-25', 1.5, 'us_federal')).toThrow(RangeError);
    expect(() => addBusinessDays('2026-11-31', 1, 'us_federal')).toThrow(RangeError);
  });
});
