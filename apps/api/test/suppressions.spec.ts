import { createHash, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ApiKeyRepository, SuppressionRepository } from '@rightsdesk/data-access';
import { ApiKeyService, KeyedHash } from '@rightsdesk/workflow';
import { startApi, type ApiHarness } from './api-harness';

const sha256 = (text: string) => createHash('sha256').update(text).digest();

// The company's mailers ask before every promotional send; only a key with the scope may ask.
describe('GET /api/v1/suppressions/{sha256}', () => {
  let h: ApiHarness;
  let key: { id: string; prefix: string; key: string };
  const suppressed = sha256('opted-out@example.com');
  const other = sha256('still-subscribed@example.com');

  beforeAll(async () => {
    h = await startApi({ LOG_LEVEL: process.env.RD_TEST_LOG_LEVEL ?? 'silent' });
    key = await h.app.get(ApiKeyService).issue('mailer', ['suppressions:read']);
    expect(await h.app.get(SuppressionRepository).add([suppressed], 'test')).toBe(1);
  });

  afterAll(async () => {
    await h?.close();
  });

  const lookup = (digest: string, authorization?: string) =>
    h.app.inject({
      method: 'GET',
      url: `/api/v1/suppressions/${digest}`,
      headers: authorization === undefined ? {} : { authorization },
    });
  const lastUsed = async (id: string) =>
    (
      await h.app
        .get(DataSource)
        .query<Array<{ last_used_at: Date | null }>>(`SELECT last_used_at FROM api_key WHERE id = $1`, [id])
    )[0].last_used_at;

  it('answers suppressed with the date it was added, for a valid key, and records the key’s use', async () => {
    expect(await lastUsed(key.id)).toBeNull();
    const response = await lookup(suppressed.toString('hex'), `Bearer ${key.key}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const body = response.json<{ suppressed: boolean; since: string }>();
    expect(body).toEqual({ suppressed: true, since: expect.any(String), saleSharing: { optedOut: false, since: null } });
    const [row] = await h.app
      .get(DataSource)
      .query<Array<{ created_at: Date }>>(
        `SELECT created_at FROM suppression_entry WHERE email_sha256 = $1`,
        [suppressed],
      );
    expect(new Date(body.since).toISOString()).toBe(row.created_at.toISOString());
    expect(await lastUsed(key.id)).toEqual(h.clock.now());

    // "Last used" has minute resolution: a lookup within the minute writes nothing.
    const first = h.clock.now();
    h.clock.advance(30_000);
    expect((await lookup(suppressed.toString('hex'), `Bearer ${key.key}`)).statusCode).toBe(200);
    expect(await lastUsed(key.id)).toEqual(first);
    h.clock.advance(60_000);
    expect((await lookup(suppressed.toString('hex'), `Bearer ${key.key}`)).statusCode).toBe(200);
    expect(await lastUsed(key.id)).toEqual(h.clock.now());
  });

  it('answers not suppressed for another digest', async () => {
    const response = await lookup(other.toString('hex'), `Bearer ${key.key}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json()).toEqual({ suppressed: false, since: null, saleSharing: { optedOut: false, since: null } });
  });

  it('answers the sale/sharing opt-out beside the marketing one, each with its own date', async () => {
    const suppressions = h.app.get(SuppressionRepository);
    const saleOnly = sha256('do-not-sell@example.com');
    const both = sha256('both-lists@example.com');
    expect(await suppressions.add([saleOnly], 'test', 'sale_sharing')).toBe(1);
    expect(await suppressions.add([both], 'test', 'marketing')).toBe(1);
    h.clock.advance(5_000);
    expect(await suppressions.add([both], 'test', 'sale_sharing')).toBe(1);
    // Already on the list: adding again changes nothing.
    expect(await suppressions.add([both], 'again', 'sale_sharing')).toBe(0);

    const sale = (await lookup(saleOnly.toString('hex'), `Bearer ${key.key}`)).json<Record<string, unknown>>();
    expect(sale).toEqual({ suppressed: false, since: null, saleSharing: { optedOut: true, since: expect.any(String) } });
    const answer = (await lookup(both.toString('hex'), `Bearer ${key.key}`)).json<{ since: string; saleSharing: { since: string } }>();
    expect(answer).toEqual({ suppressed: true, since: expect.any(String), saleSharing: { optedOut: true, since: expect.any(String) } });
    const rows = await h.app
      .get(DataSource)
      .query<Array<{ list: string; created_at: Date }>>(`SELECT list, created_at FROM suppression_entry WHERE email_sha256 = $1 ORDER BY list`, [both]);
    expect(rows.map((row) => row.list)).toEqual(['marketing', 'sale_sharing']);
    expect(answer.since).toBe(rows[0].created_at.toISOString());
    expect(answer.saleSharing.since).toBe(rows[1].created_at.toISOString());
  });

  it('refuses a path that is not a lower-case hex sha256 with 422, field by field', async () => {
    for (const path of [
      'not-a-digest',
      'g'.repeat(64),
      suppressed.toString('hex').toUpperCase(),
      suppressed.toString('hex').slice(1),
      `${suppressed.toString('hex')}0`,
    ]) {
      const response = await lookup(path, `Bearer ${key.key}`);
      expect(response.statusCode).toBe(422);
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.json()).toMatchObject({
        code: 'validation_failed',
        fieldErrors: [expect.objectContaining({ path: 'sha256' })],
      });
    }
  });

  it('refuses every request without a valid key with the same JSON 401, and reveals nothing', async () => {
    const digest = suppressed.toString('hex');
    const wrongSecret = `rdk_${key.prefix}_${'A'.repeat(43)}`;
    const unknownPrefix = key.key.replace(key.prefix, 'ffffffffffff');
    const attempts: Array<string | undefined> = [
      undefined,
      '',
      'Bearer',
      'Bearer ',
      'Bearer not-a-key',
      `Basic ${Buffer.from(`mailer:${key.key}`).toString('base64')}`,
      key.key,
      `Bearer ${key.key}x`,
      `Bearer ${wrongSecret}`,
      `Bearer ${unknownPrefix}`,
      `Bearer ${key.key} ${key.key}`,
    ];
    for (const authorization of attempts) {
      const response = await lookup(digest, authorization);
      expect({ authorization, status: response.statusCode }).toEqual({ authorization, status: 401 });
      expect(response.headers['content-type']).toContain('application/json');
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.json()).toEqual({
        code: 'unauthorized',
        message: expect.any(String),
        requestId: expect.any(String),
      });
      expect(response.body).not.toContain('suppressed');
    }
    // The guard runs before validation: without a key even a bad path says 401, not 422.
    expect((await lookup('not-a-digest')).statusCode).toBe(401);
  });

  it('refuses a valid key without the suppressions:read scope', async () => {
    const noScopes = await h.app.get(ApiKeyService).issue('no scopes', []);
    expect((await lookup(suppressed.toString('hex'), `Bearer ${noScopes.key}`)).statusCode).toBe(401);

    // A scope this api does not know (written straight to the table, as a future version might).
    const secret = 'B'.repeat(43);
    const prefix = 'abcdefabcdef';
    await h.app.get(ApiKeyRepository).add({
      id: randomUUID(),
      name: 'other scope',
      prefix,
      secretHash: h.app.get(KeyedHash).token(secret),
      scopes: ['suppressions:write'],
    });
    const response = await lookup(suppressed.toString('hex'), `Bearer rdk_${prefix}_${secret}`);
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'unauthorized' });
    const unused = await h.app
      .get(DataSource)
      .query<Array<{ n: number }>>(
        `SELECT count(*)::int AS n FROM api_key WHERE id <> $1 AND last_used_at IS NOT NULL`,
        [key.id],
      );
    expect(unused[0].n).toBe(0);
  });

  it('refuses a revoked key', async () => {
    const revocable = await h.app.get(ApiKeyService).issue('revocable', ['suppressions:read']);
    expect((await lookup(other.toString('hex'), `Bearer ${revocable.key}`)).statusCode).toBe(200);
    expect(await h.app.get(ApiKeyService).revoke(revocable.prefix)).toBe(true);
    const response = await lookup(other.toString('hex'), `Bearer ${revocable.key}`);
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'unauthorized' });
    // Revoking again changes nothing; the other key still works.
    expect(await h.app.get(ApiKeyService).revoke(revocable.prefix)).toBe(false);
    expect((await lookup(other.toString('hex'), `Bearer ${key.key}`)).statusCode).toBe(200);
  });

  it('opens no other method on the route', async () => {
    for (const method of ['POST', 'PUT', 'DELETE'] as const) {
      const response = await h.app.inject({
        method,
        url: `/api/v1/suppressions/${other.toString('hex')}`,
        headers: { authorization: `Bearer ${key.key}` },
      });
      expect(response.statusCode).toBe(404);
    }
  });
});
