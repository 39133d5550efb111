import type { LightMyRequestResponse } from 'fastify';
import { DataSource } from 'typeorm';
import { DrpAgentClient, DrpCallbackReceiver, type DrpClaims, DrpExerciseMessages, type DrpStatus } from '@rightsdesk/testing';
import { DrpCallbacks, FieldCipher } from '@rightsdesk/workflow';
import { startApi, type ApiHarness } from './api-harness';
import { anOfficer, signIn, type ConsoleSession } from './console-harness';

const BUSINESS_ID = 'cb-rightsdesk-drp-requests';
const BASE = '/drp';
const EXERCISE = `${BASE}/v1/data-rights-request`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface PairedAgent {
  client: DrpAgentClient;
  messages: DrpExerciseMessages;
  token: string;
}

let sequence = 0;

describe('Data Rights Protocol 1.0: exercise, status and revoke', () => {
  let h: ApiHarness;
  let admin: ConsoleSession;
  let officer: ConsoleSession;
  let db: DataSource;

  beforeAll(async () => {
    // The agent's callback endpoint in these tests is on loopback.
    h = await startApi({ DRP_BUSINESS_ID: BUSINESS_ID, DRP_BASE_PATH: BASE, DRP_CALLBACK_ALLOW_PRIVATE_NETWORK: 'true' });
    db = h.app.get(DataSource);
    admin = await signIn(h, await anOfficer(h, 'admin'));
    officer = await signIn(h, await anOfficer(h, 'officer'));
  });

  afterAll(async () => {
    await h.close();
  });

  async function pairedAgent(): Promise<PairedAgent> {
    sequence += 1;
    const client = new DrpAgentClient(`aa-requests-${sequence}`);
    const registered = await admin.post('/api/v1/console/drp-agents', { id: client.agentId, name: `Agent ${sequence}`, verifyKey: client.verifyKey, technicalContact: 'drp@agent.example' });
    expect(registered.statusCode).toBe(201);
    const paired = await h.app.inject({ method: 'POST', url: `${BASE}/v1/agent/${client.agentId}`, payload: client.pairingBody(BUSINESS_ID, h.clock.now()), headers: { 'content-type': 'text/plain' } });
    expect(paired.statusCode).toBe(200);
    return { client, messages: new DrpExerciseMessages(client), token: paired.json<{ token: string }>().token };
  }

  const envelope = (overrides: { validForMs?: number } = {}) => ({ businessId: BUSINESS_ID, now: h.clock.now(), ...overrides });
  const email = (name: string) => `${name}-${Date.now()}-${sequence}@example.com`;

  function send(token: string | null, body: string, url = EXERCISE, method: 'POST' | 'DELETE' = 'POST', contentType: string | null = 'text/plain'): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = {};
    if (token !== null) {
      headers.authorization = `Bearer ${token}`;
    }
    if (contentType !== null) {
      headers['content-type'] = contentType;
    }
    return h.app.inject({ method, url, payload: body, headers });
  }

  function status(token: string, requestId: string): Promise<LightMyRequestResponse> {
    return h.app.inject({ method: 'GET', url: `${EXERCISE}/${requestId}`, headers: { authorization: `Bearer ${token}` } });
  }

  async function exercise(agent: PairedAgent, name: string, claims: DrpClaims, extra: Record<string, unknown> = {}): Promise<DrpStatus> {
    const response = await send(agent.token, agent.messages.exercise(envelope(), name, claims, extra));
    expect([response.statusCode, response.body]).toEqual([200, expect.any(String)]);
    return response.json<DrpStatus>();
  }

  async function requestOf(drpRequestId: string) {
    const [row] = await db.query<Array<{ id: string; type: string; status: string; channel: string; regime: string; due_on: string }>>(
      `SELECT r.id, r.type, r.status, r.channel, r.regime, r.due_on::text FROM drp_request d JOIN privacy_request r ON r.id = d.request_id WHERE d.id = $1`,
      [drpRequestId],
    );
    return row;
  }

  async function drpRowsOf(agent: PairedAgent): Promise<number> {
    const [row] = await db.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM drp_request WHERE agent_id = $1`, [agent.client.agentId]);
    return row.n;
  }

  it('files a deletion as an erasure on the California clock, waiting for an officer, and answers with the status object', async () => {
    h.clock.set('2026-11-25T10:00:00.000Z');
    const agent = await pairedAgent();
    const subject = email('deletion');
    const answer = await exercise(agent, 'deletion', { name: 'Dana Delete', email: subject, email_verified: true, phone_number: '+14155550100' }, { 'agent-request-id': 'agent-req-1', relationships: ['customer'] });

    expect(answer).toEqual({
      request_id: expect.stringMatching(UUID),
      status: 'in_progress',
      received_at: '2026-11-25T10:00:00+00:00',
      // CCPA: 45 calendar days from receipt.
      expected_by: '2027-01-09T23:59:59+00:00',
      processing_details: 'Received; a privacy officer is reviewing it.',
      agent_request_id: 'agent-req-1',
    });
    expect(await requestOf(answer.request_id)).toMatchObject({ type: 'erasure', status: 'awaiting_review', channel: 'agent', regime: 'ccpa', due_on: '2027-01-09' });

    // The claims are kept as sent, encrypted: the row holds no address in clear.
    const [row] = await db.query<Array<{ row: string }>>(`SELECT d::text AS row FROM drp_request d WHERE id = $1`, [answer.request_id]);
    expect(row.row).not.toContain(subject);
    const [event] = await db.query<Array<{ actor_type: string; actor_id: string; data: Record<string, unknown> }>>(
      `SELECT e.actor_type, e.actor_id, e.data FROM audit_event e JOIN drp_request d ON d.request_id = e.request_id WHERE d.id = $1 AND e.action = 'request_received'`,
      [answer.request_id],
    );
    expect(event).toMatchObject({ actor_type: 'agent', actor_id: agent.client.agentId, data: { channel: 'agent', method: 'drp', exercise: 'deletion', verifiedClaims: ['email'] } });
    expect(JSON.stringify(event.data)).not.toContain(subject);

    // The officer sees who filed it and what the agent vouches for.
    const detail = await officer.get(`/api/v1/console/requests/${(await requestOf(answer.request_id)).id}`);
    expect(detail.json<{ agent: unknown }>().agent).toEqual({
      agentId: agent.client.agentId,
      agentName: expect.stringMatching(/^Agent /),
      drpRequestId: answer.request_id,
      agentRequestId: 'agent-req-1',
      exercise: 'deletion',
      drpVersion: '1.0',
      regime: 'ccpa',
      claims: { name: 'Dana Delete', email: subject, email_verified: true, phone_number: '+14155550100' },
      relationships: ['customer'],
      revokedAt: null,
    });

    // The agent can read it back; the same object.
    const read = await status(agent.token, answer.request_id);
    expect([read.statusCode, read.json()]).toEqual([200, answer]);
    expect(read.headers['cache-control']).toBe('no-store');
  });

  it.each([
    ['deletion', 'erasure', null],
    ['access', 'access', null],
    ['access:categories', 'access', null],
    ['access_categories', 'access', null],
    ['access:specific', 'access', null],
    ['access_specific', 'access', null],
    ['sale:opt-out', 'opt_out', ['sale_sharing']],
    ['sale_opt_out', 'opt_out', ['sale_sharing']],
    ['sale_opt-out', 'opt_out', ['sale_sharing']],
  ])('maps the exercise %s onto a %s request', async (name, type, channels) => {
    const agent = await pairedAgent();
    const answer = await exercise(agent, name, { email: email('map'), email_verified: true });
    const request = await requestOf(answer.request_id);
    expect(request.type).toBe(type);
    const [row] = await db.query<Array<{ personal_data: Buffer }>>(`SELECT personal_data FROM privacy_request WHERE id = $1`, [request.id]);
    const subject = h.app.get(FieldCipher).decryptJson<{ details: { channels?: string[]; note?: string } | null }>(row.personal_data);
    if (channels) {
      expect(subject.details).toEqual({ channels });
    } else {
      // Noted in the canonical spelling, whichever the agent used.
      expect(subject.details?.note).toContain(`DRP "${name.replace('_', ':')}"`);
    }
  });

  it('answers sale:opt-in as denied (claim_not_covered): re-consent needs the consumer’s own two steps', async () => {
    const agent = await pairedAgent();
    for (const spelling of ['sale:opt-in', 'sale_opt_in']) {
      const answer = await exercise(agent, spelling, { email: email('optin') });
      expect(answer).toMatchObject({ status: 'denied', reason: 'claim_not_covered', processing_details: expect.stringContaining('§7028') });
      expect(await requestOf(answer.request_id)).toBeUndefined();
    }
  });

  it('accepts the trailing slash of versions before 0.9.3, and a body with no or a wrong Content-Type', async () => {
    const agent = await pairedAgent();
    for (const [url, contentType] of [[`${EXERCISE}/`, 'text/plain'], [EXERCISE, null], [EXERCISE, 'application/json']] as const) {
      const response = await send(agent.token, agent.messages.exercise(envelope(), 'access', { email: email('slash') }), url, 'POST', contentType);
      expect([url, contentType, response.statusCode]).toEqual([url, contentType, 200]);
    }
  });

  it('refuses each message the spec says to refuse, in DRP’s error shape, and files nothing', async () => {
    const agent = await pairedAgent();
    const other = await pairedAgent();
    const now = h.clock.now();
    const claims = { email: email('refused') };
    const signedBy = new DrpExerciseMessages(new DrpAgentClient(agent.client.agentId));
    // Each case names words its message must hold, so a refusal for the wrong reason fails.
    const cases: Array<[string, string | null, string, number, RegExp, boolean?]> = [
      ['no bearer token', null, agent.messages.exercise(envelope(), 'access', claims), 401, /bearer token/],
      ['unknown bearer token', 'x'.repeat(43), agent.messages.exercise(envelope(), 'access', claims), 401, /bearer token/],
      ['signed with another key', agent.token, signedBy.exercise(envelope(), 'access', claims), 403, /signature/],
      ['wrong business-id', agent.token, agent.messages.exercise({ businessId: 'cb-someone-else', now }, 'access', claims), 403, /business-id/],
      // The token's agent signs with its own key but names another agent (§3.07: reuse across agents).
      ['agent-id of another agent, signed by the token’s agent', agent.token, agent.messages.exercise(envelope(), 'access', claims, { 'agent-id': other.client.agentId }), 403, /agent-id/],
      ['token of another agent', other.token, agent.messages.exercise(envelope(), 'access', claims), 403, /signature/],
      ['issued-at in the future', agent.token, agent.messages.exercise(envelope(), 'access', claims, { 'issued-at': new Date(now.getTime() + 60_000).toISOString() }), 400, /issued-at/],
      ['expired', agent.token, agent.messages.exercise(envelope(), 'access', claims, { 'expires-at': new Date(now.getTime() - 1_000).toISOString() }), 400, /expired/, true],
      ['valid for more than 30 minutes', agent.token, agent.messages.exercise(envelope({ validForMs: 31 * 60_000 }), 'access', claims), 400, /30 minutes/, true],
      ['unsupported exercise', agent.token, agent.messages.exercise(envelope(), 'rectification', claims), 400, /Unsupported rights action/],
      ['a regime v1.0 does not encode', agent.token, agent.messages.exercise(envelope(), 'access', claims, { regime: 'gdpr' }), 400, /regime/],
      ['no email claim', agent.token, agent.messages.exercise(envelope(), 'access', { name: 'No Email' }), 400, /email claim/],
      ['malformed email claim', agent.token, agent.messages.exercise(envelope(), 'access', { email: 'not-an-address' }), 400, /email/],
      ['status_callback not a web URL', agent.token, agent.messages.exercise(envelope(), 'access', claims, { status_callback: 'ftp://agent.example/cb' }), 400, /status_callback/],
      ['not base64', agent.token, '%%% not base64 %%%', 400, /base64/],
      ['unsupported drp.version', agent.token, agent.messages.exercise(envelope(), 'access', claims, { 'drp.version': '0.9' }), 400, /drp.version/],
    ];
    for (const [why, token, body, code, words, fatal] of cases) {
      const response = await send(token, body);
      expect([why, response.statusCode]).toEqual([why, code]);
      const error = response.json<{ code: string; message: string; fatal?: boolean }>();
      expect([why, error.code, error.message, error.fatal]).toEqual([why, String(code), expect.stringMatching(words), fatal]);
    }
    expect(await drpRowsOf(agent)).toBe(0);
    expect(await drpRowsOf(other)).toBe(0);
  });

  it('answers a replay with the same request while the first message is valid, and with a fatal error after', async () => {
    const agent = await pairedAgent();
    const claims = { email: email('replay') };
    const body = agent.messages.exercise(envelope({ validForMs: 5 * 60_000 }), 'deletion', claims, { 'agent-request-id': 'replay-1' });
    const [first, second] = await Promise.all([send(agent.token, body), send(agent.token, body)]);
    expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
    expect(second.json<DrpStatus>().request_id).toBe(first.json<DrpStatus>().request_id);
    // A different message with the same agent-request-id is the same request too.
    const again = await send(agent.token, agent.messages.exercise(envelope(), 'deletion', claims, { 'agent-request-id': 'replay-1' }));
    expect(again.json<DrpStatus>().request_id).toBe(first.json<DrpStatus>().request_id);
    expect(await drpRowsOf(agent)).toBe(1);

    h.clock.advance(6 * 60_000);
    const late = await send(agent.token, agent.messages.exercise(envelope(), 'deletion', claims, { 'agent-request-id': 'replay-1' }));
    expect([late.statusCode, late.json()]).toEqual([409, { code: '409', message: expect.stringContaining('expired'), fatal: true }]);
    const resent = await send(agent.token, body);
    expect([resent.statusCode, resent.json<{ fatal?: boolean }>().fatal]).toEqual([400, true]);
    expect(await drpRowsOf(agent)).toBe(1);
  });

  it('shows a request only to the agent that made it, and follows the officers’ decisions', async () => {
    const agent = await pairedAgent();
    const other = await pairedAgent();
    const answer = await exercise(agent, 'access', { email: email('decisions') });
    expect((await status(other.token, answer.request_id)).statusCode).toBe(403);
    expect((await status(agent.token, '7f4ee4a5-4e1c-4c3a-9a52-1f7c5c8a9b0e')).statusCode).toBe(404);
    expect((await status(agent.token, 'not-an-id')).statusCode).toBe(404);

    const { id } = await requestOf(answer.request_id);
    const extended = await officer.post(`/api/v1/console/requests/${id}/extend`, { reason: 'Many systems to search for this consumer.' });
    expect(extended.statusCode).toBe(200);
    const afterExtension = (await status(agent.token, answer.request_id)).json<DrpStatus>();
    expect(afterExtension).toMatchObject({ status: 'in_progress', expected_by: '2027-02-23T23:59:59+00:00', processing_details: expect.stringContaining('extended') });

    const denied = await officer.post(`/api/v1/console/requests/${id}/deny`, { reason: 'legal_obligation', message: 'We must keep the invoices for ten years.' });
    expect(denied.statusCode).toBe(200);
    const final = (await status(agent.token, answer.request_id)).json<DrpStatus>();
    expect(final).toMatchObject({ status: 'denied', reason: 'claim_not_covered', expires_at: expect.stringMatching(/\+00:00$/) });
    // The officer's own words may hold personal data; the agent gets the reason, not the message.
    expect(JSON.stringify(final)).not.toContain('invoices');
  });

  it('revokes a request not yet carried out, once, for the agent that made it only', async () => {
    const agent = await pairedAgent();
    const other = await pairedAgent();
    const answer = await exercise(agent, 'deletion', { email: email('revoke') });
    const url = `${EXERCISE}/${answer.request_id}`;

    const stranger = await send(other.token, other.messages.revoke(envelope(), 'not mine'), url, 'DELETE');
    expect(stranger.statusCode).toBe(403);
    const unsigned = await send(agent.token, new DrpExerciseMessages(new DrpAgentClient(agent.client.agentId)).revoke(envelope()), url, 'DELETE');
    expect(unsigned.statusCode).toBe(403);

    // Agents send DELETE bodies without a Content-Type.
    const revoked = await send(agent.token, agent.messages.revoke(envelope(), "I don't want my account deleted"), url, 'DELETE', null);
    expect([revoked.statusCode, revoked.json<DrpStatus>().status]).toEqual([200, 'revoked']);
    const { id, status: requestStatus } = await requestOf(answer.request_id);
    expect(requestStatus).toBe('cancelled');
    const actions = await db.query<Array<{ action: string; actor_type: string }>>(`SELECT action, actor_type FROM audit_event WHERE request_id = $1 ORDER BY id`, [id]);
    expect(actions).toContainEqual({ action: 'request_revoked_by_agent', actor_type: 'agent' });

    const again = await send(agent.token, agent.messages.revoke(envelope()), url, 'DELETE');
    expect([again.statusCode, again.json<DrpStatus>().status]).toEqual([200, 'revoked']);
    expect((await status(agent.token, answer.request_id)).json<DrpStatus>().status).toBe('revoked');
  });

  it('refuses to revoke a request that is being carried out', async () => {
    const agent = await pairedAgent();
    const answer = await exercise(agent, 'access', { email: email('late-revoke') });
    const { id } = await requestOf(answer.request_id);
    await db.query(`UPDATE privacy_request SET status = 'in_progress' WHERE id = $1`, [id]);
    const response = await send(agent.token, agent.messages.revoke(envelope()), `${EXERCISE}/${answer.request_id}`, 'DELETE');
    expect([response.statusCode, response.json<{ code: string }>().code]).toEqual([409, '409']);
    expect((await requestOf(answer.request_id)).status).toBe('in_progress');
  });

  it('speaks the Permission Slip profile: agent-request-id required, cb_request_id returned, found by the agent’s id, no revoke', async () => {
    const agent = await pairedAgent();
    const ps = { 'drp.version': '1.0.PS' };
    const missing = await send(agent.token, agent.messages.exercise(envelope(), 'deletion', { email: email('ps') }, ps));
    expect(missing.statusCode).toBe(400);

    const answer = await exercise(agent, 'deletion', { email: email('ps') }, { ...ps, 'agent-request-id': 'ps-42', status_callback: 'https://agent.example/cb' });
    expect(answer).toMatchObject({ request_id: expect.stringMatching(UUID), cb_request_id: answer.request_id, agent_request_id: 'ps-42', status: 'in_progress' });
    expect((await status(agent.token, 'ps-42')).json<DrpStatus>().request_id).toBe(answer.request_id);
    const [row] = await db.query<Array<{ status_callback: string | null }>>(`SELECT status_callback FROM drp_request WHERE id = $1`, [answer.request_id]);
    expect(row.status_callback).toBeNull();
    const revoke = await send(agent.token, agent.messages.revoke(envelope(), undefined, ps), `${EXERCISE}/${answer.request_id}`, 'DELETE');
    expect(revoke.statusCode).toBe(400);
  });

  it('posts the status to the agent’s callback on every change, retrying failures, and stops after the final state', async () => {
    const receiver = await DrpCallbackReceiver.start();
    try {
      const agent = await pairedAgent();
      const callbacks = h.app.get(DrpCallbacks);
      const answer = await exercise(agent, 'access', { email: email('callback') }, { status_callback: receiver.url });
      await callbacks.sweep();
      expect(receiver.statusesOf(answer.request_id)).toEqual(['in_progress']);
      // Nothing changed: nothing sent.
      await callbacks.sweep();
      expect(receiver.statusesOf(answer.request_id)).toEqual(['in_progress']);

      const { id } = await requestOf(answer.request_id);
      expect((await officer.post(`/api/v1/console/requests/${id}/deny`, { reason: 'excessive', message: 'Fourth request this month.' })).statusCode).toBe(200);
      receiver.failNext(1);
      expect(await callbacks.sweep()).toMatchObject({ failed: 1 });
      // Retried with back-off, not at once.
      await callbacks.sweep();
      expect(receiver.statusesOf(answer.request_id)).toEqual(['in_progress']);
      h.clock.advance(31_000);
      expect(await callbacks.sweep()).toMatchObject({ sent: 1 });
      expect(receiver.received.at(-1)).toMatchObject({ request_id: answer.request_id, status: 'denied', reason: 'too_many_requests' });

      h.clock.advance(60 * 60_000);
      await callbacks.sweep();
      expect(receiver.statusesOf(answer.request_id)).toEqual(['in_progress', 'denied']);
      const [row] = await db.query<Array<{ callback_settled: boolean }>>(`SELECT callback_settled FROM drp_request WHERE id = $1`, [answer.request_id]);
      expect(row.callback_settled).toBe(true);
    } finally {
      await receiver.stop();
    }
  });
});
