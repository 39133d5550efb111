import { DataSource } from 'typeorm';
import { AuditTrail, base32Decode, OfficerAccounts, totpCode, totpStep } from '@rightsdesk/workflow';
import { startApi, type ApiHarness } from './api-harness';
import { anOfficer, sessionFor, signIn } from './console-harness';

function signInCall(h: ApiHarness, payload: Record<string, unknown>) {
  return h.app.inject({ method: 'POST', url: '/api/v1/console/session', payload });
}

describe('console sign-in, sessions and CSRF', () => {
  let h: ApiHarness;

  beforeAll(async () => {
    h = await startApi();
  });

  afterAll(async () => {
    await h.close();
  });

  beforeEach(() => {
    h.clock.set('2026-11-25T10:00:00.000Z');
  });

  it('signs in with email and password into an httpOnly, Secure, SameSite=Strict cookie', async () => {
    const officer = await anOfficer(h, 'officer');
    const response = await signInCall(h, { email: officer.email.toUpperCase(), password: officer.password });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ officer: Record<string, unknown>; csrfToken: string; enrolmentOnly: boolean }>();
    expect(body.officer).toEqual({ id: officer.id, email: officer.email, displayName: expect.any(String), role: 'officer', totpEnabled: false });
    expect(body.enrolmentOnly).toBe(false);
    expect(body.csrfToken.length).toBeGreaterThanOrEqual(43);
    const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
    const session = cookies.find((c) => c.startsWith('rd_session='))!;
    expect(session).toMatch(/; HttpOnly/);
    expect(session).toMatch(/; Secure/);
    expect(session).toMatch(/; SameSite=Strict/);
    expect(cookies.find((c) => c.startsWith('rd_csrf='))).not.toMatch(/HttpOnly/);
    expect(response.body).not.toMatch(/argon2|password/i);

    // Only hashes of the tokens are stored.
    const [stored] = await h.app.get(DataSource).query(`SELECT token_hash, csrf_hash FROM officer_session WHERE officer_id = $1`, [officer.id]);
    const token = session.split(';')[0].split('=')[1];
    expect(Buffer.from(stored.token_hash).toString('base64url')).not.toBe(token);
    expect(stored.token_hash).toHaveLength(32);

    const me = await h.app.inject({ method: 'GET', url: '/api/v1/console/session', headers: { cookie: session.split(';')[0] } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual({ officer: body.officer, enrolmentOnly: false });
  });

  it('answers a wrong password and an unknown email alike', async () => {
    const officer = await anOfficer(h, 'officer');
    const wrong = await signInCall(h, { email: officer.email, password: 'not the password at all' });
    const unknown = await signInCall(h, { email: 'nobody@privacy.example', password: 'not the password at all' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json<{ code: string }>().code).toBe('login_failed');
    expect(unknown.json<{ code: string }>().code).toBe('login_failed');
    expect(wrong.json<{ message: string }>().message).toBe(unknown.json<{ message: string }>().message);
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('validates the sign-in body', async () => {
    const response = await signInCall(h, { email: 'a@b.example', password: 'x', extra: true });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('validation_failed');
    const noBody = await h.app.inject({ method: 'POST', url: '/api/v1/console/session', payload: 'email=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(noBody.statusCode).toBe(415);
  });

  it('locks the account after repeated failures, with a lock that doubles, even for the right password', async () => {
    const officer = await anOfficer(h, 'officer');
    for (let i = 0; i < 4; i += 1) {
      expect((await signInCall(h, { email: officer.email, password: `wrong password ${i}` })).statusCode).toBe(401);
    }
    // The fifth failure locks for 60 s.
    expect((await signInCall(h, { email: officer.email, password: 'wrong password 5' })).statusCode).toBe(401);
    const locked = await signInCall(h, { email: officer.email, password: officer.password });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('account_locked');
    expect(locked.headers['retry-after']).toBe('60');

    h.clock.advance(61_000);
    // A sixth failure after the lock ran out locks again, for twice as long.
    expect((await signInCall(h, { email: officer.email, password: 'wrong password 6' })).statusCode).toBe(401);
    const lockedAgain = await signInCall(h, { email: officer.email, password: officer.password });
    expect(lockedAgain.statusCode).toBe(429);
    expect(lockedAgain.headers['retry-after']).toBe('120');

    h.clock.advance(121_000);
    expect((await signInCall(h, { email: officer.email, password: officer.password })).statusCode).toBe(200);
    // Success resets the count: one more failure does not lock.
    expect((await signInCall(h, { email: officer.email, password: 'wrong again' })).statusCode).toBe(401);
    expect((await signInCall(h, { email: officer.email, password: officer.password })).statusCode).toBe(200);

    const actions = await h.app.get(DataSource).query<Array<{ action: string }>>(`SELECT action, data FROM audit_event WHERE actor_id = $1 ORDER BY id`, [officer.id]);
    expect(actions.filter((a) => a.action === 'officer_sign_in_failed')).toHaveLength(7);
    expect(actions.filter((a) => a.action === 'officer_signed_in')).toHaveLength(2);
    expect(await h.app.get(AuditTrail).verify()).toMatchObject({ ok: true });
  });

  it('an admin can unlock a locked account', async () => {
    const officer = await anOfficer(h, 'officer');
    for (let i = 0; i < 5; i += 1) {
      await signInCall(h, { email: officer.email, password: `wrong password ${i}` });
    }
    expect((await signInCall(h, { email: officer.email, password: officer.password })).statusCode).toBe(429);
    await h.app.get(OfficerAccounts).unlock(officer.id, { type: 'system', id: 'cli' });
    expect((await signInCall(h, { email: officer.email, password: officer.password })).statusCode).toBe(200);
  });

  it('refuses state-changing calls without the CSRF token or from another origin', async () => {
    const officer = await anOfficer(h, 'officer');
    const session = await signIn(h, officer);
    const password = { currentPassword: officer.password, newPassword: 'a new long passphrase here' };
    const noToken = await h.app.inject({ method: 'POST', url: '/api/v1/console/me/password', headers: { cookie: session.cookie }, payload: password });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().code).toBe('csrf_invalid');
    const wrongToken = await h.app.inject({ method: 'POST', url: '/api/v1/console/me/password', headers: { cookie: session.cookie, 'x-csrf-token': 'x'.repeat(43) }, payload: password });
    expect(wrongToken.statusCode).toBe(403);
    const otherSite = await h.app.inject({
      method: 'POST',
      url: '/api/v1/console/me/password',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, origin: 'https://evil.example' },
      payload: password,
    });
    expect(otherSite.statusCode).toBe(403);
    expect(otherSite.json().code).toBe('csrf_invalid');
    // Another session's token does not fit this session.
    const other = await signIn(h, await anOfficer(h, 'officer'));
    const crossed = await h.app.inject({ method: 'POST', url: '/api/v1/console/me/password', headers: { cookie: session.cookie, 'x-csrf-token': other.csrf }, payload: password });
    expect(crossed.statusCode).toBe(403);

    const ok = await h.app.inject({
      method: 'POST',
      url: '/api/v1/console/me/password',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, origin: 'http://localhost:3000' },
      payload: password,
    });
    expect(ok.statusCode).toBe(204);
    expect((await signInCall(h, { email: officer.email, password: password.newPassword })).statusCode).toBe(200);
    expect((await signInCall(h, { email: officer.email, password: officer.password })).statusCode).toBe(401);
  });

  it('ends idle sessions, and every session after the absolute limit', async () => {
    const officer = await anOfficer(h, 'auditor');
    const idle = await signIn(h, officer);
    h.clock.advance(29 * 60_000);
    expect((await idle.get('/api/v1/console/session')).statusCode).toBe(200);
    h.clock.advance(29 * 60_000);
    expect((await idle.get('/api/v1/console/session')).statusCode).toBe(200);
    h.clock.advance(31 * 60_000);
    const expired = await idle.get('/api/v1/console/session');
    expect(expired.statusCode).toBe(401);
    expect(expired.json().code).toBe('unauthorized');

    const busy = await signIn(h, officer);
    for (let minutes = 0; minutes < 12 * 60 - 20; minutes += 20) {
      h.clock.advance(20 * 60_000);
      expect((await busy.get('/api/v1/console/session')).statusCode).toBe(200);
    }
    h.clock.advance(25 * 60_000);
    expect((await busy.get('/api/v1/console/session')).statusCode).toBe(401);
  });

  it('signing out ends the session on the server', async () => {
    const session = await signIn(h, await anOfficer(h, 'officer'));
    const out = await session.delete('/api/v1/console/session');
    expect(out.statusCode).toBe(204);
    expect(([] as string[]).concat(out.headers['set-cookie'] ?? []).join('\n')).toMatch(/rd_session=; .*Max-Age=0/);
    expect((await session.get('/api/v1/console/session')).statusCode).toBe(401);
  });

  it('disabling an officer ends their sessions and stops their sign-in', async () => {
    const officer = await anOfficer(h, 'officer');
    const session = await signIn(h, officer);
    await h.app.get(OfficerAccounts).update(officer.id, { disabled: true }, { type: 'system', id: 'cli' });
    expect((await session.get('/api/v1/console/session')).statusCode).toBe(401);
    expect((await signInCall(h, { email: officer.email, password: officer.password })).statusCode).toBe(401);
  });

  it('rejects forged and malformed session cookies', async () => {
    for (const cookie of ['rd_session=' + 'A'.repeat(43), 'rd_session=', 'rd_session=../../etc', 'other=1']) {
      const response = await h.app.inject({ method: 'GET', url: '/api/v1/console/session', headers: { cookie } });
      expect(response.statusCode).toBe(401);
    }
  });

  it('sets up a TOTP second factor, then demands it, and refuses a replayed code', async () => {
    const officer = await anOfficer(h, 'officer');
    const session = await signIn(h, officer);
    const begin = await session.post('/api/v1/console/me/totp');
    expect(begin.statusCode).toBe(200);
    const { secret, otpauthUri } = begin.json<{ secret: string; otpauthUri: string }>();
    expect(otpauthUri).toContain(`secret=${secret}`);
    const key = base32Decode(secret);
    const codeAt = (ms: number) => totpCode(key, totpStep(new Date(h.clock.now().getTime() + ms)));

    expect((await session.post('/api/v1/console/me/totp/confirm', { code: '000000' === codeAt(0) ? '111111' : '000000' })).statusCode).toBe(422);
    expect((await session.post('/api/v1/console/me/totp/confirm', { code: codeAt(0) })).statusCode).toBe(204);
    const stored = await h.app.get(DataSource).query(`SELECT totp_secret FROM officer WHERE id = $1`, [officer.id]);
    expect(Buffer.from(stored[0].totp_secret).toString('utf8')).not.toContain(secret);

    h.clock.advance(30_000);
    const without = await signInCall(h, { email: officer.email, password: officer.password });
    expect(without.statusCode).toBe(401);
    expect(without.json().code).toBe('second_factor_required');
    const code = codeAt(0);
    const withCode = await signInCall(h, { email: officer.email, password: officer.password, totpCode: code });
    expect(withCode.statusCode).toBe(200);
    expect(withCode.json().officer.totpEnabled).toBe(true);
    const replay = await signInCall(h, { email: officer.email, password: officer.password, totpCode: code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('login_failed');
  });
});

describe('console sign-in with a second factor required for admins', () => {
  let h: ApiHarness;

  beforeAll(async () => {
    h = await startApi({ TOTP_REQUIRED_FOR_ADMINS: 'true' });
  });

  afterAll(async () => {
    await h.close();
  });

  it('lets an admin without one only set it up, then everything', async () => {
    const admin = await anOfficer(h, 'admin');
    const response = await signInCall(h, { email: admin.email, password: admin.password });
    expect(response.statusCode).toBe(200);
    expect(response.json().enrolmentOnly).toBe(true);
    const cookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((c) => c.startsWith('rd_session='))!.split(';')[0];
    const session = sessionFor(h, admin, cookie, response.json<{ csrfToken: string }>().csrfToken);

    const who = await session.get('/api/v1/console/session');
    expect(who.statusCode).toBe(200);
    expect(who.json()).toMatchObject({ enrolmentOnly: true });
    const blocked = await session.post('/api/v1/console/me/password', { currentPassword: admin.password, newPassword: 'another long passphrase' });
    expect(blocked.statusCode).toBe(401);
    expect(blocked.json().code).toBe('second_factor_required');

    const { secret } = (await session.post('/api/v1/console/me/totp')).json<{ secret: string }>();
    const code = totpCode(base32Decode(secret), totpStep(h.clock.now()));
    expect((await session.post('/api/v1/console/me/totp/confirm', { code })).statusCode).toBe(204);
    expect((await session.get('/api/v1/console/session')).json()).toMatchObject({ enrolmentOnly: false });
    expect((await session.post('/api/v1/console/me/password', { currentPassword: admin.password, newPassword: 'another long passphrase' })).statusCode).toBe(204);
    // Admins cannot turn it off while it is required.
    h.clock.advance(30_000);
    const off = await session.post('/api/v1/console/me/totp/disable', { code: totpCode(base32Decode(secret), totpStep(h.clock.now())) });
    expect(off.statusCode).toBe(403);
  });

  it('does not restrict officers who are not admins', async () => {
    const officer = await anOfficer(h, 'officer');
    const response = await signInCall(h, { email: officer.email, password: officer.password });
    expect(response.json().enrolmentOnly).toBe(false);
  });
});
