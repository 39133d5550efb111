import { DataSource } from 'typeorm';
import { PrivacyRequestRepository } from '@rightsdesk/data-access';
import { AuditTrail, IntakeService } from '@rightsdesk/workflow';
import { startApi, type ApiHarness } from './api-harness';
import { anOfficer, type ConsoleSession, signIn, type TestOfficer } from './console-harness';

interface AuditItem {
  id: string;
  at: string;
  requestId: string | null;
  action: string;
  actor: { type: string; id: string | null; displayName: string | null };
  fromStatus: string | null;
  toStatus: string | null;
  reason: string | null;
  data: Record<string, unknown> | null;
}

interface AuditPage {
  items: AuditItem[];
  nextCursor: string | null;
}

describe('console audit trail: GET /api/v1/console/audit', () => {
  let h: ApiHarness;
  let officer: TestOfficer;
  let asOfficer: ConsoleSession;
  let asAuditor: ConsoleSession;
  let late: { id: string; reference: string };
  let early: { id: string; reference: string };

  const db = () => h.app.get(DataSource);

  async function page(query: string, session: ConsoleSession = asOfficer): Promise<AuditPage> {
    const response = await session.get(`/api/v1/console/audit${query}`);
    if (response.statusCode !== 200) {
      throw new Error(`${query}: ${response.statusCode} ${response.body}`);
    }
    return response.json<AuditPage>();
  }

  async function file(email: string, at: string): Promise<{ id: string; reference: string }> {
    h.clock.set(at);
    const { reference } = await h.app
      .get(IntakeService)
      .file({ type: 'access', email, country: 'DE', language: 'en' });
    const request = await h.app.get(PrivacyRequestRepository).findByReference(reference);
    return { id: request!.id, reference };
  }

  async function idsNewestFirst(where = 'TRUE', params: unknown[] = []): Promise<string[]> {
    const rows = await db().query<Array<{ id: string }>>(
      `SELECT id::text AS id FROM audit_event WHERE ${where} ORDER BY id DESC`,
      params,
    );
    return rows.map((row) => row.id);
  }

  beforeAll(async () => {
    h = await startApi();
    // One request a millisecond before midnight UTC, one at midnight: the date filters' edges.
    early = await file('early@example.com', '2026-11-20T23:59:59.999Z');
    late = await file('late@example.com', '2026-11-21T00:00:00.000Z');
    h.clock.set('2026-11-22T10:00:00.000Z');
    officer = await anOfficer(h, 'officer', { displayName: 'Olga Officer' });
    asOfficer = await signIn(h, officer);
    asAuditor = await signIn(h, await anOfficer(h, 'auditor'));
    expect((await asOfficer.get(`/api/v1/console/requests/${early.id}`)).statusCode).toBe(200);
  });

  afterAll(async () => {
    await h.close();
  });

  it('lists every event, newest first', async () => {
    const all = await page('?limit=100');
    expect(all.items.map((i) => i.id)).toEqual(await idsNewestFirst());
    expect(all.nextCursor).toBeNull();
    expect(all.items[0]).toEqual({
      id: expect.stringMatching(/^\d+$/),
      at: '2026-11-22T10:00:00.000Z',
      requestId: early.id,
      action: 'request_viewed',
      actor: { type: 'officer', id: officer.id, displayName: 'Olga Officer' },
      fromStatus: null,
      toStatus: null,
      reason: null,
      data: null,
    });
    // Audit rows hold ids, statuses and codes: no email address ever appears.
    expect(JSON.stringify(all)).not.toMatch(/early@example\.com|late@example\.com/);
  });

  it('filters by request', async () => {
    const events = await page(`?requestId=${early.id}`);
    expect(events.items.map((i) => i.action)).toEqual(['request_viewed', 'request_received']);
    expect(events.items.every((i) => i.requestId === early.id)).toBe(true);
    expect(events.items[1]).toMatchObject({
      at: '2026-11-20T23:59:59.999Z',
      actor: { type: 'requester', displayName: null },
      toStatus: 'pending_verification',
    });
  });

  it('filters by action and by actor', async () => {
    const received = await page('?action=request_received');
    expect(received.items.map((i) => i.requestId)).toEqual([late.id, early.id]);

    const byOfficer = await page(`?actorId=${officer.id}`);
    expect(byOfficer.items.map((i) => i.id)).toEqual(await idsNewestFirst('actor_id = $1', [officer.id]));
    expect(byOfficer.items.map((i) => i.action)).toEqual(['request_viewed', 'officer_signed_in']);

    expect((await page(`?actorId=${officer.id}&action=officer_signed_in`)).items).toHaveLength(1);
    expect((await page('?action=no_such_action')).items).toEqual([]);
  });

  it('filters by UTC date, both ends inclusive', async () => {
    const ids = (p: AuditPage) => p.items.map((i) => i.requestId);
    expect(ids(await page('?action=request_received&to=2026-11-20'))).toEqual([early.id]);
    expect(ids(await page('?action=request_received&from=2026-11-21'))).toEqual([late.id]);
    expect(ids(await page('?action=request_received&from=2026-11-21&to=2026-11-21'))).toEqual([late.id]);
    expect(ids(await page('?action=request_received&from=2026-11-20&to=2026-11-21'))).toEqual([
      late.id,
      early.id,
    ]);
    expect((await page('?from=2026-11-23')).items).toEqual([]);
    const onTheTwentySecond = await page('?from=2026-11-22&to=2026-11-22&limit=100');
    expect(onTheTwentySecond.items.map((i) => i.id)).toEqual(
      await idsNewestFirst(`occurred_at >= '2026-11-22T00:00:00Z'`),
    );
  });

  it.each([1, 2, 3])('pages with limit %i: every event exactly once, newest first', async (limit) => {
    const expected = await idsNewestFirst();
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const next: AuditPage = await page(`?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(next.items.length).toBeLessThanOrEqual(limit);
      seen.push(...next.items.map((i) => i.id));
      cursor = next.nextCursor;
      pages += 1;
    } while (cursor !== null && pages < 100);
    expect(seen).toEqual(expected);
    expect(pages).toBe(Math.ceil(expected.length / limit));
  });

  it('pages within a filter', async () => {
    const first = await page('?action=request_received&limit=1');
    expect(first.items.map((i) => i.requestId)).toEqual([late.id]);
    const second = await page(`?action=request_received&limit=1&cursor=${first.nextCursor}`);
    expect(second.items.map((i) => i.requestId)).toEqual([early.id]);
    expect(second.nextCursor).toBeNull();
  });

  it.each([
    ['a request id that is not a uuid', '?requestId=RD-1234', 'requestId'],
    ['a malformed date', '?from=22.11.2026', 'from'],
    ['limit 0', '?limit=0', 'limit'],
    ['limit 101', '?limit=101', 'limit'],
    ['a forged cursor', '?cursor=eyJiZWZvcmVJZCI6IjEgT1IgMT0xIn0', 'cursor'],
    ['an unknown parameter', '?actor=me', 'actor'],
    ['an overlong action', `?action=${'a'.repeat(65)}`, 'action'],
  ])('answers 422 for %s', async (_label, query, path) => {
    const response = await asOfficer.get(`/api/v1/console/audit${query}`);
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      code: 'validation_failed',
      fieldErrors: [expect.objectContaining({ path })],
    });
  });

  it('is open to auditors and closed to anyone without a session', async () => {
    const viaAuditor = await page('?limit=100', asAuditor);
    expect(viaAuditor.items.map((i) => i.id)).toEqual(await idsNewestFirst());
    expect((await asAuditor.get('/api/v1/console/audit/verification')).statusCode).toBe(200);
    for (const url of ['/api/v1/console/audit', '/api/v1/console/audit/verification']) {
      expect((await h.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    }
  });

  // Last: it breaks the chain of this file's database on purpose.
  it('reports the chain verification, and names the first broken link', async () => {
    const [{ n }] = await db().query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM audit_chain`);
    const intact = await asOfficer.get('/api/v1/console/audit/verification');
    expect(intact.statusCode).toBe(200);
    expect(intact.json()).toEqual({ ok: true, checked: n, firstBroken: null });

    const [target] = await db().query<Array<{ id: string; seq: string }>>(
      `SELECT e.id, c.seq FROM audit_chain c JOIN audit_event e ON e.id = c.event_id WHERE e.request_id = $1 ORDER BY c.seq LIMIT 1`,
      [late.id],
    );
    await db().transaction(async (tx) => {
      await tx.query(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only`);
      await tx.query(`UPDATE audit_event SET to_status = 'completed' WHERE id = $1`, [target.id]);
      await tx.query(`ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only`);
    });
    const broken = await asAuditor.get('/api/v1/console/audit/verification');
    expect(broken.statusCode).toBe(200);
    expect(broken.json()).toEqual({
      ok: false,
      checked: expect.any(Number),
      firstBroken: { sequence: String(target.seq), reason: 'hash_mismatch' },
    });
    expect(broken.json()).toEqual({
      ...(await h.app.get(AuditTrail).verify()),
      firstBroken: { sequence: String(target.seq), reason: 'hash_mismatch' },
    });
  });
});
