import { DrpAgentClient, DrpCallbackReceiver, DrpExerciseMessages, type DrpStatus, waitFor } from '@rightsdesk/testing';
import { customerEmail } from './execution-fixtures';
import { startWebStack, type WebStack } from './web-stack';

const BUSINESS_ID = 'cb-e2e-shop';

interface Session {
  post(path: string, body?: unknown): Promise<Response>;
}

// Issue 7's "done when", against the built api and worker as `npm start` runs them: an agent that
// knows only the DRP spec (libs/testing's client, no server code) is registered by an admin, pairs,
// submits a deletion and an access request, follows both to `fulfilled` after the officers approve
// (four eyes for the deletion), gets every change on its status callback, revokes a third, and is
// refused in each case the spec says to refuse.
describe('Data Rights Protocol: an authorized agent, end to end', () => {
  let stack: WebStack;
  let receiver: DrpCallbackReceiver;
  let admin: Session;
  let officer: Session;
  const agent = new DrpAgentClient('CR_AA_DRP_ID_E2E');
  const messages = new DrpExerciseMessages(agent);
  let token: string;

  beforeAll(async () => {
    stack = await startWebStack({ customers: 3, env: { DRP_BUSINESS_ID: BUSINESS_ID, DRP_CALLBACK_INTERVAL_SECONDS: '1', DRP_CALLBACK_ALLOW_PRIVATE_NETWORK: 'true' } });
    receiver = await DrpCallbackReceiver.start();
    admin = await session(await stack.officer('admin', 'drp-admin@example.com', 'Ada Admin'));
    officer = await session(await stack.officer('officer', 'drp-officer@example.com', 'Otto Officer'));
  }, 120_000);

  afterAll(async () => {
    await receiver?.stop();
    await stack?.stop();
  });

  async function session(who: { email: string; password: string }): Promise<Session> {
    const signIn = await fetch(`${stack.base}/api/v1/console/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(who) });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    return {
      post: (path, body = {}) => fetch(`${stack.base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken }, body: JSON.stringify(body) }),
    };
  }

  const drp = (path: string, init: { method: string; body?: string; token?: string | null }) =>
    fetch(`${stack.base}/drp${path}`, {
      method: init.method,
      headers: { ...(init.body === undefined ? {} : { 'content-type': 'text/plain' }), ...(init.token === null ? {} : { authorization: `Bearer ${init.token ?? token}` }) },
      ...(init.body === undefined ? {} : { body: init.body }),
    });
  const envelope = () => ({ businessId: BUSINESS_ID, now: new Date() });
  const statusOf = async (id: string, as = token) => (await drp(`/v1/data-rights-request/${id}`, { method: 'GET', token: as })).json() as Promise<DrpStatus>;
  const requestIdOf = async (drpRequestId: string) =>
    (await stack.db<{ request_id: string }>('SELECT request_id FROM drp_request WHERE id = $1', [drpRequestId]))[0].request_id;

  it('pairs, exercises deletion and access, and follows them to fulfilled after the officers approve', async () => {
    const registered = await admin.post('/api/v1/console/drp-agents', { id: agent.agentId, name: 'Permission Slip (test)', verifyKey: agent.verifyKey, technicalContact: 'drp@agent.example' });
    expect(registered.status).toBe(201);

    const paired = await drp(`/v1/agent/${agent.agentId}`, { method: 'POST', body: agent.pairingBody(BUSINESS_ID, new Date()), token: null });
    expect(paired.status).toBe(200);
    token = ((await paired.json()) as { token: string }).token;
    expect((await drp(`/v1/agent/${agent.agentId}`, { method: 'GET' })).status).toBe(200);

    const exercise = async (name: string, email: string, agentRequestId: string): Promise<DrpStatus> => {
      const response = await drp('/v1/data-rights-request', {
        method: 'POST',
        body: messages.exercise(envelope(), name, { name: 'Shop Customer', email, email_verified: true }, { 'agent-request-id': agentRequestId, status_callback: receiver.url }),
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      return (await response.json()) as DrpStatus;
    };
    const deletion = await exercise('deletion', customerEmail(0), 'e2e-deletion');
    const access = await exercise('access', customerEmail(1), 'e2e-access');
    for (const answer of [deletion, access]) {
      expect(answer).toMatchObject({ status: 'in_progress', received_at: expect.stringMatching(/\+00:00$/), expected_by: expect.stringMatching(/T23:59:59\+00:00$/) });
    }

    // The callback hears of the filing before anyone decides (the sender sends the latest state, so
    // waiting here is what lets the test see each change).
    await waitFor('in_progress callbacks', () => Promise.resolve(receiver.statusesOf(deletion.request_id).includes('in_progress') && receiver.statusesOf(access.request_id).includes('in_progress')), 20_000);

    // The deletion needs four eyes: the officer proposes, the admin approves. The access needs one.
    const deletionId = await requestIdOf(deletion.request_id);
    expect((await officer.post(`/api/v1/console/requests/${deletionId}/approve`)).status).toBe(200);
    expect((await statusOf(deletion.request_id)).status).toBe('in_progress');
    expect((await admin.post(`/api/v1/console/requests/${deletionId}/approve`)).status).toBe(200);
    expect((await officer.post(`/api/v1/console/requests/${await requestIdOf(access.request_id)}/approve`)).status).toBe(200);

    for (const answer of [deletion, access]) {
      await waitFor(`${answer.request_id} fulfilled`, async () => (await statusOf(answer.request_id)).status === 'fulfilled', 60_000);
    }
    expect(await statusOf(deletion.request_id)).toMatchObject({ status: 'fulfilled', agent_request_id: 'e2e-deletion', expires_at: expect.stringMatching(/\+00:00$/) });
    expect(await stack.shop<{ n: number }>('SELECT count(*)::int AS n FROM customers WHERE email = $1', [customerEmail(0)])).toEqual([{ n: 0 }]);
    expect(await stack.shop<{ n: number }>('SELECT count(*)::int AS n FROM customers WHERE email = $1', [customerEmail(1)])).toEqual([{ n: 1 }]);
    // The consumer got their data by email, as from the privacy center.
    await stack.sink.waitForMessage((m) => (m.text ?? '').includes('/requests/download?token=') && JSON.stringify(m.to ?? '').includes(customerEmail(1)));

    // Every change reached the callback, the last one final.
    await waitFor('fulfilled callbacks', () => Promise.resolve(receiver.statusesOf(deletion.request_id).at(-1) === 'fulfilled' && receiver.statusesOf(access.request_id).at(-1) === 'fulfilled'), 20_000);
    expect(receiver.statusesOf(deletion.request_id)[0]).toBe('in_progress');
    expect(receiver.received.filter((status) => status.request_id === deletion.request_id).at(-1)).toMatchObject({ agent_request_id: 'e2e-deletion', expires_at: expect.stringMatching(/\+00:00$/) });
  }, 120_000);

  it('revokes a request not yet approved, and tells the callback', async () => {
    const filed = await drp('/v1/data-rights-request', { method: 'POST', body: messages.exercise(envelope(), 'access', { email: customerEmail(2) }, { status_callback: receiver.url }) });
    const { request_id: id } = (await filed.json()) as DrpStatus;
    const revoked = await drp(`/v1/data-rights-request/${id}`, { method: 'DELETE', body: messages.revoke(envelope(), 'Changed my mind') });
    expect([revoked.status, ((await revoked.json()) as DrpStatus).status]).toEqual([200, 'revoked']);
    await waitFor('revoked callback', () => Promise.resolve(receiver.statusesOf(id).at(-1) === 'revoked'), 20_000);
  }, 60_000);

  it('refuses what the spec says to refuse', async () => {
    const other = new DrpAgentClient('CR_AA_DRP_ID_OTHER');
    expect((await admin.post('/api/v1/console/drp-agents', { id: other.agentId, name: 'Other agent', verifyKey: other.verifyKey, technicalContact: 'drp@other.example' })).status).toBe(201);
    const otherToken = ((await (await drp(`/v1/agent/${other.agentId}`, { method: 'POST', body: other.pairingBody(BUSINESS_ID, new Date()), token: null })).json()) as { token: string }).token;
    const now = new Date();
    const claims = { email: customerEmail(2) };
    const forged = new DrpExerciseMessages(new DrpAgentClient(agent.agentId));
    const cases: Array<[string, string, string, number]> = [
      ['bad signature', token, forged.exercise(envelope(), 'deletion', claims), 403],
      ['wrong business-id', token, messages.exercise({ businessId: 'cb-another-shop', now }, 'deletion', claims), 403],
      ['expired', token, messages.exercise(envelope(), 'deletion', claims, { 'expires-at': new Date(now.getTime() - 1000).toISOString() }), 400],
      ['issued-at in the future', token, messages.exercise(envelope(), 'deletion', claims, { 'issued-at': new Date(now.getTime() + 120_000).toISOString() }), 400],
      ['token of another agent', otherToken, messages.exercise(envelope(), 'deletion', claims), 403],
      ['agent-id of another agent', token, messages.exercise(envelope(), 'deletion', claims, { 'agent-id': other.agentId }), 403],
    ];
    for (const [why, as, body, code] of cases) {
      const response = await drp('/v1/data-rights-request', { method: 'POST', body, token: as });
      expect([why, response.status, ((await response.json()) as { code: string }).code]).toEqual([why, code, String(code)]);
    }
    // Another agent may not read or revoke our requests.
    const [{ id: ours }] = await stack.db<{ id: string }>('SELECT id FROM drp_request WHERE agent_id = $1 LIMIT 1', [agent.agentId]);
    expect((await drp(`/v1/data-rights-request/${ours}`, { method: 'GET', token: otherToken })).status).toBe(403);
    expect((await drp(`/v1/data-rights-request/${ours}`, { method: 'DELETE', token: otherToken, body: new DrpExerciseMessages(other).revoke(envelope()) })).status).toBe(403);

    // A replay of a message inside its window is the same request; once the window is over, fatal.
    const short = messages.exercise({ businessId: BUSINESS_ID, now: new Date(), validForMs: 4000 }, 'access', claims, { 'agent-request-id': 'e2e-replay' });
    const first = (await (await drp('/v1/data-rights-request', { method: 'POST', body: short })).json()) as DrpStatus;
    const replay = (await (await drp('/v1/data-rights-request', { method: 'POST', body: short })).json()) as DrpStatus;
    expect(replay.request_id).toBe(first.request_id);
    await new Promise((resolve) => setTimeout(resolve, 4100));
    const late = await drp('/v1/data-rights-request', { method: 'POST', body: messages.exercise(envelope(), 'access', claims, { 'agent-request-id': 'e2e-replay' }) });
    expect([late.status, ((await late.json()) as { fatal?: boolean }).fatal]).toEqual([409, true]);
  }, 60_000);
});
