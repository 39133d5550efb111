import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { ApiKeyService, AuditTrail, ConsoleSettingsService } from '@rightsdesk/workflow';
import { type ApiHarness, emailTo, startApi } from './api-harness';
import { anAddress, auditOf, statusTokenOf, stored } from './clock-actions-fixtures';
import { anOfficer } from './console-harness';

// The company's own app files for a user it has signed in: an API key with requests:create.
describe('POST /api/v1/requests/verified', () => {
  let h: ApiHarness;
  let dir: string;
  let filer: { id: string; key: string };
  let mailer: { id: string; key: string };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'rightsdesk-verified-'));
    const dataMapPath = path.join(dir, 'datamap.yaml');
    await writeFile(dataMapPath, 'version: 1\nsystems:\n  suppression:\n    kind: suppression\n    title: Suppression list\n');
    h = await startApi({ LOG_LEVEL: process.env.RD_TEST_LOG_LEVEL ?? 'silent', DATAMAP_PATH: dataMapPath, PACKAGE_DIR: path.join(dir, 'packages') });
    h.clock.set('2026-11-25T10:00:00.000Z');
    filer = await h.app.get(ApiKeyService).issue('shop app', ['requests:create']);
    mailer = await h.app.get(ApiKeyService).issue('mailer', ['suppressions:read']);
  });

  afterAll(async () => {
    await h?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const fileWith = (authorization: string | undefined, body: unknown) =>
    h.app.inject({
      method: 'POST',
      url: '/api/v1/requests/verified',
      headers: { 'content-type': 'application/json', ...(authorization === undefined ? {} : { authorization }) },
      payload: JSON.stringify(body),
    });

  const idOf = async (reference: string) =>
    (await h.app.get(DataSource).query<Array<{ id: string }>>(`SELECT id FROM privacy_request WHERE reference = $1`, [reference]))[0].id;

  it('files a verified request: awaiting review at once, channel api, the status link emailed, the key audited', async () => {
    const email = anAddress('app-user');

    const response = await fileWith(`Bearer ${filer.key}`, { type: 'access', email, name: 'Grace Hopper', country: 'DE' });

    expect(response.statusCode).toBe(202);
    const body = response.json<{ reference: string; status: string }>();
    expect(body).toEqual({ reference: expect.stringMatching(/^RD-/), status: 'awaiting_review' });
    const id = await idOf(body.reference);
    expect(await stored(h, id)).toMatchObject({ status: 'awaiting_review', channel: 'api', verified_at: h.clock.now(), received_on: '2026-11-25', due_on: '2026-12-25' });
    expect(await auditOf(h, id, 'request_received')).toEqual([
      {
        action: 'request_received',
        actor_type: 'system',
        actor_id: filer.id,
        from_status: null,
        to_status: 'awaiting_review',
        data: { type: 'access', regime: 'gdpr', channel: 'api', dueOn: '2026-12-25', method: 'api_key', apiKeyId: filer.id },
      },
    ]);

    const mail = await emailTo(h, email, /working on/);
    expect(mail.text).not.toContain('/requests/verify');
    const status = await h.app.inject({ method: 'GET', url: `/api/v1/requests/${body.reference}`, headers: { 'x-status-token': statusTokenOf(mail) } });
    expect(status.json()).toMatchObject({ status: 'awaiting_review', dueOn: '2026-12-25' });
    expect(await h.app.get(AuditTrail).verify()).toMatchObject({ ok: true });
  });

  it('emails a German user in German', async () => {
    const email = anAddress('app-de');
    const response = await fileWith(`Bearer ${filer.key}`, { type: 'erasure', email, country: 'DE', language: 'de' });

    expect(response.statusCode).toBe(202);
    expect((await emailTo(h, email, /Datenschutzanfrage/)).subject).toBe(`Wir bearbeiten Ihre Datenschutzanfrage ${response.json().reference}`);
  });

  it('validates the body exactly as the portal intake does', async () => {
    const response = await fileWith(`Bearer ${filer.key}`, { type: 'access', email: 'nope', country: 'Germany', extra: true });

    expect(response.statusCode).toBe(422);
    expect(response.json<{ fieldErrors: Array<{ path: string; code: string }> }>().fieldErrors.map((e) => `${e.path}:${e.code}`).sort()).toEqual([
      'country:invalid_value',
      'email:invalid_email',
      'extra:unknown_field',
    ]);
    const form = await h.app.inject({ method: 'POST', url: '/api/v1/requests/verified', headers: { authorization: `Bearer ${filer.key}`, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'type=access' });
    expect(form.statusCode).toBe(415);
  });

  it('needs a key with requests:create; the suppression key cannot file, and the filing key cannot look up suppressions', async () => {
    const body = { type: 'access', email: anAddress('scope'), country: 'DE' };
    const count = async () => (await h.app.get(DataSource).query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM privacy_request WHERE channel = 'api'`))[0].n;
    const before = await count();

    for (const authorization of [undefined, `Bearer ${mailer.key}`, 'Bearer rdk_000000000000_' + 'A'.repeat(43), `Basic ${filer.key}`]) {
      const response = await fileWith(authorization, body);
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe('unauthorized');
    }
    expect(await count()).toBe(before);

    const digest = 'a'.repeat(64);
    const lookup = (key: string) => h.app.inject({ method: 'GET', url: `/api/v1/suppressions/${digest}`, headers: { authorization: `Bearer ${key}` } });
    expect((await lookup(filer.key)).statusCode).toBe(401);
    expect((await lookup(mailer.key)).statusCode).toBe(200);

    // A revoked key stops working at once.
    const revoked = await h.app.get(ApiKeyService).issue('old app', ['requests:create']);
    expect((await fileWith(`Bearer ${revoked.key}`, body)).statusCode).toBe(202);
    await h.app.get(ApiKeyService).revoke(revoked.key.split('_')[1]);
    expect((await fileWith(`Bearer ${revoked.key}`, body)).statusCode).toBe(401);
  });

  it('applies auto-approval as for a confirmed request', async () => {
    const admin = await anOfficer(h, 'admin');
    await h.app.get(ConsoleSettingsService).update({ autoApprove: ['opt_out'], fourEyes: ['erasure', 'child_data_removal'] }, admin.id);
    try {
      const optOut = await fileWith(`Bearer ${filer.key}`, { type: 'opt_out', email: anAddress('optout'), country: 'US', region: 'VA', details: { channels: ['email'] } });
      const access = await fileWith(`Bearer ${filer.key}`, { type: 'access', email: anAddress('access'), country: 'US', region: 'VA' });

      expect(optOut.json()).toMatchObject({ status: 'approved' });
      expect((await stored(h, await idOf(optOut.json<{ reference: string }>().reference))).status).toBe('approved');
      expect(access.json()).toMatchObject({ status: 'awaiting_review' });
    } finally {
      await h.app.get(ConsoleSettingsService).update({ autoApprove: [], fourEyes: ['erasure', 'child_data_removal'] }, admin.id);
    }
  });
});
