import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startApi, type ApiHarness } from './api-harness';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

describe('branding for the privacy center', () => {
  let h: ApiHarness;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'rightsdesk-brand-'));
    await writeFile(path.join(dir, 'logo.png'), PNG);
    h = await startApi({ COMPANY_NAME: 'Acme GmbH', BRAND_PRIMARY_COLOR: '#0F766E', BRAND_LOGO_FILE: path.join(dir, 'logo.png'), PRIVACY_POLICY_URL: 'https://acme.example/privacy' });
  });

  afterAll(async () => {
    await h.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers the configured name, colour, logo and policy link, without a session', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/api/v1/branding' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      companyName: 'Acme GmbH',
      primaryColor: '#0f766e',
      logoUrl: '/brand/logo',
      privacyPolicyUrl: 'https://acme.example/privacy',
      locales: ['en', 'de'],
      mailboxUrl: null,
    });
  });

  it('serves the logo from our own origin, typed and sandboxed', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/brand/logo' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/png');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain('sandbox');
    expect(response.rawPayload.equals(PNG)).toBe(true);
  });
});

describe('branding without a logo', () => {
  let h: ApiHarness;

  beforeAll(async () => {
    h = await startApi();
  });

  afterAll(async () => {
    await h.close();
  });

  it('has no logo URL and the logo route is a JSON 404', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/branding' })).json()).toMatchObject({ logoUrl: null, privacyPolicyUrl: null, primaryColor: '#1d4ed8' });
    const logo = await h.app.inject({ method: 'GET', url: '/brand/logo' });
    expect(logo.statusCode).toBe(404);
    expect(logo.json()).toMatchObject({ code: 'not_found' });
  });

  it('serves the built web app for the console and its assets with long caching', async () => {
    const page = await h.app.inject({ method: 'GET', url: '/console/requests' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['cache-control']).toBe('no-cache');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(page.body)?.[1];
    expect(script).toBeDefined();
    const asset = await h.app.inject({ method: 'GET', url: script! });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await h.app.inject({ method: 'GET', url: '/assets/nope.js' })).statusCode).toBe(404);
  });
});
