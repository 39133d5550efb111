import type { LightMyRequestResponse } from 'fastify';
import { DataSource } from 'typeorm';
import { DrpAgentClient } from '@rightsdesk/testing';
import { startApi, type ApiHarness } from './api-harness';
import { anOfficer, signIn, type ConsoleSession } from './console-harness';

const BUSINESS_ID = 'cb-rightsdesk-test';
const BASE = '/privacy/drp';

let sequence = 0;
function newAgentId(): string {
  sequence += 1;
  return `aa-test-${sequence}`;
}

describe('Data Rights Protocol 1.0: agent registry and pair-wise key setup', () => {
  let h: ApiHarness;
  let admin: ConsoleSession;

  beforeAll(async () => {
    h = await startApi({ DRP_BUSINESS_ID: BUSINESS_ID, DRP_BASE_PATH: BASE });
    admin = await signIn(h, await anOfficer(h, 'admin'));
  });

  afterAll(async () => {
    await h.close();
  });

  async function registered(agent = new DrpAgentClient(newAgentId())): Promise<DrpAgentClient> {
    const response = await admin.post('/api/v1/console/drp-agents', { id: agent.agentId, name: `Agent ${agent.agentId}`, verifyKey: agent.verifyKey, technicalContact: 'drp@agent.example' });
    expect(response.statusCode).toBe(201);
    return agent;
  }

  function pair(agentId: string, body: string, contentType: string | null = 'text/plain'): Promise<LightMyRequestResponse> {
    return h.app.inject({ method: 'POST', url: `${BASE}/v1/agent/${agentId}`, payload: body, headers: contentType === null ? {} : { 'content-type': contentType } });
  }

  function agentInformation(agentId: string, token?: string): Promise<LightMyRequestResponse> {
    return h.app.inject({ method: 'GET', url: `${BASE}/v1/agent/${agentId}`, headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });
  }

  function expectEmpty403(response: LightMyRequestResponse): void {
    expect([response.statusCode, response.body]).toEqual([403, '']);
  }

  it('pairs an agent whose message is signed with its registered key, and GET /v1/agent/{id} accepts the token', async () => {
    const agent = await registered();
    const response = await pair(agent.agentId, agent.pairingBody(BUSINESS_ID, h.clock.now()));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers['cache-control']).toBe('no-store');
    const body = response.json<Record<string, string>>();
    expect(Object.keys(body).sort()).toEqual(['agent-id', 'token']);
    expect(body['agent-id']).toBe(agent.agentId);
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const info = await agentInformation(agent.agentId, body.token);
    expect([info.statusCode, info.json()]).toEqual([200, {}]);

    const [event] = await h.app.get(DataSource).query<Array<{ actor_type: string; actor_id: string; data: Record<string, unknown> }>>(
      `SELECT actor_type, actor_id, data FROM audit_event WHERE action = 'drp_agent_paired' AND actor_id = $1`,
      [agent.agentId],
    );
    expect(event).toMatchObject({ actor_type: 'agent', data: { agentId: agent.agentId, drpVersion: '1.0' } });
    expect(JSON.stringify(event)).not.toContain(body.token);
  });

  it('stores the token only as a keyed hash', async () => {
    const agent = await registered();
    const { token } = (await pair(agent.agentId, agent.pairingBody(BUSINESS_ID, h.clock.now()))).json<{ token: string }>();
    const rows = await h.app.get(DataSource).query<Array<{ token_hash: Buffer; row: string }>>(`SELECT token_hash, t::text AS row FROM drp_agent_token t WHERE agent_id = $1`, [agent.agentId]);
    expect(rows).toHaveLength(1);
    expect(rows[0].token_hash).toHaveLength(32);
    expect(rows[0].row).not.toContain(token);
    expect(rows[0].token_hash.equals(Buffer.from(token, 'base64url'))).toBe(false);
  });

  it('reads the body whatever the Content-Type: none, text/plain with a charset, or mislabelled', async () => {
    const agent = await registered();
    for (const contentType of [null, 'text/plain; charset=utf-8', 'application/json', 'application/octet-stream']) {
      // A new message each time: the same signed bytes pair only once.
      h.clock.advance(1000);
      const response = await pair(agent.agentId, agent.pairingBody(BUSINESS_ID, h.clock.now()), contentType);
      expect([contentType, response.statusCode]).toEqual([contentType, 200]);
    }
  });

  it('accepts the Permission Slip profile (drp.version 1.0.PS)', async () => {
    const agent = await registered();
    expect((await pair(agent.agentId, agent.pairingBody(BUSINESS_ID, h.clock.now(), { 'drp.version': '1.0.PS' }))).statusCode).toBe(200);
  });

  it('answers every refused pairing with 403 and an empty body', async () => {
    const agent = await registered();
    const now = h.clock.now();
    const other = new DrpAgentClient(agent.agentId);
    const tampered = Buffer.from(agent.pairingBody(BUSINESS_ID, now), 'base64');
    tampered[tampered.length - 5] ^= 1;
    const refusals: Array<[string, string, string]> = [
      ['signed with another key', agent.agentId, other.pairingBody(BUSINESS_ID, now)],
      ['tampered body', agent.agentId, tampered.toString('base64')],
      ['wrong business-id', agent.agentId, agent.pairingBody('cb-someone-else', now)],
      ['issued-at in the future', agent.agentId, agent.pairingBody(BUSINESS_ID, now, { 'issued-at': new Date(now.getTime() + 5 * 60_000).toISOString() })],
      ['expired', agent.agentId, agent.pairingBody(BUSINESS_ID, now, { 'expires-at': new Date(now.getTime() - 1000).toISOString() })],
      ['agent-id in the message is not the URL’s', agent.agentId, agent.pairingBody(BUSINESS_ID, now, { 'agent-id': 'aa-someone-else' })],
      ['unknown agent', 'aa-never-registered', new DrpAgentClient('aa-never-registered').pairingBody(BUSINESS_ID, now)],
      ['garbage base64', agent.agentId, '%%% not base64 %%%'],
      ['signed text that is not JSON', agent.agentId, agent.signText('agent-id=aa;business-id=cb')],
      ['unsupported drp.version', agent.agentId, agent.pairingBody(BUSINESS_ID, now, { 'drp.version': '0.9.4' })],
      ['empty body', agent.agentId, ''],
    ];
    for (const [why, agentId, body] of refusals) {
      const response = await pair(agentId, body);
      expect([why, response.statusCode, response.body]).toEqual([why, 403, '']);
    }
    // The same agent's proper message still pairs: the refusals were about the messages.
    expect((await pair(agent.agentId, agent.pairingBody(BUSINESS_ID, now))).statusCode).toBe(200);
  });

  it('pairs a signed message once: a captured body mints no second token', async () => {
    const agent = await registered();
    const body = agent.pairingBody(BUSINESS_ID, h.clock.now());
    expect((await pair(agent.agentId, body)).statusCode).toBe(200);
    expectEmpty403(await pair(agent.agentId, body));
    const [row] = await h.app.get(DataSource).query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM drp_agent_token WHERE agent_id = $1`, [agent.agentId]);
    expect(row.n).toBe(1);
  });

  it('refuses a message valid for more than 30 minutes: it would be a long-lived credential', async () => {
    const agent = await registered();
    const now = h.clock.now();
    const long = agent.pairingBody(BUSINESS_ID, now, { 'issued-at': new Date(now.getTime() - 1000).toISOString(), 'expires-at': new Date(now.getTime() + 30 * 60_000).toISOString() });
    expectEmpty403(await pair(agent.agentId, long));
    const justUnder = agent.pairingBody(BUSINESS_ID, now, { 'issued-at': new Date(now.getTime() - 1000).toISOString(), 'expires-at': new Date(now.getTime() + 29 * 60_000).toISOString() });
    expect((await pair(agent.agentId, justUnder)).statusCode).toBe(200);
  });

  it('follows the clock: a message pairs only between its issued-at and expires-at', async () => {
    const agent = await registered();
    const body = agent.pairingBody(BUSINESS_ID, h.clock.now(), { 'issued-at': new Date(h.clock.now().getTime() + 60_000).toISOString() });
    expectEmpty403(await pair(agent.agentId, body));
    h.clock.advance(2 * 60_000);
    expect((await pair(agent.agentId, body)).statusCode).toBe(200);
    h.clock.advance(20 * 60_000);
    expectEmpty403(await pair(agent.agentId, body));
  });

  it("refuses another agent's token with 403, and no or an unknown token with 401, in DRP's error shape", async () => {
    const first = await registered();
    const second = await registered();
    const { token } = (await pair(first.agentId, first.pairingBody(BUSINESS_ID, h.clock.now()))).json<{ token: string }>();
    const wrongAgent = await agentInformation(second.agentId, token);
    expect([wrongAgent.statusCode, wrongAgent.json()]).toEqual([403, { code: '403', message: expect.any(String) }]);
    const noToken = await agentInformation(first.agentId);
    expect([noToken.statusCode, noToken.json()]).toEqual([401, { code: '401', message: expect.any(String) }]);
    expect(noToken.headers['www-authenticate']).toBe('Bearer');
    const unknown = await agentInformation(first.agentId, `${token.slice(0, -2)}xx`);
    expect([unknown.statusCode, unknown.json<{ code: string }>().code]).toEqual([401, '401']);
  });

  it('disabling an agent stops its tokens and its pairing, once, audited', async () => {
    const agent = await registered();
    const { token } = (await pair(agent.agentId, agent.pairingBody(BUSINESS_ID, h.clock.now()))).json<{ token: string }>();
    expect((await agentInformation(agent.agentId, token)).statusCode).toBe(200);

    const disabled = await admin.post(`/api/v1/console/drp-agents/${agent.agentId}/disable`);
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json<{ agent: { disabledAt: string | null } }>().agent.disabledAt).not.toBeNull();
    expect((await admin.post(`/api/v1/console/drp-agents/${agent.agentId}/disable`)).statusCode).toBe(200);

    expect((await agentInformation(agent.agentId, token)).statusCode).toBe(401);
    expectEmpty403(await pair(agent.agentId, agent.pairingBody(BUSINESS_ID, h.clock.now())));
    const events = await h.app.get(DataSource).query<unknown[]>(`SELECT 1 FROM audit_event WHERE action = 'drp_agent_disabled' AND data->>'agentId' = $1`, [agent.agentId]);
    expect(events).toHaveLength(1);
  });

  it('lives under DRP_BASE_PATH only', async () => {
    const agent = await registered();
    const elsewhere = await h.app.inject({ method: 'POST', url: `/drp/v1/agent/${agent.agentId}`, payload: agent.pairingBody(BUSINESS_ID, h.clock.now()), headers: { 'content-type': 'text/plain' } });
    expect(elsewhere.statusCode).toBe(404);
  });

  describe('the admin API', () => {
    it('lists registered agents with their keys, and audits registration without secrets', async () => {
      const agent = await registered();
      const list = await admin.get('/api/v1/console/drp-agents');
      expect(list.statusCode).toBe(200);
      expect(list.json<{ agents: unknown[] }>().agents).toContainEqual({
        id: agent.agentId,
        name: `Agent ${agent.agentId}`,
        verifyKey: agent.verifyKey,
        technicalContact: 'drp@agent.example',
        createdAt: expect.any(String),
        disabledAt: null,
      });
      const events = await h.app.get(DataSource).query<Array<{ data: unknown }>>(`SELECT data FROM audit_event WHERE action = 'drp_agent_registered' AND data->>'agentId' = $1`, [agent.agentId]);
      expect(events.map((e) => e.data)).toEqual([{ agentId: agent.agentId }]);
    });

    it('refuses a bad verify key, agent-id or missing field with field-level 422, and a second agent with the same id with 409', async () => {
      const agent = new DrpAgentClient(newAgentId());
      const base = { id: agent.agentId, name: 'Agent', verifyKey: agent.verifyKey, technicalContact: 'drp@agent.example' };
      const curveless = Buffer.alloc(32);
      curveless[0] = 2;
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ ...base, verifyKey: Buffer.alloc(31, 1).toString('base64') }, 'verifyKey'],
        [{ ...base, verifyKey: curveless.toString('base64') }, 'verifyKey'],
        [{ ...base, verifyKey: 'not a key' }, 'verifyKey'],
        [{ ...base, id: 'has spaces in it' }, 'id'],
        [{ ...base, id: 'x'.repeat(101) }, 'id'],
        [{ ...base, name: '' }, 'name'],
        [{ id: base.id, name: base.name, verifyKey: base.verifyKey }, 'technicalContact'],
      ];
      for (const [payload, field] of cases) {
        const response = await admin.post('/api/v1/console/drp-agents', payload);
        expect([field, response.statusCode]).toEqual([field, 422]);
        expect(response.json<{ fieldErrors: Array<{ path: string }> }>().fieldErrors.map((e) => e.path)).toContain(field);
      }
      expect((await admin.post('/api/v1/console/drp-agents', base)).statusCode).toBe(201);
      expect((await admin.post('/api/v1/console/drp-agents', { ...base, name: 'Impostor' })).statusCode).toBe(409);
      expect((await admin.post('/api/v1/console/drp-agents/aa-no-such-agent/disable')).statusCode).toBe(404);
    });

    it('is for admins only', async () => {
      const officer = await signIn(h, await anOfficer(h, 'officer'));
      const agent = new DrpAgentClient(newAgentId());
      expect((await officer.get('/api/v1/console/drp-agents')).statusCode).toBe(403);
      expect((await officer.post('/api/v1/console/drp-agents', { id: agent.agentId, name: 'A', verifyKey: agent.verifyKey, technicalContact: 'x@y.z' })).statusCode).toBe(403);
      expect((await h.app.inject({ method: 'GET', url: '/api/v1/console/drp-agents' })).statusCode).toBe(401);
    });
  });
});

describe('Data Rights Protocol off (no DRP_BUSINESS_ID)', () => {
  let h: ApiHarness;

  beforeAll(async () => {
    h = await startApi();
  });

  afterAll(async () => {
    await h.close();
  });

  it('answers the DRP endpoints with 404, even for a registered agent', async () => {
    const agent = new DrpAgentClient('aa-while-off');
    const admin = await signIn(h, await anOfficer(h, 'admin'));
    expect((await admin.post('/api/v1/console/drp-agents', { id: agent.agentId, name: 'A', verifyKey: agent.verifyKey, technicalContact: 'x@y.z' })).statusCode).toBe(201);
    const pairing = await h.app.inject({ method: 'POST', url: `/drp/v1/agent/${agent.agentId}`, payload: agent.pairingBody('anything', h.clock.now()), headers: { 'content-type': 'text/plain' } });
    expect([pairing.statusCode, pairing.json()]).toEqual([404, { code: '404', message: expect.any(String) }]);
    const info = await h.app.inject({ method: 'GET', url: `/drp/v1/agent/${agent.agentId}`, headers: { authorization: 'Bearer abcdefghijklmnopqrstuvwxyz' } });
    expect(info.statusCode).toBe(404);
  });
});
