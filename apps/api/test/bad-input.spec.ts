import { startApi, type ApiHarness } from './api-harness';

// Malformed input gets a clear JSON error with a stable code, never a 500.
describe('bad input and abuse', () => {
  let h: ApiHarness;

  beforeAll(async () => {
    h = await startApi({ RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_INTAKE_PER_IP_PER_HOUR: '3', RATE_LIMIT_INTAKE_PER_EMAIL_PER_HOUR: '100', BODY_LIMIT_BYTES: '4096' });
  });

  afterAll(async () => {
    await h.close();
  });

  const post = (payload: string, contentType = 'application/json', ip = '198.51.100.1') =>
    h.app.inject({ method: 'POST', url: '/api/v1/requests', payload, headers: { 'content-type': contentType }, remoteAddress: ip });

  it.each([
    ['broken JSON', '{"type": "access",', 'application/json', 400, 'malformed_body'],
    ['a JSON array', '[1,2,3]', 'application/json', 422, 'validation_failed'],
    ['JSON null', 'null', 'application/json', 422, 'validation_failed'],
    ['a JSON string', '"access"', 'application/json', 422, 'validation_failed'],
    ['plain text', 'type=access', 'text/plain', 415, 'unsupported_media_type'],
    ['XML', '<request/>', 'application/xml', 415, 'unsupported_media_type'],
    ['an oversized body', JSON.stringify({ type: 'access', email: 'a@example.com', country: 'DE', name: 'x'.repeat(5000) }), 'application/json', 413, 'payload_too_large'],
  ])('%s', async (_name, payload, contentType, status, code) => {
    const response = await post(payload, contentType, `203.0.113.${status % 250}`);
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toContain('application/json');
    expect(response.json()).toMatchObject({ code, message: expect.any(String), requestId: expect.any(String) });
  });

  it('names each invalid field with a stable code', async () => {
    const response = await post(JSON.stringify({ type: 'rectification', email: 'not-an-email', country: 'Germany', surprise: true, details: { corrections: [] } }), 'application/json', '192.0.2.10');
    expect(response.statusCode).toBe(422);
    const body = response.json<{ code: string; fieldErrors: Array<{ path: string; code: string }> }>();
    expect(body.code).toBe('validation_failed');
    const byPath = Object.fromEntries(body.fieldErrors.map((e) => [e.path, e.code]));
    expect(byPath).toMatchObject({ email: 'invalid_email', surprise: 'unknown_field' });
    expect(Object.keys(byPath)).toEqual(expect.arrayContaining(['country', 'details.explanation']));
  });

  it('answers unknown routes and methods with JSON 404', async () => {
    const unknown = await h.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'not_found' });
    const wrongMethod = await h.app.inject({ method: 'DELETE', url: '/api/v1/requests' });
    expect(wrongMethod.statusCode).toBe(404);
  });

  it('rejects a verification body with an unknown field or a huge token', async () => {
    const extra = await h.app.inject({ method: 'POST', url: '/api/v1/requests/RD-0000-0000-0000-0000/verification', payload: { token: 'x', admin: true }, remoteAddress: '192.0.2.20' });
    expect(extra.statusCode).toBe(422);
    const huge = await h.app.inject({ method: 'POST', url: '/api/v1/requests/RD-0000-0000-0000-0000/verification', payload: { token: 'x'.repeat(500) }, remoteAddress: '192.0.2.20' });
    expect(huge.statusCode).toBe(422);
    const unknownReference = await h.app.inject({ method: 'POST', url: '/api/v1/requests/not-a-reference/verification', payload: { token: 'abc' }, remoteAddress: '192.0.2.20' });
    expect(unknownReference.statusCode).toBe(400);
    expect(unknownReference.json()).toMatchObject({ code: 'verification_invalid' });
  });

  it('rate-limits intake per IP with 429 and Retry-After', async () => {
    const body = (i: number) => JSON.stringify({ type: 'access', email: `limit-${i}@example.com`, country: 'DE' });
    for (let i = 0; i < 3; i++) {
      expect((await post(body(i), 'application/json', '198.51.100.77')).statusCode).toBe(202);
    }
    const limited = await post(body(4), 'application/json', '198.51.100.77');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'rate_limited' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is unaffected.
    expect((await post(body(5), 'application/json', '198.51.100.78')).statusCode).toBe(202);
  });

  it('sends security headers and a strict CSP', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/' });
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves an OpenAPI document listing every endpoint with its errors', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/api/docs-json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json<{ paths: Record<string, Record<string, { responses: Record<string, unknown> }>> }>();
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/.well-known/gpc.json',
      '/api/v1/access-packages/lookup',
      '/api/v1/branding',
      '/api/v1/console/api-keys',
      '/api/v1/console/api-keys/{id}/revoke',
      '/api/v1/console/assignees',
      '/api/v1/console/audit',
      '/api/v1/console/audit/verification',
      '/api/v1/console/data-map',
      '/api/v1/console/drp-agents',
      '/api/v1/console/drp-agents/{id}/disable',
      '/api/v1/console/me/password',
      '/api/v1/console/me/totp',
      '/api/v1/console/me/totp/confirm',
      '/api/v1/console/me/totp/disable',
      '/api/v1/console/metrics',
      '/api/v1/console/metrics/ccpa.csv',
      '/api/v1/console/metrics/weekly',
      '/api/v1/console/officers',
      '/api/v1/console/officers/{id}',
      '/api/v1/console/officers/{id}/password-reset',
      '/api/v1/console/officers/{id}/unlock',
      '/api/v1/console/requests',
      '/api/v1/console/requests/bulk',
      '/api/v1/console/requests/{id}',
      '/api/v1/console/requests/{id}/access-link',
      '/api/v1/console/requests/{id}/approve',
      '/api/v1/console/requests/{id}/assign',
      '/api/v1/console/requests/{id}/attachments/{attachmentId}',
      '/api/v1/console/requests/{id}/cancel',
      '/api/v1/console/requests/{id}/deny',
      '/api/v1/console/requests/{id}/erasure-plan',
      '/api/v1/console/requests/{id}/extend',
      '/api/v1/console/requests/{id}/information-request',
      '/api/v1/console/requests/{id}/notes',
      '/api/v1/console/requests/{id}/retry',
      '/api/v1/console/retention/plan',
      '/api/v1/console/retention/rules',
      '/api/v1/console/retention/rules/{ruleId}/hold',
      '/api/v1/console/retention/rules/{ruleId}/runs',
      '/api/v1/console/retention/runs',
      '/api/v1/console/retention/runs/{id}',
      '/api/v1/console/retention/runs/{id}/cancel',
      '/api/v1/console/retention/runs/{id}/pause',
      '/api/v1/console/retention/runs/{id}/resume',
      '/api/v1/console/session',
      '/api/v1/console/settings',
      '/api/v1/gpc-signals',
      '/api/v1/opendsr/{system}/callbacks',
      '/api/v1/privacy-center/settings',
      '/api/v1/providers/{system}/callbacks',
      '/api/v1/requests',
      '/api/v1/requests/verified',
      '/api/v1/requests/{reference}',
      '/api/v1/requests/{reference}/replies',
      '/api/v1/requests/{reference}/verification',
      '/api/v1/suppressions/{sha256}',
      '/brand/logo',
      '/drp/v1/agent/{agentId}',
      '/drp/v1/data-rights-request',
      '/drp/v1/data-rights-request/{requestId}',
      '/health/live',
      '/health/ready',
    ]);
    expect(Object.keys(doc.paths['/api/v1/suppressions/{sha256}'].get.responses)).toEqual(expect.arrayContaining(['200', '401', '422']));
    expect(Object.keys(doc.paths['/api/v1/requests'].post.responses)).toEqual(expect.arrayContaining(['202', '400', '413', '415', '422', '429']));
    const ui = await h.app.inject({ method: 'GET', url: '/api/docs' });
    expect(ui.statusCode).toBe(200);
  });

  it('hides the demo mailbox unless the embedded mail catcher is configured', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/dev/mailbox' });
    expect(response.statusCode).toBe(404);
  });
});

describe('request ids', () => {
  let h: ApiHarness;

  beforeAll(async () => {
    h = await startApi();
  });

  afterAll(async () => {
    await h.close();
  });

  it('keeps a sane incoming X-Request-Id and replaces anything else', async () => {
    const kept = await h.app.inject({ method: 'GET', url: '/api/v1/requests/RD-0000-0000-0000-0000', headers: { 'x-request-id': 'trace-12345678' } });
    expect(kept.headers['x-request-id']).toBe('trace-12345678');
    expect(kept.json()).toMatchObject({ requestId: 'trace-12345678' });
    const replaced = await h.app.inject({ method: 'GET', url: '/api/v1/requests/RD-0000-0000-0000-0000', headers: { 'x-request-id': 'bad id\nwith newline' } });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
