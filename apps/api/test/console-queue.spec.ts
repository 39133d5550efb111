import { startApi, type ApiHarness } from './api-harness';
import { anOfficer, type ConsoleSession, signIn, type TestOfficer } from './console-harness';
import { aRequest, type RequestSeed, type SeededRequest } from './console-request-factory';

interface QueueItem {
  id: string;
  reference: string;
  type: string;
  status: string;
  regime: string;
  dueOn: string;
  daysLeft: number | null;
  overdue: boolean;
  onHold: boolean;
  verified: boolean;
  extended: boolean;
  assignee: { id: string; displayName: string | null } | null;
  approvalProposedBy: { id: string; displayName: string | null } | null;
}

interface QueuePage {
  items: QueueItem[];
  nextCursor: string | null;
  counts: Record<string, number>;
}

const TODAY = '2026-11-25';

describe('console queue: GET /api/v1/console/requests', () => {
  let h: ApiHarness;
  let alice: TestOfficer;
  let bob: TestOfficer;
  let asAlice: ConsoleSession;
  let asAuditor: ConsoleSession;
  // The seeded requests by name; each name says what is special about it.
  const r: Record<string, SeededRequest> = {};
  const seedNames: string[] = [];

  async function seed(name: string, values: RequestSeed): Promise<void> {
    r[name] = await aRequest(h, values);
    seedNames.push(name);
  }

  async function list(query: string, session: ConsoleSession = asAlice): Promise<QueuePage> {
    const response = await session.get(`/api/v1/console/requests${query}`);
    if (response.statusCode !== 200) {
      throw new Error(`${query}: ${response.statusCode} ${response.body}`);
    }
    return response.json<QueuePage>();
  }

  /** The names of the seeded requests on a page, in order. */
  function names(page: QueuePage): string[] {
    return page.items.map((item) => seedNames.find((name) => r[name].id === item.id) ?? item.id);
  }

  async function allPages(query: string, limit: number): Promise<{ names: string[]; pages: number }> {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const separator = query === '' ? '?' : '&';
      const page = await list(`${query}${separator}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(limit);
      seen.push(...names(page));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== null && pages < 50);
    return { names: seen, pages };
  }

  /** The seeds in the queue's default order: due date, then id (PostgreSQL compares uuids as hex). */
  function byDue(selected: string[]): string[] {
    return [...selected].sort(
      (a, b) => r[a].dueOn.localeCompare(r[b].dueOn) || r[a].id.localeCompare(r[b].id),
    );
  }

  beforeAll(async () => {
    h = await startApi();
    h.clock.set(`${TODAY}T10:00:00.000Z`);
    alice = await anOfficer(h, 'officer', { displayName: 'Alice Officer' });
    bob = await anOfficer(h, 'officer', { displayName: 'Bob Officer' });
    asAlice = await signIn(h, alice);
    asAuditor = await signIn(h, await anOfficer(h, 'auditor'));

    await seed('aliceAccess', {
      type: 'access',
      regime: 'gdpr',
      dueOn: '2026-12-10',
      assigneeId: alice.id,
      receivedAt: '2026-11-10T09:00:00.000Z',
    });
    await seed('ccpaErasure', {
      type: 'erasure',
      regime: 'ccpa',
      dueOn: '2026-12-01',
      receivedAt: '2026-11-16T09:00:00.000Z',
      approvalProposedBy: bob.id,
      approvalProposedAt: '2026-11-24T12:00:00.000Z',
    });
    await seed('heldOptOut', {
      type: 'opt_out',
      status: 'on_hold',
      dueOn: '2026-11-20',
      assigneeId: bob.id,
      holds: [{ from: '2026-11-15' }],
      receivedAt: '2026-11-01T09:00:00.000Z',
    });
    await seed('completedLate', {
      type: 'access',
      status: 'completed',
      dueOn: '2026-11-01',
      closedAt: '2026-10-30T10:00:00.000Z',
      receivedAt: '2026-10-01T09:00:00.000Z',
    });
    await seed('unverifiedLgpd', {
      type: 'rectification',
      status: 'pending_verification',
      regime: 'lgpd',
      dueOn: '2026-12-10',
      receivedAt: '2026-11-24T09:00:00.000Z',
    });
    await seed('overdueRunning', {
      type: 'erasure',
      status: 'in_progress',
      regime: 'uk_gdpr',
      dueOn: '2026-11-24',
      assigneeId: alice.id,
      extended: true,
      receivedAt: '2026-10-24T09:00:00.000Z',
    });
    await seed('deniedChild', {
      type: 'child_data_removal',
      status: 'denied',
      regime: 'ccpa',
      dueOn: '2026-11-10',
      closedAt: '2026-11-05T10:00:00.000Z',
      denyReason: 'not_parent_or_guardian',
      receivedAt: '2026-10-01T09:00:00.000Z',
    });
    await seed('failedDueToday', {
      type: 'access',
      status: 'failed',
      regime: 'ccpa',
      dueOn: TODAY,
      assigneeId: bob.id,
      receivedAt: '2026-10-11T09:00:00.000Z',
    });
    await seed('plainAccess', {
      type: 'access',
      dueOn: '2026-12-10',
      receivedAt: '2026-11-16T09:00:00.000Z',
    });
    await seed('expiredErasure', {
      type: 'erasure',
      status: 'expired',
      dueOn: '2026-11-05',
      closedAt: '2026-10-20T10:00:00.000Z',
      receivedAt: '2026-10-05T09:00:00.000Z',
    });
    // Ties: several on one due date and, to the microsecond, on one receipt time.
    await seed('tieA', { dueOn: '2026-12-10', receivedAt: '2026-11-20T08:00:00.000100Z' });
    await seed('tieB', { dueOn: '2026-12-10', receivedAt: '2026-11-20T08:00:00.000200Z' });
    await seed('tieC', { dueOn: '2026-12-10', receivedAt: '2026-11-20T08:00:00.000200Z' });
  });

  afterAll(async () => {
    await h.close();
  });

  it('lists every request by due date, soonest first, ties by id, with the tabs counts', async () => {
    const page = await list('');
    expect(names(page)).toEqual(byDue(seedNames));
    expect(page.nextCursor).toBeNull();
    expect(page.counts).toEqual({
      pending_verification: 1,
      awaiting_review: 6,
      on_hold: 1,
      approved: 0,
      in_progress: 1,
      completed: 1,
      failed: 1,
      denied: 1,
      cancelled: 0,
      expired: 1,
    });
  });

  it('describes each request without personal data of the requester', async () => {
    const page = await list('?limit=100');
    const item = (name: string) => page.items.find((i) => i.id === r[name].id)!;
    expect(Object.keys(item('aliceAccess')).sort()).toEqual(
      [
        'id',
        'reference',
        'type',
        'status',
        'regime',
        'channel',
        'receivedOn',
        'dueOn',
        'daysLeft',
        'overdue',
        'extended',
        'onHold',
        'verified',
        'assignee',
        'approvalProposedBy',
        'updatedAt',
      ].sort(),
    );
    expect(item('aliceAccess')).toMatchObject({
      reference: r.aliceAccess.reference,
      type: 'access',
      status: 'awaiting_review',
      regime: 'gdpr',
      channel: 'web',
      receivedOn: '2026-11-10',
      dueOn: '2026-12-10',
      daysLeft: 15,
      overdue: false,
      onHold: false,
      verified: true,
      extended: false,
      assignee: { id: alice.id, displayName: 'Alice Officer' },
      approvalProposedBy: null,
    });
    expect(item('ccpaErasure')).toMatchObject({
      assignee: null,
      approvalProposedBy: { id: bob.id, displayName: 'Bob Officer' },
      daysLeft: 6,
    });
    expect(item('heldOptOut')).toMatchObject({ onHold: true, overdue: true, daysLeft: -5 });
    expect(item('overdueRunning')).toMatchObject({ overdue: true, daysLeft: -1, extended: true });
    expect(item('failedDueToday')).toMatchObject({ overdue: false, daysLeft: 0 });
    // Closed requests owe nothing any more, however old their due date.
    expect(item('completedLate')).toMatchObject({ overdue: false, daysLeft: null });
    expect(item('unverifiedLgpd')).toMatchObject({ verified: false });
    for (const name of seedNames) {
      expect(JSON.stringify(page)).not.toContain(r[name].email);
    }
  });

  it.each([
    ['status=awaiting_review', ['aliceAccess', 'ccpaErasure', 'plainAccess', 'tieA', 'tieB', 'tieC']],
    ['status=on_hold,failed', ['heldOptOut', 'failedDueToday']],
    [
      'type=access',
      ['aliceAccess', 'completedLate', 'failedDueToday', 'plainAccess', 'tieA', 'tieB', 'tieC'],
    ],
    ['type=child_data_removal,rectification', ['deniedChild', 'unverifiedLgpd']],
    ['regime=ccpa', ['ccpaErasure', 'deniedChild', 'failedDueToday']],
    ['regime=lgpd,uk_gdpr', ['unverifiedLgpd', 'overdueRunning']],
    [
      'assignee=none',
      [
        'ccpaErasure',
        'completedLate',
        'unverifiedLgpd',
        'deniedChild',
        'plainAccess',
        'expiredErasure',
        'tieA',
        'tieB',
        'tieC',
      ],
    ],
    ['assignee=me', ['aliceAccess', 'overdueRunning']],
    ['verified=false', ['unverifiedLgpd', 'expiredErasure']],
    ['dueBefore=2026-11-24', ['heldOptOut', 'completedLate', 'deniedChild', 'expiredErasure']],
    [
      'dueBefore=2026-11-25',
      ['heldOptOut', 'completedLate', 'overdueRunning', 'deniedChild', 'expiredErasure'],
    ],
    // Open and due before today: not the closed ones, not the one due today.
    ['overdue=true', ['heldOptOut', 'overdueRunning']],
    ['onHold=true', ['heldOptOut']],
    // Combinations narrow further.
    ['type=access&status=awaiting_review&assignee=none', ['plainAccess', 'tieA', 'tieB', 'tieC']],
    ['type=erasure,access&regime=gdpr&verified=true&dueBefore=2026-12-01', ['completedLate']],
    ['regime=ccpa&overdue=false', ['ccpaErasure', 'deniedChild', 'failedDueToday']],
    ['status=awaiting_review&regime=ccpa', ['ccpaErasure']],
    ['onHold=true&type=access', []],
  ])('filters %s', async (query, expected) => {
    expect(names(await list(`?${query}`))).toEqual(byDue(expected));
  });

  it('filters by any officer as assignee, and verified=true is the complement of verified=false', async () => {
    expect(names(await list(`?assignee=${bob.id}`))).toEqual(byDue(['heldOptOut', 'failedDueToday']));
    const verified = names(await list('?verified=true&limit=100'));
    expect(verified).toEqual(
      byDue(seedNames.filter((n) => !['unverifiedLgpd', 'expiredErasure'].includes(n))),
    );
    // `me` is whoever is signed in.
    const asBob = await signIn(h, bob);
    expect(names(await list('?assignee=me', asBob))).toEqual(byDue(['heldOptOut', 'failedDueToday']));
  });

  it('counts per status under the other filters, ignoring the status filter', async () => {
    const page = await list('?type=access&status=awaiting_review');
    expect(names(page)).toEqual(byDue(['aliceAccess', 'plainAccess', 'tieA', 'tieB', 'tieC']));
    expect(page.counts).toMatchObject({ awaiting_review: 5, completed: 1, failed: 1, on_hold: 0, denied: 0 });
    expect(Object.values(page.counts).reduce((a, b) => a + b, 0)).toBe(7);

    const ccpa = await list('?regime=ccpa&status=denied');
    expect(names(ccpa)).toEqual(['deniedChild']);
    expect(ccpa.counts).toMatchObject({ awaiting_review: 1, denied: 1, failed: 1, completed: 0 });
  });

  it('sorts by receipt, newest first, ties by id', async () => {
    const page = await list('?sort=received&limit=100');
    const expected = [...seedNames].sort((a, b) => {
      const at = (name: string) => receivedAtOf(name);
      return at(b).localeCompare(at(a)) || r[b].id.localeCompare(r[a].id);
    });
    expect(names(page)).toEqual(expected);
    // unverifiedLgpd arrived last; tieB and tieC share the latest microsecond before it.
    expect(names(page)[0]).toBe('unverifiedLgpd');
    expect(names(page).slice(1, 3).sort()).toEqual(['tieB', 'tieC']);
  });

  function receivedAtOf(name: string): string {
    const times: Record<string, string> = {
      aliceAccess: '2026-11-10T09:00:00.000000',
      ccpaErasure: '2026-11-16T09:00:00.000000',
      heldOptOut: '2026-11-01T09:00:00.000000',
      completedLate: '2026-10-01T09:00:00.000000',
      unverifiedLgpd: '2026-11-24T09:00:00.000000',
      overdueRunning: '2026-10-24T09:00:00.000000',
      deniedChild: '2026-10-01T09:00:00.000000',
      failedDueToday: '2026-10-11T09:00:00.000000',
      plainAccess: '2026-11-16T09:00:00.000000',
      expiredErasure: '2026-10-05T09:00:00.000000',
      tieA: '2026-11-20T08:00:00.000100',
      tieB: '2026-11-20T08:00:00.000200',
      tieC: '2026-11-20T08:00:00.000200',
    };
    return times[name];
  }

  it.each([1, 2, 3, 5])(
    'pages by due date with limit %i: every request exactly once, in order',
    async (limit) => {
      const { names: seen, pages } = await allPages('', limit);
      expect(seen).toEqual(byDue(seedNames));
      expect(new Set(seen).size).toBe(seedNames.length);
      expect(pages).toBe(Math.ceil(seedNames.length / limit));
    },
  );

  it.each([1, 2, 4])('pages by receipt with limit %i across ties to the microsecond', async (limit) => {
    const whole = names(await list('?sort=received&limit=100'));
    const { names: seen } = await allPages('?sort=received', limit);
    expect(seen).toEqual(whole);
    expect(new Set(seen).size).toBe(seedNames.length);
  });

  it('pages within filters', async () => {
    const { names: seen, pages } = await allPages('?type=access&status=awaiting_review', 2);
    expect(seen).toEqual(byDue(['aliceAccess', 'plainAccess', 'tieA', 'tieB', 'tieC']));
    expect(pages).toBe(3);
  });

  it('defaults to 25 per page and takes up to 100', async () => {
    for (let i = 0; i < 14; i += 1) {
      await aRequest(h, { type: 'rectification', regime: 'us_state', dueOn: '2027-03-01' });
    }
    const first = await list('?regime=us_state');
    expect(first.items).toHaveLength(14);
    const all = await list('');
    expect(all.items).toHaveLength(25);
    expect(all.nextCursor).not.toBeNull();
    expect((await list('?limit=100')).items).toHaveLength(27);
  });

  describe('search', () => {
    it('finds a request by its reference, typed any way', async () => {
      const reference = r.plainAccess.reference;
      for (const typed of [
        reference,
        reference.toLowerCase(),
        reference.replace(/-/g, ''),
        ` ${reference.slice(3).replace(/-/g, ' ')} `,
      ]) {
        const page = await list(`?q=${encodeURIComponent(typed)}`);
        expect(names(page)).toEqual(['plainAccess']);
      }
    });

    it('finds requests by exact email through the blind index, whatever the case', async () => {
      const email = 'Ada.Queue@Example.com';
      const first = await aRequest(h, { email: email.toLowerCase(), dueOn: '2027-01-01' });
      const second = await aRequest(h, {
        email: email.toLowerCase(),
        type: 'erasure',
        status: 'completed',
        dueOn: '2027-01-02',
      });
      const page = await list(`?q=${encodeURIComponent(`  ${email.toUpperCase()} `)}`);
      expect(page.items.map((i) => i.id)).toEqual([first.id, second.id]);
      expect(page.counts).toMatchObject({ awaiting_review: 1, completed: 1 });
      // Combined with a filter.
      expect((await list(`?q=${encodeURIComponent(email)}&type=erasure`)).items.map((i) => i.id)).toEqual([
        second.id,
      ]);
    });

    it('finds nothing for an address nobody used, or a near miss', async () => {
      for (const q of [
        'nobody@example.com',
        'ada.queue@example.co',
        'ada.queue+x@example.com',
        '@example.com',
      ]) {
        const page = await list(`?q=${encodeURIComponent(q)}`);
        expect(page.items).toEqual([]);
        expect(Object.values(page.counts).every((n) => n === 0)).toBe(true);
      }
      // A well-formed reference nobody holds.
      expect((await list('?q=RD-0000-0000-0000-0000')).items).toEqual([]);
    });

    it('refuses a search that is neither a reference nor an email address', async () => {
      const response = await asAlice.get('/api/v1/console/requests?q=Ada%20Lovelace');
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({ code: 'validation_failed', fieldErrors: [{ path: 'q' }] });
    });
  });

  it.each([
    ['an unknown parameter', '?colour=red', 'colour'],
    ['an unknown status', '?status=awaiting_review,lost', 'status.1'],
    ['an empty status list', '?status=', 'status'],
    ['a repeated parameter', '?status=on_hold&status=failed', 'status'],
    ['an unknown type', '?type=everything', 'type.0'],
    ['a bad regime', '?regime=eu', 'regime.0'],
    ['a bad assignee', '?assignee=alice', 'assignee'],
    ['a bad flag', '?verified=yes', 'verified'],
    ['a bad overdue flag', '?overdue=1', 'overdue'],
    ['a bad date', '?dueBefore=2026-02-30', 'dueBefore'],
    ['a date with time', '?dueBefore=2026-12-01T00:00:00Z', 'dueBefore'],
    ['a bad sort', '?sort=priority', 'sort'],
    ['limit 0', '?limit=0', 'limit'],
    ['limit 101', '?limit=101', 'limit'],
    ['a non-numeric limit', '?limit=ten', 'limit'],
    ['a forged cursor', '?cursor=eyJzb3J0IjoiZHVlIn0', 'cursor'],
    ['a cursor that is not base64 JSON', '?cursor=%27%20OR%201%3D1', 'cursor'],
  ])('answers 422 for %s', async (_label, query, path) => {
    const response = await asAlice.get(`/api/v1/console/requests${query}`);
    expect(response.statusCode).toBe(422);
    const body = response.json<{ code: string; fieldErrors: Array<{ path: string }> }>();
    expect(body.code).toBe('validation_failed');
    expect(body.fieldErrors.map((e) => e.path)).toContain(path);
  });

  it('refuses a cursor from the other sort order', async () => {
    const byReceipt = await list('?sort=received&limit=2');
    const response = await asAlice.get(`/api/v1/console/requests?sort=due&cursor=${byReceipt.nextCursor}`);
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'validation_failed', fieldErrors: [{ path: 'cursor' }] });
  });

  it('is open to auditors and closed to anyone without a session', async () => {
    const page = await list('?overdue=true', asAuditor);
    expect(names(page)).toEqual(byDue(['heldOptOut', 'overdueRunning']));
    const anonymous = await h.app.inject({ method: 'GET', url: '/api/v1/console/requests' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ code: 'unauthorized' });
  });
});
