import {
  californiaStateHolidayDetails,
  californiaStateHolidays,
  holidaysFor,
  usFederalHolidayDetails,
  usFederalHolidays,
} from './holidays';

describe('usFederalHolidays', () => {
  it('lists 2026, with Independence Day on a Saturday observed on Friday 3 July', () => {
    expect(usFederalHolidays(2026)).toEqual([
      '2026-01-01',
      '2026-01-19',
      '2026-02-16',
      '2026-05-25',
      '2026-06-19',
      '2026-07-03',
      '2026-09-07',
      '2026-10-12',
      '2026-11-11',
      '2026-11-26',
      '2026-12-25',
    ]);
  });

  it('lists 2027, including New Year 2028 (a Saturday) observed on Friday 31 December', () => {
    expect(usFederalHolidays(2027)).toEqual([
      '2027-01-01',
      '2027-01-18',
      '2027-02-15',
      '2027-05-31',
      '2027-06-18',
      '2027-07-05',
      '2027-09-06',
      '2027-10-11',
      '2027-11-11',
      '2027-11-25',
      '2027-12-24',
      '2027-12-31',
    ]);
  });

  it('lists 2028, whose New Year day off fell in 2027, and a Saturday Veterans Day', () => {
    expect(usFederalHolidays(2028)).toEqual([
      '2028-01-17',
      '2028-02-21',
      '2028-05-29',
      '2028-06-19',
      '2028-07-04',
      '2028-09-04',
      '2028-10-09',
      '2028-11-10',
      '2028-11-23',
      '2028-12-25',
    ]);
  });

  it('moves a Sunday holiday to the Monday after', () => {
    expect(usFederalHolidays(2023)).toContain('2023-01-02');
    expect(usFederalHolidays(2023)).not.toContain('2023-01-01');
    expect(usFederalHolidays(2022)).toContain('2022-12-26');
  });

  it('adds Juneteenth from 2021 only', () => {
    expect(usFederalHolidays(2020)).not.toContain('2020-06-19');
    expect(usFederalHolidays(2020)).toHaveLength(10);
    expect(usFederalHolidays(2021)).toContain('2021-06-18');
    expect(usFederalHolidays(2021)).toContain('2021-12-31');
  });

  it('names each holiday with its actual and observed date', () => {
    const details = usFederalHolidayDetails(2026);
    expect(details).toHaveLength(11);
    expect(details).toContainEqual({
      name: 'Independence Day',
      date: '2026-07-04',
      observedOn: '2026-07-03',
    });
    expect(details).toContainEqual({
      name: 'Thanksgiving Day',
      date: '2026-11-26',
      observedOn: '2026-11-26',
    });
    expect(usFederalHolidayDetails(2028)[0]).toEqual({
      name: "New Year's Day",
      date: '2028-01-01',
      observedOn: '2027-12-31',
    });
  });
});

describe('californiaStateHolidays', () => {
  it('lists 2026: federal holidays without Columbus Day, plus the state holidays', () => {
    expect(californiaStateHolidays(2026)).toEqual([
      '2026-01-01',
      '2026-01-19',
      '2026-02-12',
      '2026-02-16',
      '2026-03-31',
      '2026-05-25',
      '2026-06-19',
      '2026-07-03',
      '2026-09-07',
      '2026-09-25',
      '2026-11-11',
      '2026-11-26',
      '2026-11-27',
      '2026-12-25',
    ]);
  });

  it('does not observe Columbus Day', () => {
    expect(californiaStateHolidays(2026)).not.toContain('2026-10-12');
    expect(californiaStateHolidayDetails(2026).map((h) => h.name)).not.toContain('Columbus Day');
  });

  it('applies the same weekend rule to state holidays', () => {
    // César Chávez Day 2024 fell on a Sunday; Lincoln's Birthday 2028 falls on a Saturday.
    expect(californiaStateHolidays(2024)).toContain('2024-04-01');
    expect(californiaStateHolidays(2024)).toContain('2024-09-27');
    expect(californiaStateHolidays(2028)).toContain('2028-02-11');
    expect(californiaStateHolidays(2028)).not.toContain('2028-02-12');
  });
});

describe('holidaysFor', () => {
  it('selects the calendar', () => {
    expect(holidaysFor('us_federal', 2026)).toEqual(usFederalHolidays(2026));
    expect(holidaysFor('us_california', 2026)).toEqual(californiaStateHolidays(2026));
    expect(holidaysFor('none', 2026)).toEqual([]);
  });
});
