import { cronProblem, isTimeZone } from './cron-schedule';
import { isIsoDuration, isoDurationProblem } from './iso-duration';

describe('isoDurationProblem', () => {
  it.each(['P90D', 'P3Y', 'PT12H', 'P1Y6M', 'P2W', 'P1DT12H', 'PT30M', 'PT45S'])('accepts %s', (text) => {
    expect(isoDurationProblem(text)).toBeUndefined();
  });

  it.each(['P', 'PT', '90D', 'P90', 'P1.5Y', 'P1YT', 'P2W1D', 'p90d', 'P-1D'])('rejects %s', (text) => {
    expect(isIsoDuration(text)).toBe(false);
    expect(isoDurationProblem(text)).toContain('is not an ISO 8601 duration');
  });

  it('rejects a zero period', () => {
    expect(isoDurationProblem('P0D')).toContain('is zero');
    expect(isoDurationProblem('PT0H0M')).toContain('is zero');
  });
});

describe('cronProblem', () => {
  it.each(['0 3 * * *', '*/15 * * * *', '0 0 1 JAN,jul MON-FRI', '30 2 1-15/2 * 0,7'])(
    'accepts %s',
    (expression) => {
      expect(cronProblem(expression)).toBeUndefined();
    },
  );

  it.each([
    ['0 3 * *', 'has 4 fields'],
    ['0 3 * * * *', 'has 6 fields'],
    ['60 3 * * *', 'valid minute'],
    ['0 24 * * *', 'valid hour'],
    ['0 3 0 * *', 'valid day of month'],
    ['0 3 * 13 *', 'valid month'],
    ['0 3 * * 8', 'valid day of week'],
    ['0 5-3 * * *', 'valid hour'],
    ['*/0 * * * *', 'valid minute'],
    ['@daily', 'has 1 fields'],
  ])('rejects %s', (expression, problem) => {
    expect(cronProblem(expression)).toContain(problem);
  });
});

describe('isTimeZone', () => {
  it('knows IANA names and UTC', () => {
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('Europe/Berln')).toBe(false);
  });
});
