import { randomUUID } from 'node:crypto';
import type { Type } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { OFFICER_ROLES, type OfficerRole } from '@rightsdesk/domain';
import { startApi, type ApiHarness } from './api-harness';
import { anOfficer, signIn, type TestOfficer } from './console-harness';
import { declaredRoutes, type RouteAccess } from './declared-routes';

const ALL: OfficerRole[] = [...OFFICER_ROLES].sort();
const ACTING: OfficerRole[] = ['admin', 'officer'];
const ADMIN: OfficerRole[] = ['admin'];

// Every route of the api and who may call it. A route added, removed or opened to another role
// without this table changing fails the test: a surprise in authorization is a finding, not a diff.
const EXPECTED: Record<string, RouteAccess> = {
  'DELETE /api/v1/console/session': ALL,
  'GET /': 'public',
  'GET /api/v1/branding': 'public',
  'GET /.well-known/gpc.json': 'public',
  'GET /brand/logo': 'public',
  'GET /console': 'public',
  'GET /console/*': 'public',
  'GET /requests/new': 'public',
  'GET /requests/new/*': 'public',
  'GET /api/v1/console/api-keys': ADMIN,
  'GET /api/v1/console/assignees': ALL,
  'GET /api/v1/console/audit': ALL,
  'GET /api/v1/console/audit/verification': ALL,
  'GET /api/v1/console/metrics': ALL,
  'GET /api/v1/console/metrics/ccpa.csv': ALL,
  'GET /api/v1/console/metrics/weekly': ALL,
  'GET /api/v1/console/data-map': ALL,
  'GET /api/v1/console/drp-agents': ADMIN,
  'POST /api/v1/console/drp-agents': ADMIN,
  'POST /api/v1/console/drp-agents/:id/disable': ADMIN,
  'GET /api/v1/console/retention/plan': ALL,
  'GET /api/v1/console/retention/rules': ALL,
  'GET /api/v1/console/retention/runs': ALL,
  'GET /api/v1/console/retention/runs/:id': ALL,
  'DELETE /api/v1/console/retention/rules/:ruleId/hold': ADMIN,
  'POST /api/v1/console/retention/rules/:ruleId/runs': ADMIN,
  'POST /api/v1/console/retention/runs/:id/cancel': ADMIN,
  'POST /api/v1/console/retention/runs/:id/pause': ADMIN,
  'POST /api/v1/console/retention/runs/:id/resume': ADMIN,
  'PUT /api/v1/console/retention/rules/:ruleId/hold': ADMIN,
  'GET /api/v1/console/officers': ADMIN,
  'GET /api/v1/console/requests': ALL,
  'GET /api/v1/console/requests/:id': ALL,
  'GET /api/v1/console/requests/:id/attachments/:attachmentId': ALL,
  'GET /api/v1/console/requests/:id/erasure-plan': ACTING,
  'GET /api/v1/console/session': ALL,
  'GET /api/v1/console/settings': ADMIN,
  'GET /api/v1/privacy-center/settings': 'public',
  'GET /api/v1/requests/:reference': 'public',
  'GET /api/v1/suppressions/:sha256': 'api-key:suppressions:read',
  'GET /dev/mailbox': 'public',
  'GET /health/live': 'public',
  'GET /health/ready': 'public',
  'GET /requests/check-email': 'public',
  'GET /requests/download': 'public',
  'GET /requests/status': 'public',
  'GET /requests/verify': 'public',
  'PATCH /api/v1/console/officers/:id': ADMIN,
  'POST /api/v1/console/api-keys': ADMIN,
  'POST /api/v1/console/api-keys/:id/revoke': ADMIN,
  'POST /api/v1/console/me/password': ALL,
  'POST /api/v1/console/me/totp': ALL,
  'POST /api/v1/console/me/totp/confirm': ALL,
  'POST /api/v1/console/me/totp/disable': ALL,
  'POST /api/v1/console/officers': ADMIN,
  'POST /api/v1/console/officers/:id/password-reset': ADMIN,
  'POST /api/v1/console/officers/:id/unlock': ADMIN,
  'POST /api/v1/console/requests': ACTING,
  'POST /api/v1/console/requests/:id/access-link': ACTING,
  'POST /api/v1/console/requests/:id/approve': ACTING,
  'POST /api/v1/console/requests/:id/assign': ACTING,
  'POST /api/v1/console/requests/:id/cancel': ACTING,
  'POST /api/v1/console/requests/:id/deny': ACTING,
  'POST /api/v1/console/requests/:id/extend': ACTING,
  'POST /api/v1/console/requests/:id/information-request': ACTING,
  'POST /api/v1/console/requests/:id/notes': ACTING,
  'POST /api/v1/console/requests/:id/retry': ACTING,
  'POST /api/v1/console/requests/bulk': ACTING,
  'POST /api/v1/access-packages/lookup': 'public',
  // Data Rights Protocol agents: admitted by signature or pairing token (drp-pairing.spec.ts).
  'GET /drp/v1/agent/:agentId': 'public',
  'POST /drp/v1/agent/:agentId': 'public',
  'POST /drp/v1/data-rights-request': 'public',
  'GET /drp/v1/data-rights-request/:requestId': 'public',
  'DELETE /drp/v1/data-rights-request/:requestId': 'public',
  'POST /api/v1/console/session': 'public',
  'POST /api/v1/providers/:system/callbacks': 'public',
  'POST /api/v1/opendsr/:system/callbacks': 'public',
  'POST /api/v1/requests': 'public',
  'POST /api/v1/requests/:reference/replies': 'public',
  'POST /api/v1/requests/:reference/verification': 'public',
  'POST /api/v1/requests/verified': 'api-key:requests:create',
  'POST /api/v1/gpc-signals': 'api-key:gpc-signals:create',
  'POST /requests/download': 'public',
  'PUT /api/v1/console/settings': ADMIN,
};

// Every controller of every module the app loaded (the api's own, health, …).
function controllersOf(h: ApiHarness): Array<Type<unknown>> {
  const controllers = new Set<Type<unknown>>();
  for (const module of h.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      controllers.add(wrapper.metatype as Type<unknown>);
    }
  }
  return [...controllers];
}

function concrete(path: string): string {
  return path.replace(/:[A-Za-z]+/g, () => randomUUID());
}

describe('authorization: every route × every role', () => {
  let h: ApiHarness;
  const officers = {} as Record<OfficerRole, TestOfficer>;

  beforeAll(async () => {
    h = await startApi();
    for (const role of OFFICER_ROLES) {
      officers[role] = await anOfficer(h, role);
    }
  });

  afterAll(async () => {
    await h.close();
  });

  it('declares exactly the expected access for every route', () => {
    const declared = Object.fromEntries(declaredRoutes(controllersOf(h)).map((route) => [route.key, route.access]));
    expect(declared).toEqual(EXPECTED);
  });

  it('console routes never open to the public or to API keys', () => {
    for (const route of declaredRoutes(controllersOf(h)).filter((r) => r.path.startsWith('/api/v1/console/'))) {
      if (route.key === 'POST /api/v1/console/session') {
        continue;
      }
      expect([route.key, Array.isArray(route.access)]).toEqual([route.key, true]);
    }
  });

  it('answers every role-guarded route with 401 without a session, 403 for other roles, and lets the named roles through', async () => {
    const surprises: string[] = [];
    for (const route of declaredRoutes(controllersOf(h))) {
      if (!Array.isArray(route.access)) {
        continue;
      }
      const url = concrete(route.path);
      const method = route.method as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
      const anonymous = await h.app.inject({ method, url, ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }) });
      if (anonymous.statusCode !== 401) {
        surprises.push(`${route.key} without a session: ${anonymous.statusCode}`);
      }
      for (const role of OFFICER_ROLES) {
        // A fresh session each time: a route may end it (sign-out) or change the account.
        const session = await signIn(h, officers[role]);
        const response = method === 'GET' ? await session.get(url) : method === 'DELETE' ? await session.delete(url) : await session[method.toLowerCase() as 'post' | 'put' | 'patch'](url, {});
        const allowed = route.access.includes(role);
        if (allowed && (response.statusCode === 401 || response.statusCode === 403)) {
          surprises.push(`${route.key} as ${role}: refused with ${response.statusCode} ${response.body}`);
        }
        if (!allowed && response.statusCode !== 403) {
          surprises.push(`${route.key} as ${role}: expected 403, got ${response.statusCode}`);
        }
        if (response.statusCode >= 500) {
          surprises.push(`${route.key} as ${role}: ${response.statusCode} ${response.body}`);
        }
      }
    }
    expect(surprises).toEqual([]);
  });

  it('API-key routes refuse officer sessions and callers without a key', async () => {
    for (const route of declaredRoutes(controllersOf(h)).filter((r) => typeof r.access === 'string' && r.access.startsWith('api-key:'))) {
      const url = concrete(route.path).replace(/[0-9a-f-]{36}/, 'a'.repeat(64));
      const method = route.method as 'GET' | 'POST';
      expect((await h.app.inject({ method, url })).statusCode).toBe(401);
      const session = await signIn(h, officers.admin);
      const withSession = method === 'GET' ? await session.get(url) : await session.post(url, {});
      expect([route.key, withSession.statusCode]).toEqual([route.key, 401]);
    }
  });
});
