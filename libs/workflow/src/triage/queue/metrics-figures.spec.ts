import type { OutcomeCount } from '@rightsdesk/data-access';
import { closedFigures, metricsFigures } from './metrics-figures';

describe('metricsFigures', () => {
  const outcomes: OutcomeCount[] = [
    { type: 'access', status: 'completed', days: 2, count: 1 },
    { type: 'access', status: 'completed', days: 8, count: 1 },
    { type: 'access', status: 'awaiting_review', days: null, count: 2 },
    { type: 'erasure', status: 'denied', days: 30, count: 1 },
    { type: 'erasure', status: 'cancelled', days: null, count: 1 },
  ];

  it('counts received requests per type and status, zeros included', () => {
    const figures = metricsFigures(outcomes);
    expect(figures.received.total).toBe(6);
    expect(figures.received.byType.access).toEqual({
      total: 4,
      byStatus: expect.objectContaining({
        completed: 2,
        awaiting_review: 2,
        denied: 0,
        pending_verification: 0,
      }),
    });
    expect(Object.keys(figures.received.byType.access.byStatus)).toHaveLength(10);
    expect(figures.received.byType.opt_out.total).toBe(0);
  });

  it('summarizes closed requests overall and per type', () => {
    const figures = metricsFigures(outcomes);
    // 2, 8, 30 → median 8, mean 40 / 3 = 13.3
    expect(figures.closed.overall).toEqual({
      count: 3,
      completed: 2,
      denied: 1,
      medianDays: 8,
      meanDays: 13.3,
    });
    expect(figures.closed.byType.access).toEqual({
      count: 2,
      completed: 2,
      denied: 0,
      medianDays: 5,
      meanDays: 5,
    });
    expect(figures.closed.byType.erasure).toEqual({
      count: 1,
      completed: 0,
      denied: 1,
      medianDays: 30,
      meanDays: 30,
    });
    expect(figures.closed.byType.rectification).toEqual({
      count: 0,
      completed: 0,
      denied: 0,
      medianDays: null,
      meanDays: null,
    });
  });

  it('counts a decided request without a closing time but leaves it out of the durations', () => {
    expect(
      closedFigures([
        { type: 'access', status: 'denied', days: null, count: 1 },
        { type: 'access', status: 'completed', days: 4, count: 1 },
      ]),
    ).toEqual({ count: 2, completed: 1, denied: 1, medianDays: 4, meanDays: 4 });
  });
});
