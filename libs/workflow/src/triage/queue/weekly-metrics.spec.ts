import { mondayOf, weekFigures } from './weekly-metrics';

describe('weekly metrics', () => {
  it('finds the Monday of the ISO week, Sundays belonging to the week before', () => {
    expect(mondayOf('2026-01-12')).toBe('2026-01-12');
    expect(mondayOf('2026-01-18')).toBe('2026-01-12');
    expect(mondayOf('2026-01-01')).toBe('2025-12-29');
  });

  it('lists every type and rounds the median', () => {
    const sut = weekFigures({ weekStart: '2026-01-12', isoWeek: '2026-W03', received: { access: 2, erasure: 1 }, closed: 3, medianDays: 4.25, overdueAtEnd: 1 });
    expect(sut).toEqual({
      isoWeek: '2026-W03',
      start: '2026-01-12',
      end: '2026-01-18',
      received: { access: 2, rectification: 0, erasure: 1, opt_out: 0, child_data_removal: 0 },
      receivedTotal: 3,
      closed: 3,
      medianDaysToClose: 4.3,
      overdueAtEnd: 1,
    });
  });
});
