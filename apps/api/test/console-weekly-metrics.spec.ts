import { startApi, type ApiHarness } from './api-harness';
import { anOfficer, type ConsoleSession, signIn } from './console-harness';
import { aRequest } from './console-request-factory';

interface Week {
  isoWeek: string;
  start: string;
  end: string;
  received: Record<string, number>;
  receivedTotal: number;
  closed: number;
  medianDaysToClose: number | null;
  overdueAtEnd: number | null;
}

const NONE = { access: 0, rectification: 0, erasure: 0, opt_out: 0, child_data_removal: 0 };

// Three ISO weeks around "now" (Wednesday 25 November 2026, W48), every figure worked out by hand
// in the comments next to the requests that make it.
describe('console weekly metrics', () => {
  let h: ApiHarness;
  let asAuditor: ConsoleSession;

  beforeAll(async () => {
    h = await startApi();
    h.clock.set('2026-11-25T10:00:00.000Z');
    asAuditor = await signIn(h, await anOfficer(h, 'auditor'));
    // W46 (9–15 Nov): received A, B; closed A (4 days).
    await aRequest(h, { type: 'access', status: 'completed', receivedAt: '2026-11-09T08:00:00Z', closedAt: '2026-11-13T12:00:00Z' }); // A
    await aRequest(h, { type: 'access', status: 'completed', receivedAt: '2026-11-15T23:30:00Z', closedAt: '2026-11-16T01:00:00Z' }); // B: 1 day, closed in W47
    // W47 (16–22 Nov): received C, D, I, M, P; closed B (1), C (6), H (44); D cancelled is not "closed".
    await aRequest(h, { type: 'erasure', status: 'denied', receivedAt: '2026-11-16T00:00:00Z', closedAt: '2026-11-22T23:59:00Z', denyReason: 'excessive' }); // C
    await aRequest(h, { type: 'erasure', status: 'cancelled', receivedAt: '2026-11-17T10:00:00Z', closedAt: '2026-11-18T10:00:00Z' }); // D
    await aRequest(h, { type: 'erasure', status: 'awaiting_review', receivedAt: '2026-11-20T10:00:00Z', dueOn: '2026-11-24' }); // I: overdue from 25 Nov
    await aRequest(h, { type: 'rectification', status: 'on_hold', receivedAt: '2026-11-16T10:00:00Z', dueOn: '2026-11-15' }); // M: received after W46 ended
    await aRequest(h, { type: 'access', status: 'completed', receivedAt: '2026-11-20T10:00:00Z', closedAt: '2026-11-24T10:00:00Z' }); // P: 4 days, closed in W48
    // W48 (23–29 Nov, current): received E, J; closed E (2), P (4).
    await aRequest(h, { type: 'opt_out', status: 'completed', receivedAt: '2026-11-23T09:00:00Z', closedAt: '2026-11-25T09:00:00Z' }); // E
    await aRequest(h, { type: 'access', status: 'awaiting_review', receivedAt: '2026-11-24T10:00:00Z', dueOn: '2026-11-25' }); // J: due today, not overdue
    // Received before the period, open or closed late.
    await aRequest(h, { type: 'rectification', status: 'awaiting_review', receivedAt: '2026-10-01T12:00:00Z', dueOn: '2026-11-12' }); // F: overdue all three weeks
    await aRequest(h, { type: 'access', status: 'awaiting_review', receivedAt: '2026-10-20T12:00:00Z', dueOn: '2026-11-16' }); // G: due Monday 16th, overdue from W47
    await aRequest(h, { type: 'access', status: 'completed', receivedAt: '2026-10-05T12:00:00Z', dueOn: '2026-11-10', closedAt: '2026-11-18T10:00:00Z' }); // H: overdue at W46's end, closed in W47 after 44 days
  });

  afterAll(async () => {
    await h.close();
  });

  it('counts received, closed, the median days to close and the overdue at each week end', async () => {
    const response = await asAuditor.get('/api/v1/console/metrics/weekly?from=2026-11-10&to=2026-11-25');
    expect(response.statusCode).toBe(200);
    const body = response.json<{ period: { from: string; to: string }; weeks: Week[]; asOf: string }>();
    expect(body.period).toEqual({ from: '2026-11-09', to: '2026-11-29' });
    expect(body.asOf).toBe('2026-11-25');
    expect(body.weeks).toEqual([
      // Overdue at Monday 16 Nov 00:00: F (due 12th), H (due 10th, closed only on the 18th); not G (due the 16th itself), not M (received later that day).
      { isoWeek: '2026-W46', start: '2026-11-09', end: '2026-11-15', received: { ...NONE, access: 2 }, receivedTotal: 2, closed: 1, medianDaysToClose: 4, overdueAtEnd: 2 },
      // Median of 1, 6, 44; overdue at Monday 23 Nov: F, G, M (on hold counts); H closed; I due the 24th.
      { isoWeek: '2026-W47', start: '2026-11-16', end: '2026-11-22', received: { ...NONE, access: 1, erasure: 3, rectification: 1 }, receivedTotal: 5, closed: 3, medianDaysToClose: 6, overdueAtEnd: 3 },
      // The current week is measured now: F, G, M and I (due yesterday); J is due today. Median of 2 and 4.
      { isoWeek: '2026-W48', start: '2026-11-23', end: '2026-11-29', received: { ...NONE, access: 1, opt_out: 1 }, receivedTotal: 2, closed: 2, medianDaysToClose: 3, overdueAtEnd: 4 },
    ]);
    // The current week agrees with the overdue count of the main metrics.
    const now = await asAuditor.get('/api/v1/console/metrics');
    expect(now.json<{ overdueNow: number }>().overdueNow).toBe(4);
  });

  it('gives no overdue figure for a week that has not begun, and labels weeks by ISO year', async () => {
    const ahead = await asAuditor.get('/api/v1/console/metrics/weekly?from=2026-11-29&to=2026-12-01');
    expect(ahead.json<{ weeks: Week[] }>().weeks.map((w) => [w.isoWeek, w.overdueAtEnd])).toEqual([
      ['2026-W48', 4],
      ['2026-W49', null],
    ]);
    const newYear = await asAuditor.get('/api/v1/console/metrics/weekly?from=2025-12-31&to=2026-01-02');
    expect(newYear.json<{ weeks: Week[] }>().weeks.map((w) => [w.isoWeek, w.start, w.end])).toEqual([['2026-W01', '2025-12-29', '2026-01-04']]);
  });

  it('defaults to the 12 weeks ending with the current one', async () => {
    const body = (await asAuditor.get('/api/v1/console/metrics/weekly')).json<{ period: { from: string; to: string }; weeks: Week[] }>();
    expect(body.period).toEqual({ from: '2026-09-07', to: '2026-11-29' });
    expect(body.weeks).toHaveLength(12);
  });

  it('refuses a reversed, malformed or too long period with field errors', async () => {
    const reversed = await asAuditor.get('/api/v1/console/metrics/weekly?from=2026-11-20&to=2026-11-01');
    expect(reversed.statusCode).toBe(422);
    expect(reversed.json()).toMatchObject({ code: 'validation_failed', fieldErrors: [{ path: 'to' }] });
    const malformed = await asAuditor.get('/api/v1/console/metrics/weekly?from=2026-13-01');
    expect(malformed.statusCode).toBe(422);
    expect(malformed.json()).toMatchObject({ fieldErrors: [{ path: 'from' }] });
    const long = await asAuditor.get('/api/v1/console/metrics/weekly?from=2020-01-01&to=2026-11-25');
    expect(long.statusCode).toBe(422);
    expect(long.json()).toMatchObject({ fieldErrors: [{ path: 'from' }] });
    const unknown = await asAuditor.get('/api/v1/console/metrics/weekly?week=1');
    expect(unknown.statusCode).toBe(422);
  });
});
