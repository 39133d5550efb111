import { REQUEST_STATUSES, REQUEST_TYPES } from '@rightsdesk/domain';
import { startApi, type ApiHarness } from './api-harness';
import { anOfficer, type ConsoleSession, signIn } from './console-harness';
import { aRequest, type RequestSeed } from './console-request-factory';

interface Closed {
  count: number;
  completed: number;
  denied: number;
  medianDays: number | null;
  meanDays: number | null;
}

interface Report {
  period: { from: string; to: string };
  received: { total: number; byType: Record<string, { total: number; byStatus: Record<string, number> }> };
  closed: { overall: Closed; byType: Record<string, Closed> };
  overdueNow: number;
  asOf: string;
}

const NONE: Closed = { count: 0, completed: 0, denied: 0, medianDays: null, meanDays: null };

/** Zero for every status but those given. */
function statuses(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(REQUEST_STATUSES.map((status) => [status, counts[status] ?? 0]));
}

describe('console metrics', () => {
  let h: ApiHarness;
  let asOfficer: ConsoleSession;
  let asAuditor: ConsoleSession;

  async function seed(count: number, values: RequestSeed): Promise<void> {
    for (let i = 0; i < count; i += 1) {
      await aRequest(h, values);
    }
  }

  beforeAll(async () => {
    h = await startApi();
    h.clock.set('2026-11-25T10:00:00.000Z');
    asOfficer = await signIn(h, await anOfficer(h, 'officer'));
    asAuditor = await signIn(h, await anOfficer(h, 'auditor'));

    // 2026, GDPR, for the period report (first half of the year).
    await seed(1, {
      type: 'access',
      status: 'completed',
      receivedAt: '2026-01-10T09:00:00Z',
      closedAt: '2026-01-20T23:30:00-05:00',
    }); // closed 21 Jan UTC: 11 days
    await seed(1, {
      type: 'access',
      status: 'completed',
      receivedAt: '2026-02-01T23:59:00Z',
      closedAt: '2026-03-03T00:01:00Z',
    }); // 30 days
    await seed(1, {
      type: 'access',
      status: 'denied',
      receivedAt: '2026-03-01T12:00:00Z',
      closedAt: '2026-03-05T12:00:00Z',
      denyReason: 'excessive',
    }); // 4 days
    await seed(1, {
      type: 'access',
      status: 'awaiting_review',
      receivedAt: '2026-05-01T12:00:00Z',
      dueOn: '2026-06-01',
    }); // open, overdue now
    await seed(1, {
      type: 'erasure',
      status: 'completed',
      receivedAt: '2026-04-01T12:00:00Z',
      closedAt: '2026-04-09T08:00:00Z',
    }); // 8 days
    await seed(1, {
      type: 'erasure',
      status: 'cancelled',
      receivedAt: '2026-06-30T23:00:00Z',
      closedAt: '2026-07-01T08:00:00Z',
    }); // last day of the period
    // Just outside the period on either side.
    await seed(1, {
      type: 'access',
      status: 'completed',
      receivedAt: '2025-12-31T23:00:00Z',
      closedAt: '2026-01-02T08:00:00Z',
    });
    await seed(1, {
      type: 'opt_out',
      status: 'completed',
      receivedAt: '2026-07-01T00:00:00Z',
      closedAt: '2026-07-02T08:00:00Z',
    });
    // Open and overdue, received long ago; open and not yet due.
    await seed(1, {
      type: 'rectification',
      status: 'on_hold',
      receivedAt: '2025-10-01T12:00:00Z',
      dueOn: '2025-11-01',
    });
    await seed(1, {
      type: 'rectification',
      status: 'awaiting_review',
      receivedAt: '2026-11-20T12:00:00Z',
      dueOn: '2026-12-20',
    });

    // 2024 for the California report: California consumers' requests, and one from Germany.
    await seed(1, {
      regime: 'ccpa',
      type: 'access',
      status: 'completed',
      receivedAt: '2024-03-01T12:00:00Z',
      closedAt: '2024-03-11T12:00:00Z',
    }); // 10
    await seed(1, {
      regime: 'ccpa',
      type: 'access',
      status: 'completed',
      receivedAt: '2024-05-01T12:00:00Z',
      closedAt: '2024-05-21T12:00:00Z',
    }); // 20
    await seed(1, {
      regime: 'ccpa',
      type: 'access',
      status: 'denied',
      receivedAt: '2024-06-01T12:00:00Z',
      closedAt: '2024-06-06T12:00:00Z',
      denyReason: 'identity_not_verified',
    }); // 5
    await seed(1, {
      regime: 'ccpa',
      type: 'access',
      status: 'cancelled',
      receivedAt: '2024-07-01T12:00:00Z',
      closedAt: '2024-07-02T12:00:00Z',
    });
    await seed(1, {
      regime: 'ccpa',
      type: 'erasure',
      status: 'completed',
      receivedAt: '2024-01-05T12:00:00Z',
      closedAt: '2024-02-19T12:00:00Z',
    }); // 45
    await seed(1, {
      regime: 'ccpa',
      type: 'child_data_removal',
      status: 'denied',
      receivedAt: '2024-12-31T12:00:00Z',
      closedAt: '2025-01-02T12:00:00Z',
      denyReason: 'not_parent_or_guardian',
    }); // 2
    await seed(1, {
      regime: 'ccpa',
      type: 'rectification',
      status: 'expired',
      receivedAt: '2024-08-01T12:00:00Z',
      closedAt: '2024-08-31T12:00:00Z',
    });
    await seed(3, {
      regime: 'ccpa',
      type: 'opt_out',
      status: 'completed',
      receivedAt: '2024-09-01T12:00:00Z',
      closedAt: '2024-09-04T12:00:00Z',
    }); // 3 each
    await seed(1, {
      regime: 'gdpr',
      type: 'access',
      status: 'completed',
      receivedAt: '2024-10-01T12:00:00Z',
      closedAt: '2024-10-02T12:00:00Z',
    }); // 1
    await seed(1, {
      regime: 'ccpa',
      type: 'access',
      status: 'completed',
      receivedAt: '2023-12-31T12:00:00Z',
      closedAt: '2024-01-10T12:00:00Z',
    }); // 2023: not counted
  });

  afterAll(async () => {
    await h.close();
  });

  it('counts the requests received in a period by type and status, with days to close', async () => {
    const response = await asOfficer.get('/api/v1/console/metrics?from=2026-01-01&to=2026-06-30');
    expect(response.statusCode).toBe(200);
    const report = response.json<Report>();
    expect(report.period).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(report.asOf).toBe('2026-11-25');
    expect(report.received.total).toBe(6);
    expect(report.received.byType.access).toEqual({
      total: 4,
      byStatus: statuses({ completed: 2, denied: 1, awaiting_review: 1 }),
    });
    expect(report.received.byType.erasure).toEqual({
      total: 2,
      byStatus: statuses({ completed: 1, cancelled: 1 }),
    });
    for (const type of ['rectification', 'opt_out', 'child_data_removal']) {
      expect(report.received.byType[type]).toEqual({ total: 0, byStatus: statuses({}) });
    }
    expect(Object.keys(report.received.byType).sort()).toEqual([...REQUEST_TYPES].sort());

    // Days to close: 4, 8, 11, 30 → median (8 + 11) / 2 = 9.5, mean 53 / 4 = 13.25 → 13.3. The
    // request closed at 23:30 in New York closed on the next UTC day.
    expect(report.closed.overall).toEqual({
      count: 4,
      completed: 3,
      denied: 1,
      medianDays: 9.5,
      meanDays: 13.3,
    });
    // access: 4, 11, 30 → median 11, mean 45 / 3 = 15
    expect(report.closed.byType.access).toEqual({
      count: 3,
      completed: 2,
      denied: 1,
      medianDays: 11,
      meanDays: 15,
    });
    expect(report.closed.byType.erasure).toEqual({
      count: 1,
      completed: 1,
      denied: 0,
      medianDays: 8,
      meanDays: 8,
    });
    expect(report.closed.byType.opt_out).toEqual(NONE);

    // Open requests past their due date today, whenever they arrived.
    expect(report.overdueNow).toBe(2);
  });

  it('defaults to the last 365 days, today included', async () => {
    const report = (await asOfficer.get('/api/v1/console/metrics')).json<Report>();
    expect(report.period).toEqual({ from: '2025-11-26', to: '2026-11-25' });
    // Everything received since 26 November 2025: the six above, the two just outside that
    // period, and the rectification received last week.
    expect(report.received.total).toBe(9);
    expect(report.received.byType.opt_out.total).toBe(1);
    expect(report.received.byType.rectification).toEqual({
      total: 1,
      byStatus: statuses({ awaiting_review: 1 }),
    });
    // 2, 4, 8, 11, 30 and the opt-out's 1 → 1, 2, 4, 8, 11, 30: median 6, mean 56 / 6 = 9.3
    expect(report.closed.overall).toEqual({
      count: 6,
      completed: 5,
      denied: 1,
      medianDays: 6,
      meanDays: 9.3,
    });
    expect(report.overdueNow).toBe(2);
  });

  it('takes a single day as the period', async () => {
    const report = (
      await asOfficer.get('/api/v1/console/metrics?from=2026-06-30&to=2026-06-30')
    ).json<Report>();
    expect(report.received.total).toBe(1);
    expect(report.received.byType.erasure.byStatus.cancelled).toBe(1);
    expect(report.closed.overall).toEqual(NONE);
  });

  it.each([
    ['to before from', '?from=2026-02-01&to=2026-01-31', 'to'],
    ['a malformed date', '?from=2026-1-1', 'from'],
    ['an impossible date', '?to=2026-02-29', 'to'],
    ['an unknown parameter', '?year=2026', 'year'],
  ])('answers 422 for %s', async (_label, query, path) => {
    const response = await asOfficer.get(`/api/v1/console/metrics${query}`);
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      code: 'validation_failed',
      fieldErrors: [expect.objectContaining({ path })],
    });
  });

  describe('California annual figures: GET /api/v1/console/metrics/ccpa.csv', () => {
    it("publishes California consumers' requests by kind, as CSV", async () => {
      const response = await asOfficer.get('/api/v1/console/metrics/ccpa.csv?year=2024');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toBe('attachment; filename="ccpa-metrics-2024.csv"');
      // know: 5, 10, 20 → median 10, mean 35 / 3 = 11.7; delete: 2, 45 → 23.5; opt-out: 3, 3, 3.
      expect(response.body).toBe(
        'request_kind,received,complied_in_whole_or_part,denied,median_days_to_respond,mean_days_to_respond\r\n' +
          'know,4,2,1,10.0,11.7\r\n' +
          'delete,2,1,1,23.5,23.5\r\n' +
          'correct,1,0,0,,\r\n' +
          'opt_out,3,3,0,3.0,3.0\r\n',
      );
    });

    it('counts every regime with regime=all', async () => {
      const response = await asOfficer.get('/api/v1/console/metrics/ccpa.csv?year=2024&regime=all');
      expect(response.statusCode).toBe(200);
      // know adds the German request (1 day): 1, 5, 10, 20 → median 7.5, mean 36 / 4 = 9.
      expect(response.body.split('\r\n')[1]).toBe('know,5,3,1,7.5,9.0');
      expect(response.body.split('\r\n').slice(2)).toEqual([
        'delete,2,1,1,23.5,23.5',
        'correct,1,0,0,,',
        'opt_out,3,3,0,3.0,3.0',
        '',
      ]);
    });

    it('writes zeros for a year without requests', async () => {
      const response = await asOfficer.get('/api/v1/console/metrics/ccpa.csv?year=2019&regime=ccpa');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-disposition']).toBe('attachment; filename="ccpa-metrics-2019.csv"');
      expect(response.body.split('\r\n').slice(1)).toEqual([
        'know,0,0,0,,',
        'delete,0,0,0,,',
        'correct,0,0,0,,',
        'opt_out,0,0,0,,',
        '',
      ]);
    });

    it.each([
      ['no year', '', 'year'],
      ['a two-digit year', '?year=24', 'year'],
      ['a year with letters', '?year=2O24', 'year'],
      ['another regime', '?year=2024&regime=gdpr', 'regime'],
      ['an unknown parameter', '?year=2024&format=xlsx', 'format'],
    ])('answers 422 for %s', async (_label, query, path) => {
      const response = await asOfficer.get(`/api/v1/console/metrics/ccpa.csv${query}`);
      expect(response.statusCode).toBe(422);
      expect(response.headers['content-type']).toMatch(/application\/json/);
      expect(response.json()).toMatchObject({
        code: 'validation_failed',
        fieldErrors: [expect.objectContaining({ path })],
      });
    });
  });

  it('is open to auditors and closed to anyone without a session', async () => {
    const report = await asAuditor.get('/api/v1/console/metrics?from=2026-01-01&to=2026-06-30');
    expect(report.statusCode).toBe(200);
    expect(report.json<Report>().closed.overall.count).toBe(4);
    const csv = await asAuditor.get('/api/v1/console/metrics/ccpa.csv?year=2024');
    expect(csv.statusCode).toBe(200);
    expect(csv.body.split('\r\n')[1]).toBe('know,4,2,1,10.0,11.7');
    for (const url of ['/api/v1/console/metrics', '/api/v1/console/metrics/ccpa.csv?year=2024']) {
      const anonymous = await h.app.inject({ method: 'GET', url });
      expect(anonymous.statusCode).toBe(401);
    }
  });
});
