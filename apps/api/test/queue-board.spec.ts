import { QUEUE_NAMES, QueueService } from '@rightsdesk/queue';
import { startApi, type ApiHarness } from './api-harness';
import { anOfficer, type ConsoleSession, signIn } from './console-harness';

const BOARD = '/admin/queues';
const OURS = 'http://localhost:3000';

describe('queue inspector (Bull Board) at /admin/queues', () => {
  let h: ApiHarness;
  let admin: ConsoleSession;

  beforeAll(async () => {
    h = await startApi();
    admin = await signIn(h, await anOfficer(h, 'admin'));
  });

  afterAll(async () => {
    await h.close();
  });

  const asAdmin = (method: 'PUT' | 'POST' | 'PATCH', url: string, headers: Record<string, string> = {}) =>
    h.app.inject({ method, url, headers: { cookie: admin.cookie, ...headers } });

  it('refuses callers without a session with a JSON 401, on the page, its API and its assets', async () => {
    for (const url of [BOARD, `${BOARD}/`, `${BOARD}/api/queues`, `${BOARD}/static/favicon-32x32.png`]) {
      const response = await h.app.inject({ method: 'GET', url });
      expect([url, response.statusCode]).toEqual([url, 401]);
      expect(response.json()).toMatchObject({ code: 'unauthorized', requestId: expect.any(String) });
    }
    const forged = await h.app.inject({ method: 'GET', url: BOARD, headers: { cookie: 'rd_session=not-a-session' } });
    expect(forged.statusCode).toBe(401);
  });

  it.each(['officer', 'auditor'] as const)('refuses an %s with 403', async (role) => {
    const session = await signIn(h, await anOfficer(h, role));
    for (const url of [BOARD, `${BOARD}/api/queues`]) {
      const response = await session.get(url);
      expect([url, response.statusCode, response.json<{ code: string }>().code]).toEqual([url, 403, 'forbidden']);
    }
    const pause = await h.app.inject({ method: 'PUT', url: `${BOARD}/api/queues/maintenance/pause`, headers: { cookie: session.cookie, origin: OURS } });
    expect(pause.statusCode).toBe(403);
    expect(await h.app.get(QueueService).queue('maintenance').isPaused()).toBe(false);
  });

  it('serves an admin the board under the strict CSP, with its assets and the catalogue queues', async () => {
    const page = await admin.get(BOARD);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('<base href="/admin/queues/" />');
    expect(page.body).toContain('<title>Rightsdesk queues</title>');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers['cache-control']).toBe('no-store');

    // Every script the page loads comes from here and is served.
    const scripts = [...page.body.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) {
      expect(src).toMatch(/^static\//);
      const asset = await admin.get(`${BOARD}/${src}`);
      expect([src, asset.statusCode]).toEqual([src, 200]);
      expect(asset.headers['content-type']).toMatch(/javascript/);
    }

    const api = await admin.get(`${BOARD}/api/queues`);
    expect(api.statusCode).toBe(200);
    expect(api.json<{ queues: Array<{ name: string }> }>().queues.map((q) => q.name).sort()).toEqual([...QUEUE_NAMES].sort());
  });

  it('lets an admin change a queue only from our own origin', async () => {
    const queue = h.app.get(QueueService).queue('maintenance');
    const url = `${BOARD}/api/queues/maintenance/pause`;

    const noOrigin = await asAdmin('PUT', url);
    expect([noOrigin.statusCode, noOrigin.json<{ code: string }>().code]).toEqual([403, 'csrf_invalid']);
    const foreign = await asAdmin('PUT', url, { origin: 'https://evil.example' });
    expect(foreign.statusCode).toBe(403);
    expect(await queue.isPaused()).toBe(false);

    const ours = await asAdmin('PUT', url, { origin: OURS });
    expect(ours.statusCode).toBeLessThan(300);
    expect(await queue.isPaused()).toBe(true);
    expect((await asAdmin('PUT', `${BOARD}/api/queues/maintenance/resume`, { origin: OURS })).statusCode).toBeLessThan(300);
    expect(await queue.isPaused()).toBe(false);
  });

  it('never lets anyone add a job or rewrite its data by hand', async () => {
    const queue = h.app.get(QueueService).queue('maintenance');
    const before = await queue.count();
    const add = await h.app.inject({
      method: 'POST',
      url: `${BOARD}/api/queues/maintenance/add`,
      headers: { cookie: admin.cookie, origin: OURS, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'send-officer-digest', data: {} }),
    });
    expect([add.statusCode, add.json<{ code: string }>().code]).toEqual([403, 'forbidden']);
    const edit = await h.app.inject({
      method: 'PATCH',
      url: `${BOARD}/api/queues/maintenance/some-job/update-data`,
      headers: { cookie: admin.cookie, origin: OURS, 'content-type': 'application/json' },
      payload: JSON.stringify({ jobData: { requestId: 'x' } }),
    });
    expect(edit.statusCode).toBe(403);
    expect(await queue.count()).toBe(before);
  });

  it('closes as soon as the admin is no longer one', async () => {
    const other = await anOfficer(h, 'admin');
    const session = await signIn(h, other);
    expect((await session.get(BOARD)).statusCode).toBe(200);
    // Demoted by another admin: the role change ends the session.
    expect((await admin.patch(`/api/v1/console/officers/${other.id}`, { role: 'officer' })).statusCode).toBe(200);
    expect((await session.get(BOARD)).statusCode).toBe(401);
  });
});
