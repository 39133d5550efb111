import { startApi, type ApiHarness } from './api-harness';

// The privacy center is the web app: the api serves its page for each of its addresses (those in
// the emails included) under the strict CSP, and answers the settings its forms check against.
describe('privacy center pages and settings', () => {
  let h: ApiHarness;

  beforeAll(async () => {
    h = await startApi({ REGIME_FALLBACK: 'uk_gdpr', UPLOAD_MAX_FILES: '4', UPLOAD_MAX_BYTES: '65536', VERIFICATION_TTL_HOURS: '24' });
  });

  afterAll(async () => {
    await h.close();
  });

  it.each([
    '/',
    '/requests/new',
    '/requests/new/opt-out',
    '/requests/check-email?ref=RD-0000-0000-0000-0000',
    '/requests/verify?ref=RD-0000-0000-0000-0000&token=abc',
    '/requests/status?ref=RD-0000-0000-0000-0000&token=abc',
    '/requests/download?token=abc',
  ])('serves the web app for %s', async (url) => {
    const response = await h.app.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.body).toContain('<div id="root"></div>');
  });

  it('no longer takes the interim pages’ form posts: the JSON API does their work', async () => {
    for (const url of ['/requests/verify', '/requests/reply?ref=RD-0000-0000-0000-0000&token=abc', '/requests/status']) {
      const response = await h.app.inject({ method: 'POST', url, payload: 'ref=x&token=y', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: 'not_found' });
    }
  });

  it('answers the settings the forms check against, without a session', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/api/v1/privacy-center/settings' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json()).toEqual({ regimeFallback: 'uk_gdpr', verificationLinkHours: 24, replies: { maxFiles: 4, maxBytes: 65536, messageMaxLength: 5000 } });
  });
});
