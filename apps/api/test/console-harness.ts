import type { LightMyRequestResponse } from 'fastify';
import type { OfficerRole } from '@rightsdesk/domain';
import { OfficerAccounts } from '@rightsdesk/workflow';
import type { ApiHarness } from './api-harness';

export interface TestOfficer {
  id: string;
  email: string;
  password: string;
  role: OfficerRole;
}

export interface ConsoleSession {
  officer: TestOfficer;
  cookie: string;
  csrf: string;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

let sequence = 0;

/** A new officer account with a known password, created as the command line creates the first admin. */
export async function anOfficer(h: ApiHarness, role: OfficerRole = 'officer', overrides: { email?: string; displayName?: string } = {}): Promise<TestOfficer> {
  sequence += 1;
  const email = overrides.email ?? `${role}-${sequence}-${Math.random().toString(36).slice(2, 8)}@privacy.example`;
  const password = `correct horse battery ${sequence}`;
  const { officer } = await h.app
    .get(OfficerAccounts)
    .create({ email, displayName: overrides.displayName ?? `${role} ${sequence}`, role, password }, { type: 'system', id: 'cli' });
  return { id: officer.id, email, password, role };
}

/** Signs in through the API and returns a client that sends the session cookie and CSRF token. */
export async function signIn(h: ApiHarness, officer: TestOfficer, totpCode?: string): Promise<ConsoleSession> {
  const response = await h.app.inject({
    method: 'POST',
    url: '/api/v1/console/session',
    payload: { email: officer.email, password: officer.password, ...(totpCode ? { totpCode } : {}) },
  });
  if (response.statusCode !== 200) {
    throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  }
  const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const session = cookies.find((c) => c.startsWith('rd_session='));
  if (!session) {
    throw new Error('no session cookie');
  }
  return sessionFor(h, officer, session.split(';')[0], response.json<{ csrfToken: string }>().csrfToken);
}

export function sessionFor(h: ApiHarness, officer: TestOfficer, cookie: string, csrf: string): ConsoleSession {
  const send = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    h.app.inject({
      method,
      url,
      headers: { cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': csrf }), ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
    });
  return {
    officer,
    cookie,
    csrf,
    get: (url) => send('GET', url),
    post: (url, payload) => send('POST', url, payload ?? {}),
    patch: (url, payload) => send('PATCH', url, payload ?? {}),
    put: (url, payload) => send('PUT', url, payload ?? {}),
    delete: (url) => send('DELETE', url),
  };
}
