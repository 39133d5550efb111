import { spawn } from 'node:child_process';
import path from 'node:path';
import { freePort } from '@rightsdesk/local-services';
import { type AppProcess, startAppProcess, testEnv } from '@rightsdesk/testing';

const ROOT = path.resolve(__dirname, '../../..');

/** The built command line, as an operator runs it on the server. */
function cli(args: string[], env: Record<string, string>, stdin: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'dist/apps/cli/src/main.js'), ...args], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
    child.stdin.end(stdin);
  });
}

// The built api as production runs it (createApiApp, not the test module): the first admin made on
// the command line signs in, and only that session opens the queue inspector.
describe('built api and cli: the first admin and the queue inspector', () => {
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  let api: AppProcess;
  let base: string;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const made = await testEnv({ PORT: String(port), PUBLIC_URL: base });
    env = made.env;
    cleanup = made.cleanup;
    api = await startAppProcess('api', env, port);
  });

  afterAll(async () => {
    await api?.stop();
    await cleanup();
  });

  it('officer create makes an admin who, signed in, sees Bull Board; without a session it stays closed', async () => {
    const created = await cli(['officer', 'create', '--email', 'first@privacy.example', '--name', 'First Admin', '--role', 'admin', '--password-stdin'], env, 'the first admin passphrase\n');
    expect([created.code, created.out]).toEqual([0, expect.stringContaining('Created admin first@privacy.example (First Admin).')]);

    expect((await fetch(`${base}/admin/queues`)).status).toBe(401);

    const signIn = await fetch(`${base}/api/v1/console/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'first@privacy.example', password: 'the first admin passphrase' }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('rd_session='));
    expect(cookie).toBeDefined();

    const page = await fetch(`${base}/admin/queues`, { headers: { cookie: cookie ?? '' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Rightsdesk queues</title>');
    const queues = await fetch(`${base}/admin/queues/api/queues`, { headers: { cookie: cookie ?? '' } });
    expect(((await queues.json()) as { queues: Array<{ name: string }> }).queues.map((q) => q.name).sort()).toEqual(['email', 'execution', 'maintenance', 'retention']);
  });
});
