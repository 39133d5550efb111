import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { AccessPackageRepository, AuditRepository, DatabaseTransactions } from '@rightsdesk/data-access';
import { AccessPackageDelivery, AuditTrail, KeyedHash, newToken, PackageStore } from '@rightsdesk/workflow';
import { startApi, type ApiHarness } from './api-harness';
import { fileVerified } from './execution-fixtures';

// The emailed link to an access package: the privacy center's page, whose look-up uses nothing, and
// a form POST that streams the file; a limited number of downloads within a limited time, every
// download audited.
describe('access package download: /requests/download', () => {
  let h: ApiHarness;
  let dir: string;
  let requestId: string;
  let reference: string;
  const MAX_DOWNLOADS = 2;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'rightsdesk-download-'));
    h = await startApi({ PACKAGE_DIR: dir, ACCESS_PACKAGE_MAX_DOWNLOADS: String(MAX_DOWNLOADS) });
    ({ id: requestId, reference } = await fileVerified(h, {
      type: 'access',
      email: 'downloader@example.com',
    }));
  });

  afterAll(async () => {
    await h?.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** A package as the finalizer leaves it: an encrypted file and its row, opened by a token. */
  async function aPackage(
    content: Buffer,
    options: { ttlMs?: number } = {},
  ): Promise<{ token: string; packageId: string }> {
    const packageId = randomUUID();
    const writer = h.app.get(PackageStore).packageWriter(requestId, packageId);
    writer.stream.end(content);
    const { bytes, sha256 } = await writer.done();
    const token = newToken();
    await h.app.get(DatabaseTransactions).run((tx) =>
      h.app.get(AccessPackageRepository).add(tx, {
        id: packageId,
        requestId,
        tokenHash: h.app.get(KeyedHash).token(token),
        expiresAt: new Date(h.clock.now().getTime() + (options.ttlMs ?? 7 * 86_400_000)),
        downloadsRemaining: h.config.execution.packageMaxDownloads,
        bytes: String(bytes),
        sha256,
      }),
    );
    return { token, packageId };
  }

  const page = (token: string) =>
    h.app.inject({ method: 'GET', url: `/requests/download?${new URLSearchParams({ token }).toString()}` });
  const lookup = (token: unknown) => h.app.inject({ method: 'POST', url: '/api/v1/access-packages/lookup', payload: { token } });
  const download = (token: string) =>
    h.app.inject({
      method: 'POST',
      url: '/requests/download',
      payload: new URLSearchParams({ token }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  const remaining = async (packageId: string) =>
    (
      await h.app
        .get(DataSource)
        .query<Array<{ n: number }>>(`SELECT downloads_remaining AS n FROM access_package WHERE id = $1`, [
          packageId,
        ])
    )[0].n;
  const downloadEvents = async (packageId: string) =>
    (await h.app.get(AuditRepository).findByRequest(requestId)).filter(
      (e) =>
        e.action === 'access_package_downloaded' && (e.data as { packageId: string }).packageId === packageId,
    );

  /** The download button's POST, refused: a page (a form POST lands on it), never the file. */
  function expectGone(response: Awaited<ReturnType<typeof page>>): void {
    expect(response.statusCode).toBe(410);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).toContain('This download link no longer works');
    expect(response.body).not.toContain('<form');
  }

  /** The page's look-up, refused: the same answer for wrong, expired and used-up links. */
  function expectLinkGone(response: Awaited<ReturnType<typeof page>>): void {
    expect(response.statusCode).toBe(410);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json()).toMatchObject({ code: 'package_unavailable', message: 'This download link is invalid, has expired or has been used up.' });
  }

  it('serves the download page on GET, whose look-up tells until when and how often, using no download', async () => {
    const { token, packageId } = await aPackage(randomBytes(1000));
    for (let i = 0; i < 3; i++) {
      const response = await page(token);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.body).toContain('<div id="root"></div>');
      const link = await lookup(token);
      expect(link.statusCode).toBe(200);
      expect(link.headers['cache-control']).toBe('no-store');
      expect(link.headers['referrer-policy']).toBe('no-referrer');
      expect(link.json()).toEqual({ expiresAt: new Date(h.clock.now().getTime() + 7 * 86_400_000).toISOString(), downloadsRemaining: MAX_DOWNLOADS });
    }
    expect(await remaining(packageId)).toBe(MAX_DOWNLOADS);
    expect(await downloadEvents(packageId)).toHaveLength(0);
  });

  it('answers a refused download in the browser’s language', async () => {
    const response = await h.app.inject({
      method: 'POST',
      url: '/requests/download',
      payload: new URLSearchParams({ token: newToken() }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'de-DE,de;q=0.9,en;q=0.8' },
    });
    expect(response.statusCode).toBe(410);
    expect(response.body).toContain('<html lang="de">');
    expect(response.body).toContain('Dieser Download-Link funktioniert nicht mehr');
  });

  it('streams the exact bytes on POST, counts down, audits each download and then answers 410', async () => {
    // Larger than one encryption chunk, so the stream is decrypted across chunk boundaries.
    const content = randomBytes(300_000);
    const { token, packageId } = await aPackage(content);

    for (let used = 1; used <= MAX_DOWNLOADS; used++) {
      const response = await download(token);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/zip');
      expect(response.headers['content-disposition']).toBe(`attachment; filename="${reference}-data.zip"`);
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.rawPayload.equals(content)).toBe(true);
      expect(await remaining(packageId)).toBe(MAX_DOWNLOADS - used);
      expect(await downloadEvents(packageId)).toHaveLength(used);
      if (used < MAX_DOWNLOADS) {
        expect((await lookup(token)).json()).toMatchObject({ downloadsRemaining: MAX_DOWNLOADS - used });
      }
    }
    expect(
      (await downloadEvents(packageId)).map(
        (e) => (e.data as { downloadsRemaining: number }).downloadsRemaining,
      ),
    ).toEqual([1, 0]);

    expectGone(await download(token));
    expectLinkGone(await lookup(token));
    expect(await remaining(packageId)).toBe(0);
    expect(await downloadEvents(packageId)).toHaveLength(MAX_DOWNLOADS);
  });

  it('answers 410 once the link has expired, for the page and the download alike', async () => {
    const { token, packageId } = await aPackage(Buffer.from('expiring'), { ttlMs: 3_600_000 });
    expect((await lookup(token)).statusCode).toBe(200);
    const start = h.clock.now();
    h.clock.advance(3_600_000 + 1000);
    try {
      expectLinkGone(await lookup(token));
      expectGone(await download(token));
    } finally {
      h.clock.set(start.toISOString());
    }
    expect(await remaining(packageId)).toBe(MAX_DOWNLOADS);
    expect(await downloadEvents(packageId)).toHaveLength(0);
  });

  it('answers 410 for a package whose file was deleted by the expiry job', async () => {
    const { token } = await aPackage(Buffer.from('to be expired'), { ttlMs: 1000 });
    h.clock.advance(2000);
    expect(await h.app.get(AccessPackageDelivery).expire()).toBeGreaterThanOrEqual(1);
    expectLinkGone(await lookup(token));
    expectGone(await download(token));
  });

  it('answers 410, not 500, when the row is usable but its file is gone (expiry half done, another host)', async () => {
    const { token, packageId } = await aPackage(Buffer.from('file removed underneath'));
    await rm(path.join(dir, requestId, `${packageId}.zip.rdpk`));
    expectGone(await download(token));
    // Nothing was delivered, so nothing was used up or recorded as downloaded.
    expect(await remaining(packageId)).toBe(MAX_DOWNLOADS);
    expect(await downloadEvents(packageId)).toHaveLength(0);
  });

  it('answers a garbage, missing or mangled token with 410, never a 500', async () => {
    const { token, packageId } = await aPackage(Buffer.from('untouched'));
    const garbage = [
      '',
      'x',
      newToken(),
      `${token}x`,
      token.slice(1),
      'a'.repeat(129),
      '../../etc/passwd',
      '<script>alert(1)</script>',
      "' OR 1=1 --",
      'ü'.repeat(40),
    ];
    for (const value of garbage) {
      const link = await lookup(value);
      if (value === '' || value.length > 128) {
        // Not a token at all: the look-up's validation names the field.
        expect(link.statusCode).toBe(422);
        expect(link.json()).toMatchObject({ code: 'validation_failed', fieldErrors: [{ path: 'token' }] });
      } else {
        expectLinkGone(link);
      }
      expectGone(await download(value));
    }
    const lookups = [
      await h.app.inject({ method: 'POST', url: '/api/v1/access-packages/lookup' }),
      await h.app.inject({ method: 'POST', url: '/api/v1/access-packages/lookup', payload: { token: [token] } }),
      await h.app.inject({ method: 'POST', url: '/api/v1/access-packages/lookup', payload: { token, downloads: 99 } }),
      await h.app.inject({ method: 'POST', url: '/api/v1/access-packages/lookup', payload: 'null', headers: { 'content-type': 'application/json' } }),
    ];
    for (const response of lookups) {
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({ code: 'validation_failed' });
    }
    const form = await h.app.inject({ method: 'POST', url: '/api/v1/access-packages/lookup', payload: `token=${token}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.statusCode).toBe(415);
    // The token never goes in a path, where it would be logged.
    expect((await h.app.inject({ method: 'GET', url: `/api/v1/access-packages/${token}` })).statusCode).toBe(404);
    const variants = [
      await h.app.inject({ method: 'POST', url: '/requests/download' }),
      await h.app.inject({
        method: 'POST',
        url: '/requests/download',
        payload: `token=${token}&token=${token}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
      await h.app.inject({
        method: 'POST',
        url: '/requests/download',
        payload: 'null',
        headers: { 'content-type': 'application/json' },
      }),
      await h.app.inject({
        method: 'POST',
        url: '/requests/download',
        payload: JSON.stringify({ token: [token] }),
        headers: { 'content-type': 'application/json' },
      }),
    ];
    for (const response of variants) {
      expectGone(response);
    }
    expect(await remaining(packageId)).toBe(MAX_DOWNLOADS);
    expect(await downloadEvents(packageId)).toHaveLength(0);
    // The same token still works: nothing above used it up.
    expect((await download(token)).statusCode).toBe(200);
  });

  it('leaves an audit chain that verifies', async () => {
    expect(await h.app.get(AuditTrail).verify()).toMatchObject({ ok: true });
  });
});

describe('access package links are rate limited per IP like the status', () => {
  let h: ApiHarness;

  beforeAll(async () => {
    h = await startApi({ RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_STATUS_PER_IP_PER_HOUR: '2' });
  });

  afterAll(async () => {
    await h?.close();
  });

  it('counts look-ups and downloads alike, so link tokens cannot be guessed at speed', async () => {
    const lookup = () => h.app.inject({ method: 'POST', url: '/api/v1/access-packages/lookup', payload: { token: newToken() }, remoteAddress: '198.51.100.40' });
    expect((await lookup()).statusCode).toBe(410);
    expect((await lookup()).statusCode).toBe(410);
    const limited = await lookup();
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'rate_limited' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);

    const download = await h.app.inject({
      method: 'POST',
      url: '/requests/download',
      payload: new URLSearchParams({ token: newToken() }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      remoteAddress: '198.51.100.40',
    });
    expect(download.statusCode).toBe(429);
    expect(download.headers['content-type']).toContain('text/html');
    expect(download.body).toContain('Too many attempts');
    // Another address is unaffected.
    expect((await h.app.inject({ method: 'POST', url: '/api/v1/access-packages/lookup', payload: { token: newToken() }, remoteAddress: '198.51.100.41' })).statusCode).toBe(410);
  });
});
