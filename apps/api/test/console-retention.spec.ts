import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { startApi, type ApiHarness } from './api-harness';
import { anOfficer, type ConsoleSession, signIn } from './console-harness';

const BASE = '/api/v1/console/retention';

interface RunBody {
  id: string;
  ruleId: string;
  trigger: string;
  status: string;
  rowsAffected: number;
  batches: number;
  startedBy: string | null;
}

interface RuleBody {
  id: string;
  source: string;
  action: string;
  description: string;
  schedule: { cron: string; timezone: string };
  hold: { source: string; reason: string } | null;
  latestRun: RunBody | null;
}

// The console's view of retention. The api has no worker here, so a started run stays where the
// api leaves it: that is what lets these tests pause, resume and cancel it at leisure.
describe('console: retention rules, dry run and runs', () => {
  let h: ApiHarness;
  let admin: ConsoleSession;
  let auditor: ConsoleSession;
  let adminId: string;
  let ruleId: string;

  beforeAll(async () => {
    h = await startApi();
    const adminOfficer = await anOfficer(h, 'admin');
    adminId = adminOfficer.id;
    admin = await signIn(h, adminOfficer);
    auditor = await signIn(h, await anOfficer(h, 'auditor'));
    const rules = (await auditor.get(`${BASE}/rules`)).json<{ rules: RuleBody[] }>().rules;
    ruleId = rules.find((rule) => rule.source === 'rightsdesk')!.id;
  });

  afterAll(async () => {
    await h.close();
  });

  it("lists Rightsdesk's own rules to every role, with schedule, hold and latest run", async () => {
    const response = await auditor.get(`${BASE}/rules`);
    expect(response.statusCode).toBe(200);
    const { rules } = response.json<{ rules: RuleBody[] }>();
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      expect(rule.id).toMatch(/^rightsdesk\.[a-z_]+$/);
      expect(rule.description.length).toBeGreaterThan(10);
      expect(rule.schedule.cron.split(' ')).toHaveLength(5);
    }
  });

  it('answers the dry run per rule and changes nothing', async () => {
    const response = await auditor.get(`${BASE}/plan`);
    expect(response.statusCode).toBe(200);
    const { plan } = response.json<{ plan: Array<{ ruleId: string; due: number | null; error: string | null; sampleKeys: string[] }> }>();
    expect(plan.map((entry) => entry.ruleId).sort()).toEqual(
      (await auditor.get(`${BASE}/rules`)).json<{ rules: RuleBody[] }>().rules.map((rule) => rule.id).sort(),
    );
    expect(plan.every((entry) => entry.error === null && typeof entry.due === 'number')).toBe(true);
    expect((await auditor.get(`${BASE}/plan?ruleId=${ruleId}`)).json<{ plan: unknown[] }>().plan).toHaveLength(1);
    expect((await h.app.get(DataSource).query(`SELECT count(*)::int AS n FROM retention_run`))[0].n).toBe(0);
  });

  it('starts, pauses, resumes and cancels a run for admins, audited; a second start finds the active run', async () => {
    const started = await admin.post(`${BASE}/rules/${ruleId}/runs`, {});
    expect(started.statusCode).toBe(202);
    const { run, started: isNew } = started.json<{ run: RunBody; started: boolean }>();
    expect(isNew).toBe(true);
    expect(run).toMatchObject({ ruleId, trigger: 'manual', status: 'running', startedBy: adminId, rowsAffected: 0 });

    const again = (await admin.post(`${BASE}/rules/${ruleId}/runs`, {})).json<{ run: RunBody; started: boolean }>();
    expect(again).toMatchObject({ started: false, run: { id: run.id } });

    expect((await admin.post(`${BASE}/runs/${run.id}/pause`, {})).json<{ run: RunBody }>().run.status).toBe('paused');
    expect((await admin.post(`${BASE}/runs/${run.id}/pause`, {})).json<{ code: string }>().code).toBe('illegal_transition');
    expect((await admin.post(`${BASE}/runs/${run.id}/resume`, {})).json<{ run: RunBody }>().run.status).toBe('running');
    const cancelled = await admin.post(`${BASE}/runs/${run.id}/cancel`, {});
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json<{ run: RunBody }>().run.status).toBe('cancelled');
    expect((await admin.post(`${BASE}/runs/${run.id}/resume`, {})).statusCode).toBe(409);

    const fetched = await auditor.get(`${BASE}/runs/${run.id}`);
    expect(fetched.json<{ run: RunBody }>().run.status).toBe('cancelled');
    const listed = (await auditor.get(`${BASE}/runs?ruleId=${ruleId}`)).json<{ runs: RunBody[] }>().runs;
    expect(listed.map((r) => r.id)).toContain(run.id);
    const actions = await h.app.get(DataSource).query<Array<{ action: string; actor_id: string }>>(
      `SELECT action, actor_id FROM audit_event WHERE action LIKE 'retention_run_%' AND data->>'runId' = $1 ORDER BY id`,
      [run.id],
    );
    expect(actions).toEqual([
      { action: 'retention_run_paused', actor_id: adminId },
      { action: 'retention_run_resumed', actor_id: adminId },
      { action: 'retention_run_cancelled', actor_id: adminId },
    ]);
  });

  it('places and lifts a legal hold; a held rule refuses a manual run with legal_hold', async () => {
    expect((await admin.put(`${BASE}/rules/${ruleId}/hold`, {})).statusCode).toBe(422);
    const placed = await admin.put(`${BASE}/rules/${ruleId}/hold`, { reason: 'Authority order 2026-4' });
    expect(placed.statusCode).toBe(200);
    expect(placed.json()).toMatchObject({ hold: { source: 'console', reason: 'Authority order 2026-4' } });
    const rule = (await auditor.get(`${BASE}/rules`)).json<{ rules: RuleBody[] }>().rules.find((r) => r.id === ruleId)!;
    expect(rule.hold).toMatchObject({ source: 'console' });
    const refused = await admin.post(`${BASE}/rules/${ruleId}/runs`, {});
    expect([refused.statusCode, refused.json<{ code: string }>().code]).toEqual([409, 'legal_hold']);
    const lifted = await admin.delete(`${BASE}/rules/${ruleId}/hold`);
    expect(lifted.json()).toEqual({ lifted: true, hold: null });
    expect((await admin.delete(`${BASE}/rules/${ruleId}/hold`)).json()).toEqual({ lifted: false, hold: null });
  });

  it('answers unknown rules and runs with 404 and bad queries with 422, never 500', async () => {
    const cases: Array<[ConsoleSession, 'get' | 'post' | 'put' | 'delete', string, number]> = [
      [admin, 'post', `${BASE}/rules/shop.nothing.here/runs`, 404],
      [admin, 'post', `${BASE}/rules/${'x'.repeat(300)}/runs`, 404],
      [admin, 'post', `${BASE}/rules/DROP%20TABLE/runs`, 404],
      [admin, 'put', `${BASE}/rules/rightsdesk.unknown/hold`, 422],
      [auditor, 'get', `${BASE}/runs/${randomUUID()}`, 404],
      [auditor, 'get', `${BASE}/runs/not-a-uuid`, 404],
      [auditor, 'get', `${BASE}/runs?limit=0`, 422],
      [auditor, 'get', `${BASE}/runs?before=yesterday`, 422],
      [auditor, 'get', `${BASE}/runs?colour=blue`, 422],
      [auditor, 'get', `${BASE}/plan?ruleId=rightsdesk.unknown`, 404],
    ];
    for (const [session, method, url, status] of cases) {
      const response = method === 'get' || method === 'delete' ? await session[method](url) : await session[method](url, {});
      expect([method, url, response.statusCode]).toEqual([method, url, status]);
    }
    const unknownHold = await admin.put(`${BASE}/rules/rightsdesk.unknown/hold`, { reason: 'valid reason' });
    expect(unknownHold.statusCode).toBe(404);
  });
});
