import { addIsoDuration, subtractIsoDuration } from './iso-duration';

const at = (iso: string) => new Date(iso);

describe('subtractIsoDuration', () => {
  it.each([
    // Month ends clamp to the shorter month, in leap years and others.
    ['2024-03-31T10:00:00Z', 'P1M', '2024-02-29T10:00:00.000Z'],
    ['2023-03-31T10:00:00Z', 'P1M', '2023-02-28T10:00:00.000Z'],
    ['2024-05-31T00:00:00Z', 'P1M', '2024-04-30T00:00:00.000Z'],
    ['2024-02-29T12:00:00Z', 'P1Y', '2023-02-28T12:00:00.000Z'],
    ['2024-02-29T12:00:00Z', 'P4Y', '2020-02-29T12:00:00.000Z'],
    // Years and months count together, across the year boundary.
    ['2024-08-31T00:00:00Z', 'P1Y6M', '2023-02-28T00:00:00.000Z'],
    ['2024-01-15T08:30:00Z', 'P13M', '2022-12-15T08:30:00.000Z'],
    ['2024-03-15T00:00:00Z', 'P3Y', '2021-03-15T00:00:00.000Z'],
    // Days and weeks are calendar days (UTC has no daylight saving).
    ['2024-03-31T00:00:00Z', 'P90D', '2024-01-01T00:00:00.000Z'],
    ['2024-03-10T06:00:00Z', 'P2W', '2024-02-25T06:00:00.000Z'],
    // Time parts are elapsed time.
    ['2024-03-01T06:00:00Z', 'PT12H', '2024-02-29T18:00:00.000Z'],
    ['2024-03-01T00:00:00Z', 'P1DT12H', '2024-02-28T12:00:00.000Z'],
    ['2024-03-01T00:00:30Z', 'PT1M45S', '2024-02-29T23:58:45.000Z'],
    // Months first, then days: 31 March − 1 month = 29 February, − 1 day = 28 February.
    ['2024-03-31T00:00:00Z', 'P1M1D', '2024-02-28T00:00:00.000Z'],
  ])('%s − %s = %s', (from, duration, expected) => {
    expect(subtractIsoDuration(at(from), duration).toISOString()).toBe(expected);
  });

  it('leaves its argument alone', () => {
    const from = at('2024-03-31T10:00:00Z');
    subtractIsoDuration(from, 'P1M');
    expect(from.toISOString()).toBe('2024-03-31T10:00:00.000Z');
  });

  it('refuses what is not a duration', () => {
    expect(() => subtractIsoDuration(at('2024-03-31T10:00:00Z'), '30 days')).toThrow('is not an ISO 8601 duration');
  });
});

describe('addIsoDuration', () => {
  it.each([
    ['2024-01-31T10:00:00Z', 'P1M', '2024-02-29T10:00:00.000Z'],
    ['2023-01-31T10:00:00Z', 'P1M', '2023-02-28T10:00:00.000Z'],
    ['2024-12-15T08:30:00Z', 'P24M', '2026-12-15T08:30:00.000Z'],
    ['2024-02-29T12:00:00Z', 'P1Y', '2025-02-28T12:00:00.000Z'],
    ['2024-12-30T00:00:00Z', 'P3D', '2025-01-02T00:00:00.000Z'],
    ['2024-02-29T18:00:00Z', 'PT12H', '2024-03-01T06:00:00.000Z'],
  ])('%s + %s = %s', (from, duration, expected) => {
    expect(addIsoDuration(at(from), duration).toISOString()).toBe(expected);
  });
});
