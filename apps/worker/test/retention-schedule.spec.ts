import { withPostgresClient } from '@rightsdesk/local-services';
import { QueueService, retentionRunJobId, retentionSchedulerId } from '@rightsdesk/queue';
import { waitFor } from '@rightsdesk/testing';
import { RetentionHolds, RetentionOverview, RetentionRules, RetentionRuns } from '@rightsdesk/workflow';
import { RetentionRunRepository } from '@rightsdesk/data-access';
import { DataSource } from 'typeorm';
import { type ExecutionHarness, startExecutionHarness } from './execution/execution-harness';

const DAY = 24 * 3600 * 1000;

interface RunRow {
  id: string;
  status: string;
  rows_affected: string;
  batches: number;
  errors: number;
  trigger: string;
  last_error: string | null;
}

// The worker applies the data map's retention rules on their schedules: the scheduler fires a
// `retention-rule` job (enqueued here exactly as the scheduler would), the worker runs the rule in
// batches as of the injected clock, and the run is recorded with an audit event.
describe('worker: scheduled retention of page views', () => {
  let h: ExecutionHarness;
  const db = () => h.worker().get(DataSource);

  /** Page views of both customers, `count` of them viewed `daysAgo` days before the clock's now. */
  async function pageViews(count: number, daysAgo: number): Promise<void> {
    await withPostgresClient(h.companyUrl, (client) =>
      client.query(
        `INSERT INTO page_views (customer_id, page, ip, viewed_at)
         SELECT (SELECT min(id) FROM customers), '/aged/' || g, ('10.9.' || (g % 250) || '.' || (1 + g % 200))::inet, $2::timestamptz
           FROM generate_series(1, $1::int) g`,
        [count, new Date(h.clock.now().getTime() - daysAgo * DAY)],
      ),
    );
  }

  async function ageCounts(): Promise<{ total: number; hostIps: number; older120: number; hostIpsOlder30: number }> {
    return withPostgresClient(h.companyUrl, async (client) => {
      const now = h.clock.now();
      const { rows } = await client.query<{ total: number; host_ips: number; older120: number; host_ips_older30: number }>(
        `SELECT count(*)::int AS total,
                count(*) FILTER (WHERE ip IS NOT NULL AND ip <> network(set_masklen(ip, 24)))::int AS host_ips,
                count(*) FILTER (WHERE viewed_at < $1::timestamptz - interval '120 days')::int AS older120,
                count(*) FILTER (WHERE viewed_at < $1::timestamptz - interval '30 days' AND ip <> network(set_masklen(ip, 24)))::int AS host_ips_older30
           FROM page_views`,
        [now],
      );
      return { total: rows[0].total, hostIps: rows[0].host_ips, older120: rows[0].older120, hostIpsOlder30: rows[0].host_ips_older30 };
    });
  }

  async function scheduledTick(ruleId: string): Promise<RunRow> {
    const before = new Date();
    await h.worker().get(QueueService).enqueue({ name: 'retention-rule', data: { ruleId } });
    return waitFor(`a finished run of ${ruleId}`, async () => {
      const rows = await db().query<RunRow[]>(
        `SELECT * FROM retention_run WHERE rule_id = $1 AND updated_at >= $2 AND status NOT IN ('running','paused') ORDER BY started_at DESC LIMIT 1`,
        [ruleId, before],
      );
      return rows[0];
    }, 20_000);
  }

  beforeAll(async () => {
    h = await startExecutionHarness({
      pageViewRetention: { anonymizeCron: '0 3 * * *', deleteCron: '30 3 * * 1-5' },
      env: { RETENTION_BATCH_SIZE: '40' },
    });
    await h.startWorker();
  }, 60_000);

  afterAll(async () => {
    await h?.close();
  });

  // Each test starts from the harness's own rows: no aged page views, holds or active runs left over.
  beforeEach(async () => {
    h.clock.shiftMs = 0;
    await withPostgresClient(h.companyUrl, (client) => client.query(`DELETE FROM page_views WHERE page LIKE '/aged/%'`));
    await db().query(`DELETE FROM retention_hold`);
    await db().query(`UPDATE retention_run SET status = 'cancelled', finished_at = now() WHERE status IN ('running','paused')`);
  });

  it('schedules every rule once, with its own cron and time zone, our own records included', async () => {
    const queue = h.worker().get(QueueService).queue('retention');
    const anonymize = await queue.getJobScheduler(retentionSchedulerId('shop.page_views.anonymize'));
    const remove = await queue.getJobScheduler(retentionSchedulerId('shop.page_views.delete'));
    expect(anonymize).toMatchObject({ pattern: '0 3 * * *', tz: 'UTC' });
    expect(remove).toMatchObject({ pattern: '30 3 * * 1-5', tz: 'UTC' });
    const ids = h.worker().get(RetentionRules).all().map((task) => task.id);
    expect(ids).toEqual(expect.arrayContaining(['shop.page_views.anonymize', 'shop.page_views.delete']));
    const scheduled = (await h.worker().get(QueueService).schedulers('retention')).map((s) => s.id).sort();
    expect(scheduled).toEqual(ids.map(retentionSchedulerId).sort());
  });

  it('anonymizes IPs past 30 days and deletes page views past 120 days, in batches, as of the moved clock', async () => {
    await pageViews(30, 10);
    await pageViews(50, 45);
    await pageViews(70, 130);
    const plan = await h.worker().get(RetentionOverview).plan();
    const due = Object.fromEntries(plan.map((entry) => [entry.ruleId, entry.due]));
    // The seeded rows of the harness are from today; the 45- and 130-day-old ones still hold host IPs.
    expect(due['shop.page_views.anonymize']).toBe(120);
    expect(due['shop.page_views.delete']).toBe(70);
    expect((await ageCounts()).hostIpsOlder30).toBe(120);

    const anonymized = await scheduledTick('shop.page_views.anonymize');
    expect(anonymized).toMatchObject({ status: 'completed', trigger: 'schedule', rows_affected: '120', errors: 0 });
    // Three full batches of 40; the fourth finds fewer than 40 (none) and ends the run.
    expect(anonymized.batches).toBe(4);
    const afterAnonymize = await ageCounts();
    expect(afterAnonymize.hostIpsOlder30).toBe(0);
    expect(afterAnonymize.hostIps).toBe(30 + 10); // the 10-day-old ones and the harness's own rows of today

    const deleted = await scheduledTick('shop.page_views.delete');
    expect(deleted).toMatchObject({ status: 'completed', rows_affected: '70' });
    const afterDelete = await ageCounts();
    expect(afterDelete.older120).toBe(0);
    expect(afterDelete.total).toBe(10 + 30 + 50);

    // Four months on, the 45-day-old views are past 120 days and the 10-day-old ones past 30.
    h.clock.shiftMs = 100 * DAY;
    const later = Object.fromEntries((await h.worker().get(RetentionOverview).plan()).map((entry) => [entry.ruleId, entry.due]));
    expect(later['shop.page_views.delete']).toBe(50);
    expect(later['shop.page_views.anonymize']).toBe(40);
    expect((await scheduledTick('shop.page_views.delete')).rows_affected).toBe('50');
    expect((await scheduledTick('shop.page_views.anonymize')).rows_affected).toBe('40');

    const events = await db().query<Array<{ action: string; data: { ruleId: string; rowsAffected: number; batches: number } }>>(
      `SELECT action, data FROM audit_event WHERE action LIKE 'retention_run_%' ORDER BY id`,
    );
    expect(events.map((event) => [event.action, event.data.ruleId, event.data.rowsAffected])).toEqual([
      ['retention_run_completed', 'shop.page_views.anonymize', 120],
      ['retention_run_completed', 'shop.page_views.delete', 70],
      ['retention_run_completed', 'shop.page_views.delete', 50],
      ['retention_run_completed', 'shop.page_views.anonymize', 40],
    ]);
  });

  it('a second run of a rule never starts while one is active, and two workers never work one run at once', async () => {
    await pageViews(200, 200);
    const runs = h.worker().get(RetentionRuns);
    const [first, second] = await Promise.all([runs.start('shop.page_views.delete', 'manual', null), runs.start('shop.page_views.delete', 'schedule', null)]);
    expect(first.run.id).toBe(second.run.id);
    expect([first.started, second.started].sort()).toEqual([false, true]);
    const outcomes = await Promise.all([runs.work(first.run.id), runs.work(first.run.id)]);
    // Whichever call comes second finds the run held by the first (busy) or already completed.
    expect(outcomes).toContain('completed');
    expect(outcomes.every((outcome) => outcome === 'completed' || outcome === 'busy')).toBe(true);
    const run = await runs.find(first.run.id);
    expect(run.rowsAffected).toBe('200');
    expect(run.batches).toBe(6); // no batch done twice: five full ones and the empty last
  });

  it('a legal hold placed in the console stops the schedule and refuses an officer, until lifted', async () => {
    await pageViews(5, 200);
    const holds = h.worker().get(RetentionHolds);
    await holds.place('shop.page_views.delete', 'Litigation hold, case 17', '00000000-0000-4000-8000-000000000001');
    const held = await scheduledTick('shop.page_views.delete');
    expect(held).toMatchObject({ status: 'held', rows_affected: '0', last_error: 'Litigation hold, case 17' });
    expect((await ageCounts()).older120).toBe(5);
    await expect(h.worker().get(RetentionRuns).start('shop.page_views.delete', 'manual', null)).rejects.toMatchObject({ code: 'legal_hold' });

    expect(await holds.lift('shop.page_views.delete', '00000000-0000-4000-8000-000000000001')).toBe(true);
    expect(await scheduledTick('shop.page_views.delete')).toMatchObject({ status: 'completed', rows_affected: '5' });
    const actions = await db().query<Array<{ action: string }>>(`SELECT action FROM audit_event WHERE action LIKE 'retention_%' ORDER BY id DESC LIMIT 4`);
    expect(actions.map((row) => row.action).reverse()).toEqual(['retention_hold_placed', 'retention_run_held', 'retention_hold_lifted', 'retention_run_completed']);
  });

  it('pauses, resumes and cancels a run; a resumed run continues from its cursor', async () => {
    await pageViews(400, 200);
    const runs = h.worker().get(RetentionRuns);
    const queue = h.worker().get(QueueService);
    const officer = '00000000-0000-4000-8000-000000000002';
    const { run } = await runs.start('shop.page_views.delete', 'manual', officer);
    // A paused run is picked up by nobody: pause before any worker sees it, then resume through the queue.
    await runs.pause(run.id, officer);
    await queue.ensure({ name: 'retention-run', data: { runId: run.id } }, retentionRunJobId(run.id));
    const job = { name: 'retention-run', data: { runId: run.id } } as const;
    await waitFor('the job to have been worked', async () => (await queue.jobState(job, retentionRunJobId(run.id))) === 'completed');
    expect(await runs.find(run.id)).toMatchObject({ status: 'paused', batches: 0 });
    await runs.resume(run.id, officer);
    await queue.ensure({ name: 'retention-run', data: { runId: run.id } }, retentionRunJobId(run.id));
    const done = await waitFor('the resumed run to complete', async () => {
      const current = await runs.find(run.id);
      return current.status === 'completed' ? current : undefined;
    }, 20_000);
    expect(done).toMatchObject({ rowsAffected: '400', batches: 11 });
    await expect(runs.cancel(run.id, officer)).rejects.toMatchObject({ code: 'illegal_transition' });

    await pageViews(3, 200);
    const another = await runs.start('shop.page_views.delete', 'manual', officer);
    const cancelled = await runs.cancel(another.run.id, officer);
    expect(cancelled).toMatchObject({ status: 'cancelled' });
    expect(await runs.work(another.run.id)).toBe('cancelled');
    expect((await ageCounts()).older120).toBe(3);
  });
});

describe('worker: a rule with legalHold: true in the data map', () => {
  let h: ExecutionHarness;

  beforeAll(async () => {
    h = await startExecutionHarness({ pageViewRetention: { anonymizeCron: '0 3 * * *', deleteCron: '30 3 * * *', legalHold: true } });
    await h.startWorker();
  }, 60_000);

  afterAll(async () => {
    await h?.close();
  });

  it('records each scheduled tick as held and deletes nothing, while the other rule runs', async () => {
    await withPostgresClient(h.companyUrl, (client) =>
      client.query(`UPDATE page_views SET viewed_at = now() - interval '200 days' WHERE id IN (SELECT id FROM page_views ORDER BY id LIMIT 4)`),
    );
    const db = h.worker().get(DataSource);
    const queue = h.worker().get(QueueService);
    const finished = (ruleId: string) =>
      waitFor(`a finished run of ${ruleId}`, async () => {
        const rows = await db.query<RunRow[]>(`SELECT * FROM retention_run WHERE rule_id = $1 AND status NOT IN ('running','paused')`, [ruleId]);
        return rows[0];
      });
    await queue.enqueue({ name: 'retention-rule', data: { ruleId: 'shop.page_views.delete' } });
    await queue.enqueue({ name: 'retention-rule', data: { ruleId: 'shop.page_views.anonymize' } });
    expect(await finished('shop.page_views.delete')).toMatchObject({ status: 'held', rows_affected: '0', last_error: 'legalHold: true in the data map' });
    expect(await finished('shop.page_views.anonymize')).toMatchObject({ status: 'completed', rows_affected: '4' });
    const [left] = await withPostgresClient(h.companyUrl, async (client) =>
      (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM page_views WHERE viewed_at < now() - interval '120 days'`)).rows,
    );
    expect(left.n).toBe(4);
    const plan = await h.worker().get(RetentionOverview).plan('shop.page_views.delete');
    expect(plan[0]).toMatchObject({ due: 4, hold: { source: 'data_map' } });
    await expect(h.worker().get(RetentionRuns).start('shop.page_views.delete', 'manual', null)).rejects.toMatchObject({ code: 'legal_hold' });
  });
});

// What happens around a run rather than in it: a worker stopping normally mid-run, batches that keep
// failing, and an officer cancelling while a batch is in flight.
describe('worker: a retention run across a shutdown, failures and a cancel', () => {
  let h: ExecutionHarness;
  const db = () => h.worker().get(DataSource);
  const shop = <T>(sql: string, params: unknown[] = []) =>
    withPostgresClient(h.companyUrl, async (client) => (await client.query(sql, params)).rows as T[]);

  beforeAll(async () => {
    h = await startExecutionHarness({
      pageViewRetention: { anonymizeCron: '0 3 1 1 *', deleteCron: '0 3 1 1 *' },
      env: { RETENTION_BATCH_SIZE: '50', RETENTION_BATCH_PAUSE_MS: '100', RECONCILE_INTERVAL_SECONDS: '1', RETENTION_MAX_ERRORS: '3' },
    });
    await h.startWorker();
  }, 60_000);

  afterAll(async () => {
    await h?.close();
  });

  it('a worker stopping mid-run hands the run back; the next worker resumes from the saved cursor, not from the start', async () => {
    await shop(
      `INSERT INTO page_views (customer_id, page, ip, viewed_at)
       SELECT (SELECT min(id) FROM customers), '/old/' || g, '10.9.9.9', now() - interval '200 days' FROM generate_series(1, 600) g`,
    );
    const { run } = await h.worker().get(RetentionRuns).start('shop.page_views.delete', 'manual', null);
    await h.worker().get(QueueService).ensure({ name: 'retention-run', data: { runId: run.id } }, retentionRunJobId(run.id));
    await waitFor('a few batches', async () => ((await db().query<RunRow[]>(`SELECT * FROM retention_run WHERE id = $1`, [run.id]))[0].batches >= 3 ? true : undefined));

    const stopping = Date.now();
    await h.stopWorker();
    // The shutdown did not wait for the whole run (12 batches of 100 ms pause each and more).
    expect(Date.now() - stopping).toBeLessThan(5_000);
    const handedBack = await withPostgresClient(h.config.database.url, async (client) =>
      (await client.query<RunRow & { lease_owner: string | null; cursor: string }>(`SELECT * FROM retention_run WHERE id = $1`, [run.id])).rows[0],
    );
    expect(handedBack).toMatchObject({ status: 'running', lease_owner: null });
    expect(handedBack.batches).toBeLessThan(13);
    // Rows made due below the saved cursor: a run that started over would delete them, one that
    // goes on from its cursor leaves them for the next run.
    const [{ n: belowCursor }] = await shop<{ n: number }>(
      `WITH aged AS (UPDATE page_views SET viewed_at = now() - interval '300 days' WHERE page LIKE '/page/%' AND id < $1::bigint RETURNING 1)
       SELECT count(*)::int AS n FROM aged`,
      [handedBack.cursor],
    );
    expect(belowCursor).toBeGreaterThan(0);

    await h.startWorker();
    const done = await waitFor('the run to complete after the restart', async () => {
      const current = await h.worker().get(RetentionRuns).find(run.id);
      return current.status === 'completed' ? current : undefined;
    });
    expect(done).toMatchObject({ rowsAffected: '600', batches: 13 });
    const [left] = await shop<{ old: number; below: number }>(
      `SELECT count(*) FILTER (WHERE page LIKE '/old/%')::int AS old,
              count(*) FILTER (WHERE page LIKE '/page/%' AND viewed_at < now() - interval '250 days')::int AS below FROM page_views`,
    );
    expect(left).toEqual({ old: 0, below: belowCursor });
    await shop(`DELETE FROM page_views WHERE viewed_at < now() - interval '250 days'`);
  });

  it('a batch that keeps failing is retried and the run ends failed after RETENTION_MAX_ERRORS, naming the place, never a value', async () => {
    await shop(`ALTER TABLE page_views RENAME COLUMN viewed_at TO seen_at`);
    try {
      const runs = h.worker().get(RetentionRuns);
      const { run } = await runs.start('shop.page_views.anonymize', 'manual', null);
      await expect(runs.work(run.id)).rejects.toThrow();
      // The lease stays out until the job's retry is due, so the reconciler does not pile on.
      const [afterFirst] = await db().query<Array<{ lease_owner: string | null; lease_until: Date; errors: number }>>(
        `SELECT lease_owner, lease_until, errors FROM retention_run WHERE id = $1`,
        [run.id],
      );
      expect(afterFirst.errors).toBe(1);
      expect(afterFirst.lease_owner).toBeNull();
      expect(afterFirst.lease_until.getTime()).toBeGreaterThan(Date.now() + 30_000);
      expect((await runs.orphaned(100)).map((orphan) => orphan.id)).not.toContain(run.id);
      await expect(runs.work(run.id)).rejects.toThrow();
      expect(await runs.work(run.id)).toBe('failed');
      const failed = await runs.find(run.id);
      expect(failed).toMatchObject({ status: 'failed', errors: 3 });
      // pg's own message would quote the statement; the stored text names the rule and the condition.
      expect(failed.lastError).toBe('shop.page_views: retention rule anonymize failed: column does not exist (SQLSTATE 42703)');
      const [event] = await db().query<Array<{ reason: string; data: { errors: number } }>>(
        `SELECT reason, data FROM audit_event WHERE action = 'retention_run_failed' AND data->>'runId' = $1`,
        [run.id],
      );
      expect(event.data.errors).toBe(3);
    } finally {
      await shop(`ALTER TABLE page_views RENAME COLUMN seen_at TO viewed_at`);
    }
  });

  it('an officer cancelling while a batch is in flight: the run ends at once, and that batch still counts in the run', async () => {
    const repository = h.worker().get(RetentionRunRepository);
    const runs = h.worker().get(RetentionRuns);
    await shop(`INSERT INTO page_views (customer_id, page, viewed_at) SELECT (SELECT min(id) FROM customers), '/x', now() - interval '200 days'`);
    const { run } = await runs.start('shop.page_views.delete', 'manual', null);
    // A worker holds the run, mid-batch, when the officer cancels.
    expect(await repository.claim(run.id, 'worker-a', new Date(), new Date(Date.now() + 60_000))).not.toBeNull();
    await runs.cancel(run.id, '00000000-0000-4000-8000-000000000003');
    expect(await repository.recordBatch(run.id, 'worker-a', { affected: 7, cursor: '42', longestStatementMs: 3 }, new Date(Date.now() + 60_000))).toBe('cancelled');
    // Nobody else can claim or record anything on it.
    expect(await repository.claim(run.id, 'worker-b', new Date(), new Date(Date.now() + 60_000))).toBeNull();
    expect(await runs.find(run.id)).toMatchObject({ status: 'cancelled', rowsAffected: '7', batches: 1, leaseUntil: null });
  });
});
