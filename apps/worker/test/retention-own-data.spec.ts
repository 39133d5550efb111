import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Test, type TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { type AppConfig, ConfigModule, loadConfig } from '@rightsdesk/config';
import {
  AccessPackageRepository,
  AuditRepository,
  DatabaseTransactions,
  OfficerSessionRepository,
  type PrivacyRequestEntity,
  PrivacyRequestRepository,
} from '@rightsdesk/data-access';
import { type IntakeInput, RequestException, type RetentionAction } from '@rightsdesk/domain';
import { testEnv } from '@rightsdesk/testing';
import {
  AuditTrail,
  Clock,
  ConsoleMetrics,
  FieldCipher,
  InformationRequests,
  IntakeService,
  KeyedHash,
  OfficerAccounts,
  OwnDataRetentionTasks,
  PackageStore,
  RequestDenial,
  RequestDetailService,
  RequesterReplies,
  RequestQueue,
  RequestStatusService,
  type RetentionTask,
  UnverifiedExpiryService,
  VerificationService,
  WorkflowModule,
} from '@rightsdesk/workflow';

/** Time stands where the test puts it. */
class TestClock extends Clock {
  private current = new Date('2026-11-25T10:00:00.000Z');

  override now(): Date {
    return new Date(this.current);
  }

  set(iso: string): void {
    this.current = new Date(iso);
  }
}

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n');

describe('retention: Rightsdesk’s own data', () => {
  const clock = new TestClock();
  let moduleRef: TestingModule;
  let config: AppConfig;
  let cleanup: () => Promise<void>;
  let dir: string;
  let officerId: string;

  const get = <T>(type: new (...args: never[]) => T): T => moduleRef.get(type);
  const db = () => get(DataSource);
  const task = (id: string): RetentionTask => {
    const found = get(OwnDataRetentionTasks).tasks().find((t) => t.id === id);
    if (!found) {
      throw new Error(`no task ${id}`);
    }
    return found;
  };

  /** Runs a task to its end from the start, as the engine does; returns what it did. */
  async function drain(t: RetentionTask, asOf: Date, limit = 1000): Promise<{ affected: number; batches: number }> {
    let cursor: string | null = null;
    let affected = 0;
    let batches = 0;
    do {
      const batch = await t.batch(asOf, cursor, limit);
      affected += batch.affected;
      batches += 1;
      expect(batch.longestStatementMs).toBeGreaterThanOrEqual(0);
      cursor = batch.cursor;
    } while (cursor !== null && batches < 100);
    return { affected, batches };
  }

  /** The newest link to `page` in an email the request queued (read from the outbox as the sender would). */
  async function linkInOutbox(requestId: string, template: string, param: 'verifyUrl' | 'statusUrl'): Promise<URL> {
    const rows = await db().query<Array<{ payload: Buffer }>>(
      `SELECT payload FROM outbox_message WHERE request_id = $1 AND template = $2 AND payload IS NOT NULL ORDER BY created_at DESC LIMIT 1`,
      [requestId, template],
    );
    if (!rows[0]) {
      throw new Error(`no ${template} email for ${requestId}`);
    }
    const { spec } = get(FieldCipher).decryptJson<{ spec: { params: Record<string, string> } }>(rows[0].payload);
    return new URL(spec.params[param]);
  }

  async function file(email: string, input: Partial<IntakeInput> = {}): Promise<PrivacyRequestEntity> {
    const { reference } = await get(IntakeService).file({ type: 'access', email, name: 'Ada Subject', country: 'DE', language: 'en', ...input } as IntakeInput);
    return (await get(PrivacyRequestRepository).findByReference(reference))!;
  }

  /** Filed and confirmed through the emailed link; returns the request and its status token. */
  async function fileVerified(email: string, input: Partial<IntakeInput> = {}): Promise<{ request: PrivacyRequestEntity; statusToken: string }> {
    const request = await file(email, input);
    const token = (await linkInOutbox(request.id, 'verify_request', 'verifyUrl')).searchParams.get('token')!;
    const result = await get(VerificationService).verify(request.reference, token);
    if (result.outcome !== 'verified') {
      throw new Error('not verified');
    }
    return { request: (await get(PrivacyRequestRepository).findById(request.id))!, statusToken: result.statusToken };
  }

  const reload = async (id: string) => (await get(PrivacyRequestRepository).findById(id))!;
  const auditActions = async (requestId: string) => (await get(AuditRepository).findByRequest(requestId)).map((e) => e.action);
  const searchByEmail = async (email: string) =>
    (await get(RequestQueue).list({ filter: { q: email }, sort: 'due', limit: 10 }, officerId)).items.map((item) => item.id);

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'rightsdesk-retention-'));
    const env = await testEnv({ PACKAGE_DIR: path.join(dir, 'packages') });
    cleanup = env.cleanup;
    config = loadConfig(env.env);
    moduleRef = await Test.createTestingModule({ imports: [ConfigModule.forRoot(config), WorkflowModule] })
      .overrideProvider(Clock)
      .useValue(clock)
      .compile();
    await moduleRef.init();
    const { officer } = await get(OfficerAccounts).create(
      { email: 'olga.officer@privacy.example', displayName: 'Olga Officer', role: 'officer' },
      { type: 'system', id: 'cli' },
    );
    officerId = officer.id;
  });

  afterAll(async () => {
    await moduleRef?.close();
    await cleanup?.();
    await rm(dir, { recursive: true, force: true });
  });

  it('declares six rules of source rightsdesk with their actions and schedules', () => {
    const tasks = get(OwnDataRetentionTasks).tasks();
    const nightly = config.retention.defaultSchedule;
    expect(tasks.map((t) => [t.id, t.action, t.schedule, t.period])).toEqual<Array<[string, RetentionAction, unknown, string | null]>>([
      ['rightsdesk.verification_tokens', 'delete', nightly, 'PT24H'],
      ['rightsdesk.unverified_requests', 'minimize', nightly, 'P7D'],
      ['rightsdesk.access_packages', 'delete', { cron: '7 * * * *', timezone: 'UTC' }, 'P7D'],
      ['rightsdesk.request_uploads', 'delete', nightly, null],
      ['rightsdesk.request_records', 'minimize', nightly, 'P24M'],
      ['rightsdesk.officer_sessions', 'delete', nightly, 'PT12H'],
    ]);
    for (const t of tasks) {
      expect(t).toMatchObject({ source: 'rightsdesk', legalHold: false });
      expect(t.description).toMatch(/^[A-Z][^.]*\.$/);
    }
  });

  describe('verification tokens', () => {
    it('deletes used and expired links, keeps live ones and those of requests still awaiting confirmation', async () => {
      clock.set('2026-11-25T10:00:00.000Z');
      const verifiedLongAgo = (await fileVerified('token.old@example.com')).request;
      const pendingLongAgo = await file('token.pending@example.com');
      clock.set('2026-11-27T10:00:00.000Z');
      const verifiedNow = (await fileVerified('token.new@example.com')).request;
      const pendingNow = await file('token.fresh@example.com');
      const tokensOf = async (requestId: string) =>
        (await db().query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM verification_token WHERE request_id = $1`, [requestId]))[0].n;
      for (const request of [verifiedLongAgo, pendingLongAgo, verifiedNow, pendingNow]) {
        expect(await tokensOf(request.id)).toBe(1);
      }

      const asOf = clock.now();
      const t = task('rightsdesk.verification_tokens');
      const plan = await t.plan(asOf, 5);
      const oldToken = (await db().query<Array<{ id: string }>>(`SELECT id FROM verification_token WHERE request_id = $1`, [verifiedLongAgo.id]))[0].id;
      expect(plan.sampleKeys).toContain(oldToken);
      const run = await drain(t, asOf, 1);
      expect(run.affected).toBe(plan.due);

      // Used and expired: gone. Used but within its 24 hours, unused and live: kept.
      expect(await tokensOf(verifiedLongAgo.id)).toBe(0);
      expect(await tokensOf(verifiedNow.id)).toBe(1);
      expect(await tokensOf(pendingNow.id)).toBe(1);
      // Expired, but its request still awaits confirmation: a late click is told the link expired.
      expect(await tokensOf(pendingLongAgo.id)).toBe(1);
      const lateToken = (await linkInOutbox(pendingLongAgo.id, 'verify_request', 'verifyUrl')).searchParams.get('token')!;
      await expect(get(VerificationService).verify(pendingLongAgo.reference, lateToken)).rejects.toMatchObject({ code: 'verification_expired' });

      // Once the request expired unconfirmed its link goes too.
      clock.set('2026-12-03T10:00:00.000Z');
      await get(UnverifiedExpiryService).expireDue();
      expect((await reload(pendingLongAgo.id)).status).toBe('expired');
      const later = clock.now();
      expect((await t.plan(later, 5)).sampleKeys.length).toBeGreaterThan(0);
      await drain(t, later);
      expect(await tokensOf(pendingLongAgo.id)).toBe(0);
      expect(await t.plan(later, 5)).toEqual({ due: 0, sampleKeys: [] });
      expect(await t.batch(later, null, 10)).toMatchObject({ affected: 0, cursor: null });
    });
  });

  describe('unverified requests', () => {
    it('minimizes requests that expired unconfirmed at once and leaves pending ones alone', async () => {
      clock.set('2027-01-10T10:00:00.000Z');
      const expiring = await file('unverified.gone@example.com', { type: 'erasure' });
      clock.set('2027-01-18T10:00:00.000Z');
      const pending = await file('unverified.pending@example.com', { type: 'erasure' });
      await get(UnverifiedExpiryService).expireDue();
      expect((await reload(expiring.id)).status).toBe('expired');
      expect((await reload(pending.id)).status).toBe('pending_verification');
      expect(await searchByEmail('unverified.gone@example.com')).toEqual([expiring.id]);

      const asOf = clock.now();
      const t = task('rightsdesk.unverified_requests');
      const plan = await t.plan(asOf, 10);
      expect(plan.sampleKeys).toContain(expiring.id);
      expect(plan.sampleKeys).not.toContain(pending.id);
      const run = await drain(t, asOf);
      expect(run.affected).toBe(plan.due);

      const gone = await reload(expiring.id);
      expect(gone.minimizedAt).not.toBeNull();
      expect(gone.personalData.length).toBe(0);
      expect(() => get(FieldCipher).decryptJson(gone.personalData)).toThrow();
      expect(gone.emailLookup.equals(get(KeyedHash).email('unverified.gone@example.com'))).toBe(false);
      expect(gone.emailLookup.length).toBe(32);
      expect(gone).toMatchObject({ status: 'expired', type: 'erasure', regime: expiring.regime, receivedOn: expiring.receivedOn, verifiedAt: null });
      expect(await searchByEmail('unverified.gone@example.com')).toEqual([]);
      const [outbox] = await db().query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM outbox_message WHERE request_id = $1 AND payload IS NOT NULL`, [expiring.id]);
      expect(outbox.n).toBe(0);
      const events = (await get(AuditRepository).findByRequest(expiring.id)).filter((e) => e.action === 'request_minimized');
      expect(events.map((e) => ({ actorType: e.actorType, data: e.data }))).toEqual([{ actorType: 'system', data: { rule: 'rightsdesk.unverified_requests' } }]);

      const untouched = await reload(pending.id);
      expect(untouched.minimizedAt).toBeNull();
      expect(get(FieldCipher).decryptJson<{ email: string }>(untouched.personalData).email).toBe('unverified.pending@example.com');
      expect(await searchByEmail('unverified.pending@example.com')).toEqual([pending.id]);

      // Again: nothing left to do, nothing changes, no second event.
      expect(await t.plan(asOf, 10)).toEqual({ due: 0, sampleKeys: [] });
      expect(await t.batch(asOf, null, 10)).toMatchObject({ affected: 0, cursor: null });
      expect(await reload(expiring.id)).toMatchObject({ version: gone.version, minimizedAt: gone.minimizedAt });
      expect((await auditActions(expiring.id)).filter((a) => a === 'request_minimized')).toHaveLength(1);
    });
  });

  describe('access packages', () => {
    it('deletes expired packages’ files in batches, marks the rows and audits each once', async () => {
      clock.set('2027-02-01T10:00:00.000Z');
      const request = await file('package.owner@example.com');
      const store = get(PackageStore);
      const addPackage = async (expiresAt: Date): Promise<string> => {
        const id = randomUUID();
        const writer = store.packageWriter(request.id, id);
        writer.stream.end(Buffer.from('PK\x03\x04 a zip, as far as this test cares'));
        const { bytes, sha256 } = await writer.done();
        await get(DatabaseTransactions).run((tx) =>
          get(AccessPackageRepository).add(tx, { id, requestId: request.id, tokenHash: randomBytes(32), expiresAt, downloadsRemaining: 3, bytes: String(bytes), sha256 }),
        );
        return id;
      };
      const now = clock.now();
      const expired = [await addPackage(new Date(now.getTime() - HOUR)), await addPackage(new Date(now.getTime() - DAY))].sort();
      const live = await addPackage(new Date(now.getTime() + 6 * DAY));

      const t = task('rightsdesk.access_packages');
      const plan = await t.plan(now, 10);
      expect(plan).toEqual({ due: 2, sampleKeys: expired });

      const first = await t.batch(now, null, 1);
      expect(first).toMatchObject({ affected: 1, cursor: expired[0] });
      expect(await store.hasPackage(request.id, expired[0])).toBe(false);
      expect(await store.hasPackage(request.id, expired[1])).toBe(true);
      const second = await t.batch(now, first.cursor, 1);
      expect(second).toMatchObject({ affected: 1, cursor: expired[1] });
      // A crash before the engine saved the cursor: the batch runs again and changes nothing.
      expect(await t.batch(now, first.cursor, 1)).toMatchObject({ affected: 0, cursor: null });
      expect(await t.batch(now, second.cursor, 1)).toMatchObject({ affected: 0, cursor: null });
      // Two writers marking the same package (the legacy expiry job and a run): one marks and audits.
      const event = get(AuditTrail).event({ requestId: request.id, actorType: 'system', action: 'access_package_deleted', data: { packageId: expired[0], reason: 'expired' } });
      expect(await get(AccessPackageRepository).markDeleted([expired[0]], now, [event])).toBe(0);

      expect(await store.hasPackage(request.id, expired[1])).toBe(false);
      expect(await store.hasPackage(request.id, live)).toBe(true);
      const rows = await db().query<Array<{ id: string; deleted_at: Date | null }>>(`SELECT id, deleted_at FROM access_package WHERE request_id = $1`, [request.id]);
      expect(rows.filter((row) => row.deleted_at !== null).map((row) => row.id).sort()).toEqual(expired);
      const deletions = (await get(AuditRepository).findByRequest(request.id)).filter((e) => e.action === 'access_package_deleted');
      expect(deletions.map((e) => e.data).sort((a, b) => String(a?.packageId).localeCompare(String(b?.packageId)))).toEqual(
        expired.map((packageId) => ({ packageId, reason: 'expired' })),
      );
      expect(await t.plan(now, 10)).toEqual({ due: 0, sampleKeys: [] });
    });
  });

  describe('request uploads', () => {
    async function withUpload(email: string): Promise<PrivacyRequestEntity> {
      const { request } = await fileVerified(email);
      await get(InformationRequests).ask(request.id, officerId, 'Please send a proof of identity.');
      const statusToken = (await linkInOutbox(request.id, 'information_requested', 'statusUrl')).searchParams.get('token')!;
      await get(RequesterReplies).reply(request.reference, statusToken, {
        message: 'Here it is.',
        files: [{ fileName: 'passport.pdf', declaredType: 'application/pdf', content: PDF }],
      });
      return request;
    }
    const attachmentsOf = (requestId: string) =>
      db().query<Array<{ id: string; content: Buffer | null; file_name: Buffer | null; deleted_at: Date | null }>>(
        `SELECT id, content, file_name, deleted_at FROM request_attachment WHERE request_id = $1`,
        [requestId],
      );

    it('erases what decided requests still hold and leaves undecided requests’ uploads', async () => {
      clock.set('2027-03-01T10:00:00.000Z');
      const undecided = await withUpload('upload.waiting@example.com');
      const lapsed = await withUpload('upload.lapsed@example.com');
      const denied = await withUpload('upload.denied@example.com');
      await get(RequestDenial).deny(denied.id, { reason: 'identity_not_verified', message: 'The document did not match.' }, officerId);
      // Asked again and never answered: the request expires on hold (a decision that, unlike
      // approve, deny and cancel, erases nothing itself). Written directly: no workflow does it yet.
      await get(InformationRequests).ask(lapsed.id, officerId, 'And the other side, please.');
      await db().query(`UPDATE privacy_request SET status = 'expired', closed_at = $2 WHERE id = $1`, [lapsed.id, clock.now()]);
      const [lapsedUpload] = await attachmentsOf(lapsed.id);
      expect(lapsedUpload.content).not.toBeNull();
      expect((await attachmentsOf(denied.id))[0].content).toBeNull();

      const asOf = clock.now();
      const t = task('rightsdesk.request_uploads');
      const plan = await t.plan(asOf, 10);
      expect(plan).toEqual({ due: 1, sampleKeys: [lapsedUpload.id] });
      const run = await drain(t, asOf);
      expect(run.affected).toBe(plan.due);

      const [erased] = await attachmentsOf(lapsed.id);
      expect(erased).toMatchObject({ id: lapsedUpload.id, content: null, file_name: null });
      expect(erased.deleted_at).not.toBeNull();
      const [kept] = await attachmentsOf(undecided.id);
      expect(get(FieldCipher).decryptBytes(kept.content!).equals(PDF)).toBe(true);
      expect(kept.deleted_at).toBeNull();
      expect(await t.batch(asOf, null, 10)).toMatchObject({ affected: 0, cursor: null });
    });
  });

  describe('request records', () => {
    it('minimizes requests closed more than 24 months ago; metrics, the CCPA report and the console still count and show them', async () => {
      clock.set('2024-10-01T09:00:00.000Z');
      const old = await fileVerified('record.old@example.com', { type: 'access', country: 'US', region: 'US-CA' });
      await get(InformationRequests).ask(old.request.id, officerId, 'Which accounts?');
      await get(RequestDenial).deny(old.request.id, { reason: 'identity_not_verified', message: 'We could not confirm it is you.' }, officerId);
      const oldStatusToken = (await linkInOutbox(old.request.id, 'request_denied', 'statusUrl')).searchParams.get('token')!;
      clock.set('2024-12-01T09:00:00.000Z');
      const recent = await fileVerified('record.recent@example.com', { type: 'access', country: 'US', region: 'US-CA' });
      await get(RequestDenial).deny(recent.request.id, { reason: 'identity_not_verified', message: 'We could not confirm it is you.' }, officerId);
      const recentStatusToken = (await linkInOutbox(recent.request.id, 'request_denied', 'statusUrl')).searchParams.get('token')!;

      // 2026-11-15: one closed 2024-10-01 (25 months and a half ago), one closed 2024-12-01 (23 and a half).
      clock.set('2026-11-15T09:00:00.000Z');
      const asOf = clock.now();
      const metrics = get(ConsoleMetrics);
      const oldDay = old.request.receivedOn;
      const reportBefore = await metrics.report({ from: oldDay, to: oldDay });
      expect(reportBefore.received.total).toBe(1);
      expect(reportBefore.closed.overall.denied).toBe(1);
      const csvBefore = await metrics.ccpaCsv(2024, 'ccpa');
      expect(csvBefore).toMatch(/^know,2,0,2,/m);
      expect(await searchByEmail('record.old@example.com')).toEqual([old.request.id]);
      await expect(get(RequestStatusService).publicStatus(old.request.reference, oldStatusToken)).resolves.toMatchObject({ status: 'denied' });

      const before = await reload(old.request.id);
      expect(before.holds).toHaveLength(1);
      const t = task('rightsdesk.request_records');
      const plan = await t.plan(asOf, 10);
      expect(plan).toEqual({ due: 1, sampleKeys: [old.request.id] });
      const run = await drain(t, asOf);
      expect(run.affected).toBe(1);

      const gone = await reload(old.request.id);
      expect(gone.minimizedAt).toEqual(asOf);
      expect(gone.personalData.length).toBe(0);
      expect(gone.statusTokenHash).toBeNull();
      const kept = ['reference', 'type', 'status', 'regime', 'country', 'region', 'language', 'channel', 'receivedAt', 'receivedOn', 'dueOn', 'dueExplanation', 'extended', 'holds', 'denyReason', 'verifiedAt', 'closedAt'] as const;
      for (const field of kept) {
        expect([field, gone[field]]).toEqual([field, before[field]]);
      }
      expect(gone).toMatchObject({ status: 'denied', regime: 'ccpa', country: 'US', region: 'US-CA', closedAt: new Date('2024-10-01T09:00:00.000Z') });
      const [left] = await db().query<Array<{ messages: number; tokens: number; subject: number }>>(
        `SELECT (SELECT count(*)::int FROM request_message WHERE request_id = $1) AS messages,
                (SELECT count(*)::int FROM verification_token WHERE request_id = $1) AS tokens,
                (SELECT count(*)::int FROM outbox_message WHERE request_id = $1 AND payload IS NOT NULL) AS subject`,
        [old.request.id],
      );
      expect(left).toEqual({ messages: 0, tokens: 0, subject: 0 });
      expect(await searchByEmail('record.old@example.com')).toEqual([]);
      await expect(get(RequestStatusService).publicStatus(old.request.reference, oldStatusToken)).rejects.toMatchObject({ code: 'not_found' });
      const events = (await get(AuditRepository).findByRequest(old.request.id)).filter((e) => e.action === 'request_minimized');
      expect(events.map((e) => e.data)).toEqual([{ rule: 'rightsdesk.request_records' }]);

      // Counted as before.
      expect(await metrics.report({ from: oldDay, to: oldDay })).toEqual(reportBefore);
      expect(await metrics.ccpaCsv(2024, 'ccpa')).toBe(csvBefore);

      // The console shows the record as minimized: no requester, no conversation, no actions.
      const detail = await get(RequestDetailService).show(old.request.id, { id: officerId, role: 'officer' });
      expect(detail.request).toMatchObject({ reference: old.request.reference, status: 'denied', minimizedAt: asOf.toISOString() });
      expect(detail.subject).toEqual({ email: '', name: null, details: null });
      expect(detail.conversation).toEqual([]);
      expect(detail.actions).toEqual([]);
      expect(detail.timeline.map((e) => e.action)).toEqual(expect.arrayContaining(['request_denied', 'request_minimized']));
      await expect(get(RequestDenial).deny(old.request.id, { reason: 'excessive', message: 'x' }, officerId)).rejects.toBeInstanceOf(RequestException);

      // The one closed 23 months ago keeps everything.
      const recentRow = await reload(recent.request.id);
      expect(recentRow.minimizedAt).toBeNull();
      expect(get(FieldCipher).decryptJson<{ email: string }>(recentRow.personalData).email).toBe('record.recent@example.com');
      await expect(get(RequestStatusService).publicStatus(recent.request.reference, recentStatusToken)).resolves.toMatchObject({ status: 'denied' });
      expect((await get(RequestDetailService).show(recent.request.id, { id: officerId, role: 'officer' })).subject.email).toBe('record.recent@example.com');

      // Idempotent: again, nothing.
      expect(await t.batch(asOf, null, 10)).toMatchObject({ affected: 0, cursor: null });
      expect((await auditActions(old.request.id)).filter((a) => a === 'request_minimized')).toHaveLength(1);
      // Its time comes once it too is 24 months closed.
      const later = new Date('2026-12-02T09:00:00.000Z');
      expect((await t.plan(later, 10)).sampleKeys).toContain(recent.request.id);
      // The events the batches inserted (several per statement) are linked into the hash chain.
      expect(await get(AuditTrail).verify()).toMatchObject({ ok: true });
    });
  });

  describe('officer sessions', () => {
    it('deletes sessions past their absolute expiry or revoked over a day ago, resuming by cursor', async () => {
      clock.set('2027-04-01T10:00:00.000Z');
      const asOf = clock.now();
      const t = task('rightsdesk.officer_sessions');
      await drain(t, asOf);
      const sessions = get(OfficerSessionRepository);
      const addSession = async (expiresAt: Date, revokedAt: Date | null = null): Promise<string> => {
        const id = randomUUID();
        await sessions.add({ id, tokenHash: randomBytes(32), csrfHash: randomBytes(32), officerId, enrolmentOnly: false, lastSeenAt: new Date(asOf.getTime() - 2 * HOUR), expiresAt });
        if (revokedAt) {
          await sessions.revoke(id, revokedAt);
        }
        return id;
      };
      const due = [
        await addSession(new Date(asOf.getTime() - HOUR)),
        await addSession(new Date(asOf.getTime() - 3 * DAY)),
        await addSession(new Date(asOf.getTime() + 10 * HOUR), new Date(asOf.getTime() - 2 * DAY)),
      ].sort();
      const live = await addSession(new Date(asOf.getTime() + 10 * HOUR));
      const revokedRecently = await addSession(new Date(asOf.getTime() + 11.5 * HOUR), new Date(asOf.getTime() - HOUR));

      expect(await t.plan(asOf, 2)).toEqual({ due: 3, sampleKeys: due.slice(0, 2) });
      const first = await t.batch(asOf, null, 1);
      const second = await t.batch(asOf, first.cursor, 1);
      const third = await t.batch(asOf, second.cursor, 1);
      expect([first, second, third].map((b) => [b.affected, b.cursor])).toEqual(due.map((id) => [1, id]));
      expect(await t.batch(asOf, third.cursor, 1)).toMatchObject({ affected: 0, cursor: null });

      const left = await db().query<Array<{ id: string }>>(`SELECT id FROM officer_session WHERE id = ANY($1::uuid[]) ORDER BY id`, [[...due, live, revokedRecently]]);
      expect(left.map((row) => row.id)).toEqual([live, revokedRecently].sort());
      expect(await t.plan(asOf, 2)).toEqual({ due: 0, sampleKeys: [] });
      // The live one goes once it expires; the recently revoked one a day after its revocation.
      expect((await t.plan(new Date(asOf.getTime() + 11 * HOUR), 5)).sampleKeys).toEqual([live]);
      expect((await t.plan(new Date(asOf.getTime() + 23 * HOUR), 5)).sampleKeys).toEqual([live, revokedRecently].sort());
    });
  });
});
