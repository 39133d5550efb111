import { createHash, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { startApi, type ApiHarness } from './api-harness';
import { anOfficer, type ConsoleSession, signIn, type TestOfficer } from './console-harness';

interface OfficerBody {
  id: string;
  email: string;
  displayName: string;
  role: string;
  locked: boolean;
  disabled: boolean;
}

interface FieldErrorBody {
  code: string;
  fieldErrors?: Array<{ path: string; code: string }>;
}

const OFFICERS = '/api/v1/console/officers';
const API_KEYS = '/api/v1/console/api-keys';
const SETTINGS = '/api/v1/console/settings';

/** Every route only admins may call, with a body that would pass validation. */
function adminRoutes(someId: string): Array<[method: 'get' | 'post' | 'patch' | 'put', url: string, body?: unknown]> {
  return [
    ['get', OFFICERS],
    ['post', OFFICERS, { email: `x-${randomUUID()}@privacy.example`, displayName: 'X', role: 'officer' }],
    ['patch', `${OFFICERS}/${someId}`, { displayName: 'Renamed' }],
    ['post', `${OFFICERS}/${someId}/password-reset`],
    ['post', `${OFFICERS}/${someId}/unlock`],
    ['get', API_KEYS],
    ['post', API_KEYS, { name: 'mailer', scopes: ['suppressions:read'] }],
    ['post', `${API_KEYS}/${randomUUID()}/revoke`],
    ['get', SETTINGS],
    ['put', SETTINGS, { autoApprove: ['opt_out'], fourEyes: ['erasure'] }],
  ];
}

function signInCall(h: ApiHarness, email: string, password: string) {
  return h.app.inject({ method: 'POST', url: '/api/v1/console/session', payload: { email, password } });
}

async function auditEvents(h: ApiHarness, action: string): Promise<Array<{ actor_type: string; actor_id: string; data: Record<string, unknown> }>> {
  return h.app.get(DataSource).query(`SELECT actor_type, actor_id, data FROM audit_event WHERE action = $1 ORDER BY id`, [action]);
}

function fieldPaths(body: FieldErrorBody): string[] {
  return (body.fieldErrors ?? []).map((e) => e.path);
}

describe('console administration: officers, API keys, settings', () => {
  let h: ApiHarness;
  let adminOfficer: TestOfficer;
  let admin: ConsoleSession;

  beforeAll(async () => {
    h = await startApi();
    adminOfficer = await anOfficer(h, 'admin', { displayName: 'Ada Admin' });
    admin = await signIn(h, adminOfficer);
  });

  afterAll(async () => {
    await h.close();
  });

  beforeEach(() => {
    h.clock.set('2026-11-25T10:00:00.000Z');
  });

  describe('who may', () => {
    it.each(['officer', 'auditor'] as const)('refuses an %s every admin route with 403, changing nothing', async (role) => {
      const target = await anOfficer(h, 'officer', { displayName: 'Untouched' });
      const session = await signIn(h, await anOfficer(h, role));
      const before = (await admin.get(OFFICERS)).json<{ officers: OfficerBody[] }>().officers.length;
      for (const [method, url, body] of adminRoutes(target.id)) {
        const response = await session[method](url, body);
        expect([method, url, response.statusCode, response.json<{ code: string }>().code]).toEqual([method, url, 403, 'forbidden']);
      }
      const after = (await admin.get(OFFICERS)).json<{ officers: OfficerBody[] }>();
      expect(after.officers).toHaveLength(before);
      expect(after.officers.find((o) => o.id === target.id)?.displayName).toBe('Untouched');
      expect((await admin.get(SETTINGS)).json()).toEqual({ autoApprove: [], fourEyes: ['erasure', 'child_data_removal'] });
    });

    it('refuses callers without a session (401) and admin changes without the CSRF token (403)', async () => {
      const target = await anOfficer(h, 'officer');
      for (const [method, url, body] of adminRoutes(target.id)) {
        const response = await h.app.inject({ method: method.toUpperCase() as 'GET', url, ...(body === undefined ? {} : { payload: body as object }) });
        expect([url, response.statusCode]).toEqual([url, 401]);
      }
      const noCsrf = await h.app.inject({ method: 'PATCH', url: `${OFFICERS}/${target.id}`, headers: { cookie: admin.cookie }, payload: { displayName: 'Sneaky' } });
      expect(noCsrf.statusCode).toBe(403);
      expect(noCsrf.json<{ code: string }>().code).toBe('csrf_invalid');
    });

    it('lists assignees to every role: active admins and officers only, names and roles only', async () => {
      const worker = await anOfficer(h, 'officer', { displayName: 'Bob Officer' });
      const auditor = await anOfficer(h, 'auditor', { displayName: 'Carl Auditor' });
      const leaver = await anOfficer(h, 'officer', { displayName: 'Dora Leaver' });
      expect((await admin.patch(`${OFFICERS}/${leaver.id}`, { disabled: true })).statusCode).toBe(200);

      for (const session of [admin, await signIn(h, worker), await signIn(h, auditor)]) {
        const response = await session.get('/api/v1/console/assignees');
        expect(response.statusCode).toBe(200);
        const { assignees } = response.json<{ assignees: Array<Record<string, unknown>> }>();
        expect(assignees).toContainEqual({ id: adminOfficer.id, displayName: 'Ada Admin', role: 'admin' });
        expect(assignees).toContainEqual({ id: worker.id, displayName: 'Bob Officer', role: 'officer' });
        expect(assignees.map((a) => a.id)).not.toContain(auditor.id);
        expect(assignees.map((a) => a.id)).not.toContain(leaver.id);
        expect(assignees.every((a) => Object.keys(a).sort().join() === 'displayName,id,role')).toBe(true);
      }
      expect((await h.app.inject({ method: 'GET', url: '/api/v1/console/assignees' })).statusCode).toBe(401);
    });
  });

  describe('officers', () => {
    it('creates an officer with a generated password shown once, which signs in', async () => {
      const email = `new-${randomUUID()}@privacy.example`;
      const response = await admin.post(OFFICERS, { email: `  ${email.toUpperCase()} `, displayName: '  Nina New ', role: 'officer' });
      expect(response.statusCode).toBe(201);
      const body = response.json<{ officer: OfficerBody; password: string }>();
      expect(body.officer).toMatchObject({ email, displayName: 'Nina New', role: 'officer', locked: false, disabled: false });
      expect(body.password).toMatch(/^[A-Za-z0-9_-]{20}$/);
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.body).not.toMatch(/argon2|passwordHash/);
      expect((await signInCall(h, email, body.password)).statusCode).toBe(200);

      // Nothing shows it again: the list has no password, the database only its argon2id hash.
      const list = await admin.get(OFFICERS);
      expect(list.body).not.toContain(body.password);
      expect(list.json<{ officers: OfficerBody[] }>().officers.find((o) => o.id === body.officer.id)).toMatchObject({ email, role: 'officer' });
      const [stored] = await h.app.get(DataSource).query(`SELECT password_hash FROM officer WHERE id = $1`, [body.officer.id]);
      expect(stored.password_hash).toMatch(/^\$argon2id\$/);
      const [created] = (await auditEvents(h, 'officer_created')).filter((e) => e.data.officerId === body.officer.id);
      expect(created).toEqual({ actor_type: 'officer', actor_id: adminOfficer.id, data: { officerId: body.officer.id, role: 'officer' } });
    });

    it('creates an officer with a chosen password and returns no password', async () => {
      const email = `chosen-${randomUUID()}@privacy.example`;
      const response = await admin.post(OFFICERS, { email, displayName: 'Chosen', role: 'auditor', password: 'a long chosen passphrase' });
      expect(response.statusCode).toBe(201);
      expect(Object.keys(response.json())).toEqual(['officer']);
      expect((await signInCall(h, email, 'a long chosen passphrase')).statusCode).toBe(200);
    });

    it('validates the new officer (422 with field errors) and refuses a taken email (409)', async () => {
      const cases: Array<[unknown, string]> = [
        [{ displayName: 'X', role: 'officer' }, 'email'],
        [{ email: 'not-an-email', displayName: 'X', role: 'officer' }, 'email'],
        [{ email: 'a@privacy.example', displayName: '   ', role: 'officer' }, 'displayName'],
        [{ email: 'a@privacy.example', displayName: 'X'.repeat(101), role: 'officer' }, 'displayName'],
        [{ email: 'a@privacy.example', displayName: 'X', role: 'superuser' }, 'role'],
        [{ email: 'a@privacy.example', displayName: 'X', role: 'officer', password: 'short' }, 'password'],
        [{ email: 'a@privacy.example', displayName: 'X', role: 'officer', isAdmin: true }, 'isAdmin'],
      ];
      for (const [payload, path] of cases) {
        const response = await admin.post(OFFICERS, payload);
        expect([payload, response.statusCode, response.json<FieldErrorBody>().code]).toEqual([payload, 422, 'validation_failed']);
        expect(fieldPaths(response.json<FieldErrorBody>())).toContain(path);
      }
      const taken = await admin.post(OFFICERS, { email: adminOfficer.email, displayName: 'Twin', role: 'admin' });
      expect(taken.statusCode).toBe(409);
      expect(taken.json<{ code: string }>().code).toBe('conflict');
    });

    it('renames, changes the role of and disables an officer, ending their sessions', async () => {
      const officer = await anOfficer(h, 'officer');
      const session = await signIn(h, officer);
      expect((await session.get('/api/v1/console/session')).statusCode).toBe(200);

      const renamed = await admin.patch(`${OFFICERS}/${officer.id}`, { displayName: 'Renamed Officer' });
      expect(renamed.statusCode).toBe(200);
      expect(renamed.json<{ officer: OfficerBody }>().officer.displayName).toBe('Renamed Officer');
      // A rename keeps the session; a role change ends it.
      expect((await session.get('/api/v1/console/session')).statusCode).toBe(200);
      const promoted = await admin.patch(`${OFFICERS}/${officer.id}`, { role: 'auditor' });
      expect(promoted.json<{ officer: OfficerBody }>().officer.role).toBe('auditor');
      expect((await session.get('/api/v1/console/session')).statusCode).toBe(401);
      const again = await signIn(h, officer);
      expect((await again.get('/api/v1/console/session')).json<{ officer: { role: string } }>().officer.role).toBe('auditor');

      const disabled = await admin.patch(`${OFFICERS}/${officer.id}`, { disabled: true });
      expect(disabled.json<{ officer: OfficerBody }>().officer.disabled).toBe(true);
      expect((await again.get('/api/v1/console/session')).statusCode).toBe(401);
      expect((await signInCall(h, officer.email, officer.password)).statusCode).toBe(401);

      expect((await admin.patch(`${OFFICERS}/${officer.id}`, { disabled: false })).statusCode).toBe(200);
      expect((await signInCall(h, officer.email, officer.password)).statusCode).toBe(200);
      const updates = (await auditEvents(h, 'officer_updated')).filter((e) => e.data.officerId === officer.id);
      expect(updates.map((e) => [e.actor_id, e.data.role, e.data.disabled])).toEqual([
        [adminOfficer.id, null, null],
        [adminOfficer.id, 'auditor', null],
        [adminOfficer.id, null, true],
        [adminOfficer.id, null, false],
      ]);
    });

    it('validates a change (422) and answers 404 for an unknown or malformed id', async () => {
      const officer = await anOfficer(h, 'officer');
      for (const payload of [{}, { role: 'owner' }, { disabled: 'yes' }, { displayName: '' }, { email: 'new@privacy.example' }]) {
        const response = await admin.patch(`${OFFICERS}/${officer.id}`, payload);
        expect([payload, response.statusCode]).toEqual([payload, 422]);
      }
      for (const id of [randomUUID(), 'not-a-uuid', '1', "1' OR '1'='1"]) {
        const url = `${OFFICERS}/${encodeURIComponent(id)}`;
        for (const response of [await admin.patch(url, { displayName: 'X' }), await admin.post(`${url}/password-reset`), await admin.post(`${url}/unlock`)]) {
          expect([id, response.statusCode, response.json<{ code: string }>().code]).toEqual([id, 404, 'not_found']);
        }
      }
    });

    it('resets a password: a new one shown once, the old one dead, the account unlocked, sessions ended', async () => {
      const officer = await anOfficer(h, 'officer');
      const session = await signIn(h, officer);
      for (let i = 0; i < 5; i += 1) {
        await signInCall(h, officer.email, `wrong password ${i}`);
      }
      expect((await signInCall(h, officer.email, officer.password)).statusCode).toBe(429);

      const response = await admin.post(`${OFFICERS}/${officer.id}/password-reset`);
      expect(response.statusCode).toBe(200);
      const { password } = response.json<{ password: string }>();
      expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/);
      expect(password).not.toBe(officer.password);
      expect((await session.get('/api/v1/console/session')).statusCode).toBe(401);
      expect((await signInCall(h, officer.email, officer.password)).statusCode).toBe(401);
      expect((await signInCall(h, officer.email, password)).statusCode).toBe(200);
      expect((await auditEvents(h, 'officer_password_reset')).filter((e) => e.data.officerId === officer.id)).toHaveLength(1);
    });

    it('unlocks an officer locked out by failed sign-ins', async () => {
      const officer = await anOfficer(h, 'officer');
      for (let i = 0; i < 5; i += 1) {
        await signInCall(h, officer.email, `wrong password ${i}`);
      }
      const listed = (await admin.get(OFFICERS)).json<{ officers: OfficerBody[] }>().officers.find((o) => o.id === officer.id);
      expect(listed?.locked).toBe(true);
      expect((await signInCall(h, officer.email, officer.password)).statusCode).toBe(429);

      const response = await admin.post(`${OFFICERS}/${officer.id}/unlock`);
      expect(response.statusCode).toBe(200);
      expect(response.json<{ officer: OfficerBody }>().officer.locked).toBe(false);
      expect((await signInCall(h, officer.email, officer.password)).statusCode).toBe(200);
    });
  });

  describe('API keys', () => {
    const digest = createHash('sha256').update('nobody@example.com').digest('hex');
    const lookup = (key: string) => h.app.inject({ method: 'GET', url: `/api/v1/suppressions/${digest}`, headers: { authorization: `Bearer ${key}` } });

    it('issues a key shown once and stored as a hash, which opens the suppression lookup until revoked', async () => {
      const created = await admin.post(API_KEYS, { name: 'Newsletter mailer', scopes: ['suppressions:read'] });
      expect(created.statusCode).toBe(201);
      const { apiKey, key } = created.json<{ apiKey: { id: string; prefix: string; name: string; scopes: string[]; lastUsedAt: string | null; revokedAt: string | null }; key: string }>();
      expect(key).toMatch(new RegExp(`^rdk_${apiKey.prefix}_[A-Za-z0-9_-]{43}$`));
      expect(apiKey).toMatchObject({ name: 'Newsletter mailer', scopes: ['suppressions:read'], lastUsedAt: null, revokedAt: null });

      // At rest: a 32-byte keyed hash, never the secret; lists never show either.
      const secret = key.split('_').slice(2).join('_');
      const [row] = await h.app.get(DataSource).query(`SELECT secret_hash FROM api_key WHERE id = $1`, [apiKey.id]);
      expect(row.secret_hash).toHaveLength(32);
      expect(Buffer.from(row.secret_hash).toString('base64url')).not.toBe(secret);
      const list = await admin.get(API_KEYS);
      expect(list.body).not.toContain(secret);
      expect(list.body).not.toMatch(/secretHash|secret_hash/);

      expect((await lookup(key)).statusCode).toBe(200);
      const used = list.json<{ apiKeys: Array<{ id: string }> }>().apiKeys.find((k) => k.id === apiKey.id);
      expect(used).toBeDefined();
      const afterUse = (await admin.get(API_KEYS)).json<{ apiKeys: Array<{ id: string; lastUsedAt: string | null }> }>().apiKeys.find((k) => k.id === apiKey.id);
      expect(afterUse?.lastUsedAt).not.toBeNull();

      const revoked = await admin.post(`${API_KEYS}/${apiKey.id}/revoke`);
      expect(revoked.statusCode).toBe(200);
      const revokedAt = revoked.json<{ apiKey: { revokedAt: string | null } }>().apiKey.revokedAt;
      expect(revokedAt).not.toBeNull();
      expect((await lookup(key)).statusCode).toBe(401);
      // Revoking again changes nothing and is not audited twice.
      expect((await admin.post(`${API_KEYS}/${apiKey.id}/revoke`)).json<{ apiKey: { revokedAt: string } }>().apiKey.revokedAt).toBe(revokedAt);

      const createdEvents = (await auditEvents(h, 'api_key_created')).filter((e) => e.data.apiKeyId === apiKey.id);
      const revokedEvents = (await auditEvents(h, 'api_key_revoked')).filter((e) => e.data.apiKeyId === apiKey.id);
      expect(createdEvents).toEqual([{ actor_type: 'officer', actor_id: adminOfficer.id, data: { apiKeyId: apiKey.id, scopes: ['suppressions:read'] } }]);
      expect(revokedEvents).toEqual([{ actor_type: 'officer', actor_id: adminOfficer.id, data: { apiKeyId: apiKey.id, scopes: ['suppressions:read'] } }]);
    });

    it('revoking one key leaves the others working', async () => {
      const first = (await admin.post(API_KEYS, { name: 'first', scopes: ['suppressions:read'] })).json<{ apiKey: { id: string }; key: string }>();
      const second = (await admin.post(API_KEYS, { name: 'second', scopes: ['suppressions:read'] })).json<{ apiKey: { id: string }; key: string }>();
      await admin.post(`${API_KEYS}/${first.apiKey.id}/revoke`);
      expect((await lookup(first.key)).statusCode).toBe(401);
      expect((await lookup(second.key)).statusCode).toBe(200);
    });

    it('validates a new key (422) and answers 404 for an unknown or malformed id', async () => {
      const before = (await admin.get(API_KEYS)).json<{ apiKeys: unknown[] }>().apiKeys.length;
      const cases: Array<[unknown, string]> = [
        [{ scopes: ['suppressions:read'] }, 'name'],
        [{ name: ' ', scopes: ['suppressions:read'] }, 'name'],
        [{ name: 'k', scopes: [] }, 'scopes'],
        [{ name: 'k' }, 'scopes'],
        [{ name: 'k', scopes: ['suppressions:write'] }, 'scopes.0'],
        [{ name: 'k', scopes: ['suppressions:read', 'suppressions:read'] }, 'scopes'],
        [{ name: 'k', scopes: ['suppressions:read'], key: 'rdk_mine' }, 'key'],
      ];
      for (const [payload, path] of cases) {
        const response = await admin.post(API_KEYS, payload);
        expect([payload, response.statusCode]).toEqual([payload, 422]);
        expect(fieldPaths(response.json<FieldErrorBody>())).toContain(path);
      }
      expect((await admin.get(API_KEYS)).json<{ apiKeys: unknown[] }>().apiKeys).toHaveLength(before);
      for (const id of [randomUUID(), 'nope']) {
        const response = await admin.post(`${API_KEYS}/${id}/revoke`);
        expect([id, response.statusCode]).toEqual([id, 404]);
      }
    });
  });

  describe('settings', () => {
    it('reads the defaults, replaces them, and audits the change', async () => {
      expect((await admin.get(SETTINGS)).json()).toEqual({ autoApprove: [], fourEyes: ['erasure', 'child_data_removal'] });
      const put = await admin.put(SETTINGS, { autoApprove: ['opt_out', 'access'], fourEyes: ['erasure'] });
      expect(put.statusCode).toBe(200);
      expect(put.json()).toEqual({ autoApprove: ['opt_out', 'access'], fourEyes: ['erasure'] });
      const officerView = await signIn(h, await anOfficer(h, 'admin'));
      expect((await officerView.get(SETTINGS)).json()).toEqual({ autoApprove: ['opt_out', 'access'], fourEyes: ['erasure'] });
      const events = await auditEvents(h, 'settings_changed');
      expect(events.at(-1)).toEqual({ actor_type: 'officer', actor_id: adminOfficer.id, data: { autoApprove: ['opt_out', 'access'], fourEyes: ['erasure'] } });
      await admin.put(SETTINGS, { autoApprove: [], fourEyes: ['erasure', 'child_data_removal'] });
    });

    it('refuses invalid settings with field errors and keeps the old ones', async () => {
      const cases: Array<[unknown, string]> = [
        [{ autoApprove: ['child_data_removal'], fourEyes: [] }, 'autoApprove'],
        [{ autoApprove: ['erasure'], fourEyes: ['erasure'] }, 'autoApprove'],
        [{ autoApprove: ['opt_out', 'opt_out'], fourEyes: [] }, 'autoApprove'],
        [{ autoApprove: ['delete_everything'], fourEyes: [] }, 'autoApprove.0'],
        [{ autoApprove: [] }, 'fourEyes'],
        [{ autoApprove: 'opt_out', fourEyes: [] }, 'autoApprove'],
        [{ autoApprove: [], fourEyes: [], retentionDays: 30 }, 'retentionDays'],
      ];
      for (const [payload, path] of cases) {
        const response = await admin.put(SETTINGS, payload);
        expect([payload, response.statusCode, response.json<FieldErrorBody>().code]).toEqual([payload, 422, 'validation_failed']);
        expect(fieldPaths(response.json<FieldErrorBody>())).toContain(path);
      }
      expect((await admin.get(SETTINGS)).json()).toEqual({ autoApprove: [], fourEyes: ['erasure', 'child_data_removal'] });
    });
  });
});

describe('console administration: the last active admin', () => {
  let h: ApiHarness;

  beforeAll(async () => {
    h = await startApi();
  });

  afterAll(async () => {
    await h.close();
  });

  it('cannot be demoted or disabled, by themselves or anyone, until another admin exists', async () => {
    const only = await anOfficer(h, 'admin');
    const session = await signIn(h, only);
    for (const change of [{ role: 'officer' }, { role: 'auditor' }, { disabled: true }]) {
      const response = await session.patch(`${OFFICERS}/${only.id}`, change);
      expect([change, response.statusCode, response.json<{ code: string }>().code]).toEqual([change, 409, 'conflict']);
    }
    expect((await session.get(OFFICERS)).statusCode).toBe(200);

    // A disabled admin does not count as the second one.
    const dormant = await anOfficer(h, 'admin');
    expect((await session.patch(`${OFFICERS}/${dormant.id}`, { disabled: true })).statusCode).toBe(200);
    expect((await session.patch(`${OFFICERS}/${only.id}`, { role: 'officer' })).statusCode).toBe(409);

    const second = await anOfficer(h, 'officer');
    expect((await session.patch(`${OFFICERS}/${second.id}`, { role: 'admin' })).statusCode).toBe(200);
    const demoted = await session.patch(`${OFFICERS}/${only.id}`, { role: 'officer' });
    expect(demoted.statusCode).toBe(200);
    // Their own session ended with the role change.
    expect((await session.get(OFFICERS)).statusCode).toBe(401);
    const successor = await signIn(h, second);
    expect((await successor.patch(`${OFFICERS}/${second.id}`, { disabled: true })).statusCode).toBe(409);
  });
});
