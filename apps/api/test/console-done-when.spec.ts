import { DataSource } from 'typeorm';
import type { IntakeInput } from '@rightsdesk/domain';
import { AuditTrail, IntakeService } from '@rightsdesk/workflow';
import { type ApiHarness, emailTo } from './api-harness';
import { anOfficer, type ConsoleSession, signIn, type TestOfficer } from './console-harness';
import { type DecisionHarness, startDecisionApi } from './decision-fixtures';
import { fileVerified } from './execution-fixtures';

interface QueueItem {
  id: string;
  reference: string;
  type: string;
  status: string;
  dueOn: string;
  verified: boolean;
  assignee: { id: string; displayName: string } | null;
}

// The "done when", through the API alone: an officer signs in, finds the verified requests
// due soonest, assigns one, extends another with a reason (the requester gets the notice), asks a
// child-data-removal filer for proof of age, and a second officer approves an erasure the first
// proposed; an auditor reads all of it and changes none of it.
describe('console: a day in the privacy team', () => {
  let d: DecisionHarness;
  let h: ApiHarness;
  let alice: TestOfficer;
  let bob: TestOfficer;
  let audrey: TestOfficer;
  const requests = {} as Record<'brazil' | 'extend' | 'child' | 'erasure' | 'california', { id: string; reference: string; email: string }>;
  let unverifiedReference: string;

  beforeAll(async () => {
    d = await startDecisionApi();
    h = d.h;
    h.clock.set('2026-11-25T10:00:00.000Z');
    alice = await anOfficer(h, 'officer', { displayName: 'Alice Officer' });
    bob = await anOfficer(h, 'officer', { displayName: 'Bob Officer' });
    audrey = await anOfficer(h, 'auditor', { displayName: 'Audrey Auditor' });
    const file = async (key: keyof typeof requests, input: Partial<IntakeInput> & Pick<IntakeInput, 'type'>) => {
      const email = `${key}-${Date.now()}@example.com`;
      requests[key] = { ...(await fileVerified(h, { ...input, email })), email };
    };
    // Filed the same morning: LGPD gives 15 days, GDPR one month, California 45 days.
    await file('brazil', { type: 'access', country: 'BR' });
    await file('extend', { type: 'access', country: 'DE' });
    await file('child', {
      type: 'child_data_removal',
      country: 'DE',
      details: { child: { name: 'Tim', dateOfBirth: '2016-04-01' }, relationship: 'parent', childAge: 10 },
    });
    await file('erasure', { type: 'erasure', country: 'FR' });
    await file('california', { type: 'access', country: 'US', region: 'CA' });
    // Never confirmed: it must not show among the verified ones.
    unverifiedReference = (await h.app.get(IntakeService).file({ type: 'access', email: 'unconfirmed@example.com', country: 'BR', language: 'en' })).reference;
  });

  afterAll(async () => {
    await d.close();
  });

  it('goes through the whole morning', async () => {
    // 1. Alice signs in and finds the verified requests due soonest.
    const a = await signIn(h, alice);
    const queue = await a.get('/api/v1/console/requests?verified=true&sort=due');
    expect(queue.statusCode).toBe(200);
    const items = queue.json<{ items: QueueItem[] }>().items;
    expect(items.map((i) => i.reference)).not.toContain(unverifiedReference);
    expect(items.every((i) => i.verified)).toBe(true);
    expect(items[0]).toMatchObject({ reference: requests.brazil.reference, dueOn: '2026-12-10' });
    const dueDates = items.map((i) => i.dueOn);
    expect(dueDates).toEqual([...dueDates].sort());
    expect(items.at(-1)).toMatchObject({ reference: requests.california.reference, dueOn: '2027-01-09' });

    // 2. She takes the soonest one.
    const assign = await a.post(`/api/v1/console/requests/${items[0].id}/assign`, { officerId: alice.id });
    expect(assign.statusCode).toBe(200);
    const mine = (await a.get('/api/v1/console/requests?assignee=me')).json<{ items: QueueItem[] }>().items;
    expect(mine.map((i) => i.reference)).toEqual([requests.brazil.reference]);
    expect(mine[0].assignee).toEqual({ id: alice.id, displayName: 'Alice Officer' });

    // 3. She extends another, with a reason; the requester is told, the clock explains it.
    const extend = await a.post(`/api/v1/console/requests/${requests.extend.id}/extend`, {
      reason: 'Your data is spread over several archived systems; collecting it takes longer.',
    });
    expect(extend.statusCode).toBe(200);
    expect(extend.json()).toMatchObject({ previousDueOn: '2026-12-25', dueOn: '2027-02-25' });
    const notice = await emailTo(h, requests.extend.email, /more time/);
    expect(notice.text).toContain('2027-02-25');
    expect(notice.text).toContain('several archived systems');
    const extended = (await a.get(`/api/v1/console/requests/${requests.extend.id}`)).json<{ clock: { dueOn: string; explanation: string } }>();
    expect(extended.clock.dueOn).toBe('2027-02-25');
    expect(extended.clock.explanation).toContain('extended by two further months');

    // 4. She asks the filer of a child-data removal for proof of age; the clock pauses (GDPR).
    const ask = await a.post(`/api/v1/console/requests/${requests.child.id}/information-request`, {
      question: "Please send a document showing your child's date of birth, such as a birth certificate.",
    });
    expect(ask.statusCode).toBe(200);
    expect(ask.json()).toMatchObject({ status: 'on_hold' });
    const question = await emailTo(h, requests.child.email, /need information/);
    expect(question.text).toContain('birth certificate');

    // 5. Four eyes: Alice proposes the erasure, she cannot approve it herself, Bob approves it.
    const proposed = await a.post(`/api/v1/console/requests/${requests.erasure.id}/approve`);
    expect(proposed.statusCode).toBe(200);
    expect(proposed.json()).toMatchObject({ outcome: 'proposed', request: { status: 'awaiting_review' } });
    const again = await a.post(`/api/v1/console/requests/${requests.erasure.id}/approve`);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'four_eyes_required' });
    const b = await signIn(h, bob);
    const approved = await b.post(`/api/v1/console/requests/${requests.erasure.id}/approve`);
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ outcome: 'approved', request: { status: 'approved' } });
    const events = await h.app
      .get(DataSource)
      .query<Array<{ action: string; actor_id: string; data: Record<string, unknown> | null }>>(
        `SELECT action, actor_id, data FROM audit_event WHERE request_id = $1 AND action IN ('approval_proposed', 'request_approved') ORDER BY id`,
        [requests.erasure.id],
      );
    expect(events).toEqual([
      { action: 'approval_proposed', actor_id: alice.id, data: expect.anything() as unknown },
      { action: 'request_approved', actor_id: bob.id, data: { proposedBy: alice.id } },
    ]);

    // 6. The auditor reads all of it and changes none of it.
    const auditor = await signIn(h, audrey);
    await expectAuditorReadsEverything(auditor);
    await expectAuditorChangesNothing(auditor);
    expect(await h.app.get(AuditTrail).verify()).toMatchObject({ ok: true });
  });

  async function expectAuditorReadsEverything(auditor: ConsoleSession): Promise<void> {
    const queue = await auditor.get('/api/v1/console/requests');
    expect(queue.statusCode).toBe(200);
    expect(queue.json<{ items: QueueItem[] }>().items.length).toBeGreaterThanOrEqual(6);
    for (const { id } of Object.values(requests)) {
      const detail = await auditor.get(`/api/v1/console/requests/${id}`);
      expect(detail.statusCode).toBe(200);
      expect(detail.json<{ timeline: unknown[] }>().timeline.length).toBeGreaterThan(1);
    }
    for (const url of ['/api/v1/console/audit', '/api/v1/console/audit/verification', '/api/v1/console/metrics', '/api/v1/console/metrics/ccpa.csv?year=2026', '/api/v1/console/assignees']) {
      expect([url, (await auditor.get(url)).statusCode]).toEqual([url, 200]);
    }
  }

  async function expectAuditorChangesNothing(auditor: ConsoleSession): Promise<void> {
    const snapshot = () =>
      h.app
        .get(DataSource)
        .query(`SELECT id, status, assignee_id, extended, due_on, holds, approval_proposed_by, deny_reason FROM privacy_request ORDER BY id`);
    const changes = () => h.app.get(DataSource).query(`SELECT count(*)::int AS n FROM audit_event WHERE action <> 'request_viewed'`);
    const before = [await snapshot(), await changes()];
    const brazil = requests.brazil.id;
    const attempts: Array<[string, unknown]> = [
      [`/api/v1/console/requests/${brazil}/assign`, { officerId: audrey.id }],
      [`/api/v1/console/requests/${brazil}/notes`, { text: 'auditor was here' }],
      [`/api/v1/console/requests/${brazil}/approve`, {}],
      [`/api/v1/console/requests/${brazil}/deny`, { reason: 'other', message: 'no' }],
      [`/api/v1/console/requests/${brazil}/cancel`, {}],
      [`/api/v1/console/requests/${brazil}/extend`, { reason: 'because' }],
      [`/api/v1/console/requests/${brazil}/information-request`, { question: 'why?' }],
      [`/api/v1/console/requests/${requests.erasure.id}/retry`, {}],
      ['/api/v1/console/requests/bulk', { action: 'approve', requestIds: [brazil] }],
      ['/api/v1/console/requests', { type: 'access', email: 'x@example.com', country: 'DE', channel: 'post', receivedOn: '2026-11-24', identityVerified: true }],
      ['/api/v1/console/officers', { email: 'new@example.com', displayName: 'New', role: 'admin' }],
    ];
    for (const [url, body] of attempts) {
      const response = await auditor.post(url, body);
      expect([url, response.statusCode]).toEqual([url, 403]);
    }
    expect((await auditor.put('/api/v1/console/settings', { autoApprove: ['erasure'], fourEyes: [] })).statusCode).toBe(403);
    expect([await snapshot(), await changes()]).toEqual(before);
  }
});
