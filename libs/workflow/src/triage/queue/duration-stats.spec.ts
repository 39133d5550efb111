import { summarizeDays } from './duration-stats';

describe('summarizeDays', () => {
  it('has no median or mean without durations', () => {
    expect(summarizeDays([])).toEqual({ count: 0, medianDays: null, meanDays: null });
    expect(summarizeDays([{ days: 4, count: 0 }])).toEqual({ count: 0, medianDays: null, meanDays: null });
  });

  it('takes the middle value of an odd count, whatever order the histogram comes in', () => {
    // 1, 2, 2, 9, 30 → median 2, mean 44 / 5 = 8.8
    expect(
      summarizeDays([
        { days: 30, count: 1 },
        { days: 2, count: 2 },
        { days: 1, count: 1 },
        { days: 9, count: 1 },
      ]),
    ).toEqual({
      count: 5,
      medianDays: 2,
      meanDays: 8.8,
    });
  });

  it('averages the two middle values of an even count', () => {
    // 3, 4, 10, 45 → median (4 + 10) / 2 = 7, mean 62 / 4 = 15.5
    expect(
      summarizeDays([
        { days: 3, count: 1 },
        { days: 4, count: 1 },
        { days: 10, count: 1 },
        { days: 45, count: 1 },
      ]),
    ).toEqual({
      count: 4,
      medianDays: 7,
      meanDays: 15.5,
    });
    // 5, 6 → 5.5
    expect(
      summarizeDays([
        { days: 6, count: 1 },
        { days: 5, count: 1 },
      ]).medianDays,
    ).toBe(5.5);
  });

  it('finds the middle across a bucket boundary', () => {
    // 0 ×3, 7 ×3 → median (0 + 7) / 2 = 3.5; 0 ×3, 7 ×4 → 7
    expect(
      summarizeDays([
        { days: 0, count: 3 },
        { days: 7, count: 3 },
      ]).medianDays,
    ).toBe(3.5);
    expect(
      summarizeDays([
        { days: 0, count: 3 },
        { days: 7, count: 4 },
      ]).medianDays,
    ).toBe(7);
  });

  it('rounds the mean to one decimal, halves up', () => {
    // 1, 1, 2 → 4 / 3 = 1.333… → 1.3; 1, 2, 2 → 5 / 3 = 1.666… → 1.7; 0, 0, 0, 1 → 0.25 → 0.3
    expect(
      summarizeDays([
        { days: 1, count: 2 },
        { days: 2, count: 1 },
      ]).meanDays,
    ).toBe(1.3);
    expect(
      summarizeDays([
        { days: 1, count: 1 },
        { days: 2, count: 2 },
      ]).meanDays,
    ).toBe(1.7);
    expect(
      summarizeDays([
        { days: 0, count: 3 },
        { days: 1, count: 1 },
      ]).meanDays,
    ).toBe(0.3);
  });

  it('counts a single request on its own', () => {
    expect(summarizeDays([{ days: 12, count: 1 }])).toEqual({ count: 1, medianDays: 12, meanDays: 12 });
  });
});
