import { createHash, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  DatabaseTransactions,
  PrivacyRequestRepository,
  RequestAttachmentRepository,
  RequestMessageRepository,
} from '@rightsdesk/data-access';
import { AuditTrail, FieldCipher } from '@rightsdesk/workflow';
import { startApi, type ApiHarness } from './api-harness';
import { anOfficer, type ConsoleSession, signIn, type TestOfficer } from './console-harness';
import { aRequest } from './console-request-factory';
import { fileVerified } from './execution-fixtures';

interface Detail {
  request: Record<string, unknown>;
  subject: { email: string; name: string | null; details: unknown };
  assignee: { id: string; displayName: string | null } | null;
  approvalProposal: { by: { id: string; displayName: string | null }; at: string } | null;
  clock: Record<string, unknown>;
  timeline: Array<{
    at: string;
    action: string;
    actor: { type: string; id: string | null; displayName: string | null };
    fromStatus: string | null;
    toStatus: string | null;
    reason: string | null;
    data: unknown;
  }>;
  systems: Array<Record<string, unknown>>;
  actions: string[];
  emails: Array<Record<string, unknown>>;
  conversation: Array<{
    id: string;
    kind: string;
    author: Record<string, unknown>;
    body: string;
    createdAt: string;
    attachments: Array<Record<string, unknown>>;
  }>;
}

describe('console request detail: GET /api/v1/console/requests/{id}', () => {
  let h: ApiHarness;
  let alice: TestOfficer;
  let bob: TestOfficer;
  let auditor: TestOfficer;
  let asAlice: ConsoleSession;
  let asAuditor: ConsoleSession;

  const db = () => h.app.get(DataSource);

  async function detail(id: string, session: ConsoleSession = asAlice): Promise<Detail> {
    const response = await session.get(`/api/v1/console/requests/${id}`);
    if (response.statusCode !== 200) {
      throw new Error(`${response.statusCode} ${response.body}`);
    }
    expect(response.headers['content-type']).toMatch(/application\/json/);
    return response.json<Detail>();
  }

  async function viewEvents(requestId: string): Promise<
    Array<{
      actor_type: string;
      actor_id: string;
      data: unknown;
      from_status: string | null;
      to_status: string | null;
    }>
  > {
    return db().query(
      `SELECT actor_type, actor_id, data, from_status, to_status FROM audit_event WHERE request_id = $1 AND action = 'request_viewed' ORDER BY id`,
      [requestId],
    );
  }

  /** Moves the test clock and signs in again: sessions end after 30 idle minutes. */
  async function at(iso: string): Promise<void> {
    h.clock.set(iso);
    asAlice = await signIn(h, alice);
    asAuditor = await signIn(h, auditor);
  }

  beforeAll(async () => {
    h = await startApi();
    h.clock.set('2026-11-25T10:00:00.000Z');
    alice = await anOfficer(h, 'officer', { displayName: 'Alice Officer' });
    bob = await anOfficer(h, 'officer', { displayName: 'Bob Officer' });
    auditor = await anOfficer(h, 'auditor', { displayName: 'Ann Auditor' });
    await at('2026-11-25T10:00:00.000Z');
  });

  afterAll(async () => {
    await h.close();
  });

  it('shows a filed and verified request: subject, clock, timeline, emails, and logs the view', async () => {
    h.clock.set('2026-11-25T10:00:00.000Z');
    const filed = await fileVerified(h, {
      type: 'access',
      email: 'Grace.Detail@Example.com',
      name: 'Grace Detail',
      country: 'DE',
    });
    await at('2026-11-27T09:30:00.000Z');

    const body = await detail(filed.id);

    expect(body.request).toMatchObject({
      id: filed.id,
      reference: filed.reference,
      type: 'access',
      status: 'awaiting_review',
      regime: 'gdpr',
      country: 'DE',
      region: null,
      language: 'en',
      channel: 'web',
      receivedAt: '2026-11-25T10:00:00.000Z',
      receivedOn: '2026-11-25',
      dueOn: '2026-12-25',
      extended: false,
      onHold: false,
      verifiedAt: '2026-11-25T10:00:00.000Z',
      closedAt: null,
      denyReason: null,
    });
    expect(body.subject).toEqual({ email: 'grace.detail@example.com', name: 'Grace Detail', details: null });
    expect(body.actions).toEqual(['assign', 'note', 'approve', 'deny', 'extend', 'request_information', 'cancel']);
    expect(body.clock).toEqual({
      today: '2026-11-27',
      regime: 'gdpr',
      receivedOn: '2026-11-25',
      dueOn: '2026-12-25',
      originalDueOn: '2026-12-25',
      extendedDueOn: '2027-02-25',
      extended: false,
      canExtend: true,
      extensionNoticeBy: '2026-12-25',
      confirmReceiptBy: null,
      pausedDays: 0,
      holds: [],
      legalBasis: 'GDPR Art. 12(3)',
      explanation: 'due 2026-12-25: GDPR Art. 12(3), one month from receipt on 2026-11-25',
      daysLeft: 28,
    });

    // The timeline is the audit trail of the request, oldest first, ending with this very view.
    expect(body.timeline.map((e) => e.action)).toEqual([
      'request_received',
      'request_verified',
      'request_viewed',
    ]);
    expect(body.timeline[0]).toMatchObject({
      at: '2026-11-25T10:00:00.000Z',
      actor: { type: 'requester' },
      fromStatus: null,
      toStatus: 'pending_verification',
    });
    expect(body.timeline[1]).toMatchObject({
      fromStatus: 'pending_verification',
      toStatus: 'awaiting_review',
    });
    expect(body.timeline[2]).toEqual({
      at: '2026-11-27T09:30:00.000Z',
      action: 'request_viewed',
      actor: { type: 'officer', id: alice.id, displayName: 'Alice Officer' },
      fromStatus: null,
      toStatus: null,
      reason: null,
      data: null,
    });

    // The emails the request caused, without their content.
    expect(body.emails.map((e) => e.template)).toEqual(['verify_request', 'request_verified']);
    for (const email of body.emails) {
      expect(Object.keys(email).sort()).toEqual(['createdAt', 'id', 'sentAt', 'status', 'template']);
    }
    expect(body.emails[0]).toMatchObject({ status: 'sent', sentAt: expect.any(String) });
    expect(body.emails[1]).toMatchObject({ status: 'pending', sentAt: null });

    expect(body.systems).toEqual([]);
    expect(body.conversation).toEqual([]);
    expect(body.assignee).toBeNull();
    expect(body.approvalProposal).toBeNull();

    // Access to personal data is logged: the officer, nothing else.
    expect(await viewEvents(filed.id)).toEqual([
      { actor_type: 'officer', actor_id: alice.id, data: null, from_status: null, to_status: null },
    ]);
    await detail(filed.id);
    expect(await viewEvents(filed.id)).toHaveLength(2);
    expect(await h.app.get(AuditTrail).verify()).toMatchObject({ ok: true });
  });

  it('explains a paused clock (GDPR) while on hold and after', async () => {
    await at('2026-12-02T12:00:00.000Z');
    const open = await aRequest(h, {
      status: 'on_hold',
      receivedAt: '2026-11-25T08:00:00.000Z',
      holds: [{ from: '2026-11-30' }],
    });
    const openClock = (await detail(open.id)).clock;
    expect(openClock).toMatchObject({
      today: '2026-12-02',
      dueOn: '2026-12-27',
      originalDueOn: '2026-12-27',
      pausedDays: 2,
      holds: [{ from: '2026-11-30' }],
      explanation:
        'due 2026-12-27: GDPR Art. 12(3), one month from receipt on 2026-11-25, plus 2 days paused while waiting for the requester',
      daysLeft: 25,
    });

    const closed = await aRequest(h, {
      receivedAt: '2026-11-25T08:00:00.000Z',
      holds: [{ from: '2026-11-30', to: '2026-12-05' }],
    });
    expect((await detail(closed.id)).clock).toMatchObject({
      dueOn: '2026-12-30',
      pausedDays: 5,
      explanation:
        'due 2026-12-30: GDPR Art. 12(3), one month from receipt on 2026-11-25, plus 5 days paused while waiting for the requester',
    });
  });

  it('explains an extended CCPA clock that keeps running on hold, with the receipt confirmation date', async () => {
    await at('2026-12-02T12:00:00.000Z');
    // Ten California business days from Wednesday 25 November skip Thanksgiving and the day after.
    const extended = await aRequest(h, {
      regime: 'ccpa',
      type: 'erasure',
      status: 'on_hold',
      extended: true,
      receivedAt: '2026-11-25T08:00:00.000Z',
      holds: [{ from: '2026-11-30' }],
    });
    const body = await detail(extended.id);
    expect(body.request).toMatchObject({
      regime: 'ccpa',
      country: 'US',
      region: 'CA',
      extended: true,
      onHold: true,
    });
    expect(body.clock).toMatchObject({
      dueOn: '2027-02-23',
      originalDueOn: '2027-01-09',
      extendedDueOn: '2027-02-23',
      extended: true,
      canExtend: false,
      extensionNoticeBy: '2027-01-09',
      confirmReceiptBy: '2026-12-11',
      pausedDays: 0,
      legalBasis: 'Cal. Civ. Code §1798.130(a)(2)',
      explanation:
        'due 2027-02-23: Cal. Civ. Code §1798.130(a)(2), 45 days from receipt on 2026-11-25, extended by a further 45 days, the clock keeps running while on hold; confirm receipt by 2026-12-11',
    });
  });

  it('offers no extension and no days left once a request is closed', async () => {
    await at('2026-12-02T12:00:00.000Z');
    const done = await aRequest(h, {
      status: 'completed',
      receivedAt: '2026-11-25T08:00:00.000Z',
      closedAt: '2026-12-01T08:00:00.000Z',
    });
    const body = await detail(done.id);
    expect(body.request).toMatchObject({ status: 'completed', closedAt: '2026-12-01T08:00:00.000Z' });
    expect(body.clock).toMatchObject({ canExtend: false, daysLeft: null, dueOn: '2026-12-25' });
    expect(body.actions).toEqual(['assign', 'note', 'resend_access_link']);
  });

  it('shows assignee, four-eyes proposal, per-system outcomes and the decrypted conversation', async () => {
    await at('2026-11-25T10:00:00.000Z');
    const request = await aRequest(h, {
      type: 'erasure',
      status: 'failed',
      assigneeId: alice.id,
      approvalProposedBy: bob.id,
      approvalProposedAt: '2026-11-25T09:00:00.000Z',
    });
    await db().query(
      `INSERT INTO request_execution (request_id, run, subject, datamap_sha256, started_at) VALUES ($1, 1, $2, $3, '2026-11-25T09:30:00Z')`,
      [request.id, h.app.get(FieldCipher).encryptJson({ identities: {} }), 'a'.repeat(64)],
    );
    await db().query(
      `INSERT INTO system_execution (request_id, system_key, run, status, attempts, outcome, outcome_sha256, error_code, error_message, started_at, finished_at)
       VALUES ($1, 'shop', 1, 'done', 1, $2::jsonb, $3, NULL, NULL, '2026-11-25T09:30:00Z', '2026-11-25T09:31:00Z'),
              ($1, 'crm', 1, 'failed', 5, NULL, NULL, 'connection_refused', 'connect ECONNREFUSED 10.0.0.1', '2026-11-25T09:30:00Z', NULL)`,
      [
        request.id,
        JSON.stringify({
          collections: [
            { collection: 'customers', found: 1, changed: 1, actions: ['delete'] },
            { collection: 'orders', found: 3, changed: 3, actions: ['anonymize'] },
          ],
        }),
        'b'.repeat(64),
      ],
    );

    const cipher = h.app.get(FieldCipher);
    const manager = db().manager;
    const question = randomUUID();
    const answer = randomUUID();
    const note = randomUUID();
    await h.app.get(RequestMessageRepository).add(manager, {
      id: note,
      requestId: request.id,
      kind: 'note',
      authorType: 'officer',
      authorId: alice.id,
      body: cipher.encryptJson('Checked the CRM by hand.'),
    });
    await db().query(`UPDATE request_message SET created_at = '2026-11-25T09:00:00Z' WHERE id = $1`, [note]);
    await h.app.get(RequestMessageRepository).add(manager, {
      id: question,
      requestId: request.id,
      kind: 'information_request',
      authorType: 'officer',
      authorId: bob.id,
      body: cipher.encryptJson('Please send proof of address.'),
    });
    await db().query(`UPDATE request_message SET created_at = '2026-11-25T09:05:00Z' WHERE id = $1`, [
      question,
    ]);
    await h.app.get(RequestMessageRepository).add(manager, {
      id: answer,
      requestId: request.id,
      kind: 'requester_reply',
      authorType: 'requester',
      authorId: null,
      body: cipher.encryptJson('Here it is — «bill».'),
    });
    await db().query(`UPDATE request_message SET created_at = '2026-11-25T09:10:00Z' WHERE id = $1`, [
      answer,
    ]);
    const kept = randomUUID();
    const erased = randomUUID();
    const content = Buffer.from('%PDF-1.7 bill');
    const sha256 = createHash('sha256').update(content).digest('hex');
    await h.app.get(RequestAttachmentRepository).add(manager, {
      id: kept,
      requestId: request.id,
      messageId: answer,
      fileName: cipher.encryptBytes(Buffer.from('bill.pdf', 'utf8')),
      contentType: 'application/pdf',
      bytes: content.length,
      sha256,
      content: cipher.encryptBytes(content),
    });
    await h.app.get(RequestAttachmentRepository).add(manager, {
      id: erased,
      requestId: request.id,
      messageId: answer,
      fileName: null,
      contentType: 'image/png',
      bytes: 2048,
      sha256: 'c'.repeat(64),
      content: null,
    });
    await db().query(
      `UPDATE request_attachment SET deleted_at = '2026-11-25T09:20:00Z', created_at = '2026-11-25T09:11:00Z' WHERE id = $1`,
      [erased],
    );
    await db().query(`UPDATE request_attachment SET created_at = '2026-11-25T09:10:30Z' WHERE id = $1`, [
      kept,
    ]);

    const body = await detail(request.id, asAuditor);

    expect(body.assignee).toEqual({ id: alice.id, displayName: 'Alice Officer' });
    expect(body.approvalProposal).toEqual({
      by: { id: bob.id, displayName: 'Bob Officer' },
      at: '2026-11-25T09:00:00.000Z',
    });
    expect(body.systems).toEqual([
      {
        systemKey: 'crm',
        status: 'failed',
        attempts: 5,
        errorCode: 'connection_refused',
        collections: [],
        finishedAt: null,
      },
      {
        systemKey: 'shop',
        status: 'done',
        attempts: 1,
        errorCode: null,
        collections: [
          { collection: 'customers', found: 1, changed: 1 },
          { collection: 'orders', found: 3, changed: 3 },
        ],
        finishedAt: '2026-11-25T09:31:00.000Z',
      },
    ]);
    // Error messages may quote values; the console shows codes.
    expect(JSON.stringify(body)).not.toContain('ECONNREFUSED');

    expect(body.conversation).toEqual([
      {
        id: note,
        kind: 'note',
        author: { type: 'officer', id: alice.id, displayName: 'Alice Officer' },
        body: 'Checked the CRM by hand.',
        createdAt: '2026-11-25T09:00:00.000Z',
        attachments: [],
      },
      {
        id: question,
        kind: 'information_request',
        author: { type: 'officer', id: bob.id, displayName: 'Bob Officer' },
        body: 'Please send proof of address.',
        createdAt: '2026-11-25T09:05:00.000Z',
        attachments: [],
      },
      {
        id: answer,
        kind: 'requester_reply',
        author: { type: 'requester', id: null, displayName: null },
        body: 'Here it is — «bill».',
        createdAt: '2026-11-25T09:10:00.000Z',
        attachments: [
          {
            id: kept,
            contentType: 'application/pdf',
            bytes: content.length,
            sha256,
            fileName: 'bill.pdf',
            erased: false,
          },
          {
            id: erased,
            contentType: 'image/png',
            bytes: 2048,
            sha256: 'c'.repeat(64),
            fileName: null,
            erased: true,
          },
        ],
      },
    ]);
    // The auditor may read it all and do none of it.
    expect(body.actions).toEqual([]);
    // The auditor's read is logged under the auditor.
    expect(await viewEvents(request.id)).toEqual([
      { actor_type: 'officer', actor_id: auditor.id, data: null, from_status: null, to_status: null },
    ]);
    expect(body.timeline.at(-1)).toMatchObject({
      action: 'request_viewed',
      actor: { type: 'officer', id: auditor.id, displayName: 'Ann Auditor' },
    });
  });

  it('names system actors without looking them up as officers', async () => {
    const request = await aRequest(h);
    // The command line approves as an officer named `cli`; system steps name themselves.
    await h.app.get(DatabaseTransactions).run(async (tx) => {
      await h.app.get(AuditTrail).record(tx, {
        requestId: request.id,
        actorType: 'officer',
        actorId: 'cli',
        action: 'request_approved',
        fromStatus: 'awaiting_review',
        toStatus: 'approved',
      });
      await h.app.get(AuditTrail).record(tx, {
        requestId: request.id,
        actorType: 'system',
        actorId: 'auto-approval',
        action: 'approval_skipped',
        data: { k: 'v' },
      });
    });
    const body = await detail(request.id);
    expect(body.timeline.slice(0, 2).map((e) => e.actor)).toEqual([
      { type: 'officer', id: 'cli', displayName: null },
      { type: 'system', id: 'auto-approval', displayName: null },
    ]);
    expect(body.timeline[1].data).toEqual({ k: 'v' });
    expect(await h.app.get(AuditTrail).verify()).toMatchObject({ ok: true });
  });

  it.each([
    ['an unknown id', () => randomUUID()],
    ['a non-UUID id', () => 'not-a-uuid'],
    ['an SQL-looking id', () => encodeURIComponent("1' OR '1'='1")],
    ['a reference instead of an id', () => 'RD-0000-0000-0000-0000'],
    ['a very long id', () => 'a'.repeat(5000)],
  ])('answers 404 for %s and logs no view', async (_label, id) => {
    const before = await db().query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'request_viewed'`,
    );
    const response = await asAlice.get(`/api/v1/console/requests/${id()}`);
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'not_found' });
    const after = await db().query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'request_viewed'`,
    );
    expect(after[0].n).toBe(before[0].n);
  });

  it('is closed to anyone without a session, and a request never opens with a status token', async () => {
    const request = await aRequest(h);
    const anonymous = await h.app.inject({ method: 'GET', url: `/api/v1/console/requests/${request.id}` });
    expect(anonymous.statusCode).toBe(401);
    const withToken = await h.app.inject({
      method: 'GET',
      url: `/api/v1/console/requests/${request.id}`,
      headers: { 'x-status-token': 'x'.repeat(43) },
    });
    expect(withToken.statusCode).toBe(401);
    expect(await viewEvents(request.id)).toEqual([]);
    // The stored row is as it was: reading changes nothing but the audit trail.
    const stored = await h.app.get(PrivacyRequestRepository).findById(request.id);
    expect(stored?.version).toBe(1);
  });
});
