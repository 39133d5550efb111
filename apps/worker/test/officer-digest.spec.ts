import { randomBytes, randomUUID } from 'node:crypto';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import type { ParsedMail } from 'mailparser';
import { DataSource } from 'typeorm';
import { loadConfig } from '@rightsdesk/config';
import { generateReference, type OfficerRole, type RequestStatus, type RequestType } from '@rightsdesk/domain';
import { QueueService } from '@rightsdesk/queue';
import { startSmtpSink, testEnv, type SmtpSink, waitFor } from '@rightsdesk/testing';
import { Clock, digestMessageId, FieldCipher, OfficerAccounts, OfficerDigestService } from '@rightsdesk/workflow';
import { configureWorkerApp } from '../src/bootstrap';
import { WorkerModule } from '../src/worker.module';

/** Time stands still where the test puts it. */
class FixedClock extends Clock {
  private current = new Date('2026-11-25T06:00:00.000Z');

  override now(): Date {
    return new Date(this.current);
  }

  set(iso: string): void {
    this.current = new Date(iso);
  }
}

const SECTION_TITLES = ['Overdue', 'Due within 7 days', 'Failed in execution', 'On hold, waiting for the requester'] as const;

/** The references listed under one section of a digest's text part. */
function referencesIn(message: ParsedMail, title: (typeof SECTION_TITLES)[number]): string[] {
  const text = message.text ?? '';
  const start = text.indexOf(`${title}:`);
  const next = SECTION_TITLES.map((t) => text.indexOf(`${t}:`)).filter((i) => i > start);
  const end = Math.min(...next, text.indexOf('Open the console:'));
  return [...text.slice(start, end).matchAll(/RD(-[0-9A-Z]{4}){4}/g)].map((m) => m[0]);
}


describe('worker: the daily officer digest', () => {
  const clock = new FixedClock();
  let sink: SmtpSink;
  let cleanup: () => Promise<void>;
  let worker: NestFastifyApplication;
  const db = () => worker.get(DataSource);
  const digestRows = async (): Promise<Array<{ id: string; status: string }>> =>
    db().query(`SELECT id, status FROM outbox_message WHERE template = 'officer_digest' ORDER BY id`);
  const digestsTo = (email: string) => sink.messagesTo(email).filter((m) => (m.subject ?? '').startsWith('Privacy requests digest'));

  async function anOfficer(role: OfficerRole, displayName: string, disabled = false) {
    const accounts = worker.get(OfficerAccounts);
    const email = `${displayName.toLowerCase().replace(/\W+/g, '.')}@privacy.example`;
    const { officer } = await accounts.create({ email, displayName, role }, { type: 'system', id: 'cli' });
    if (disabled) {
      await accounts.update(officer.id, { disabled: true }, { type: 'system', id: 'cli' });
    }
    return officer;
  }

  // Rows as the workflow leaves them; the requester's address is in the encrypted personal data only.
  async function aRequest(status: RequestStatus, dueOn: string, options: { type?: RequestType; assigneeId?: string } = {}): Promise<string> {
    const reference = generateReference();
    const personalData = worker.get(FieldCipher).encryptJson({ email: `requester-${reference.toLowerCase()}@example.com`, name: 'Jane Requester' });
    await db().query(
      `INSERT INTO privacy_request (id, reference, type, status, regime, country, language, email_lookup, personal_data,
                                    received_at, received_on, due_on, due_explanation, assignee_id, version)
       VALUES ($1, $2, $3, $4, 'gdpr', 'DE', 'en', $5, $6, '2026-10-30T10:00:00Z', '2026-10-30', $7, 'GDPR Art. 12(3)', $8, 1)`,
      [randomUUID(), reference, options.type ?? 'erasure', status, randomBytes(32), personalData, dueOn, options.assigneeId ?? null],
    );
    return reference;
  }

  beforeAll(async () => {
    sink = await startSmtpSink();
    const env = await testEnv({ SMTP_URL: sink.url, COMPANY_NAME: 'Acme GmbH', DIGEST_CRON: '30 6 * * 1-5', DIGEST_TIMEZONE: 'Europe/Berlin' });
    cleanup = env.cleanup;
    const config = loadConfig(env.env);
    const moduleRef = await Test.createTestingModule({ imports: [WorkerModule.forRoot(config)] })
      .overrideProvider(Clock)
      .useValue(clock)
      .compile();
    worker = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { bufferLogs: true });
    configureWorkerApp(worker);
    await worker.init();
  });

  afterAll(async () => {
    await worker?.close();
    await sink.stop();
    await cleanup();
  });

  it('is scheduled from DIGEST_CRON in DIGEST_TIMEZONE on the maintenance queue', async () => {
    const scheduler = await worker.get(QueueService).queue('maintenance').getJobScheduler('send-officer-digest');
    expect(scheduler).toMatchObject({ name: 'send-officer-digest', pattern: '30 6 * * 1-5', tz: 'Europe/Berlin' });
  });

  it('sends nothing on a day with nothing to report', async () => {
    await anOfficer('admin', 'Quiet Admin');
    const outcome = await worker.get(OfficerDigestService).sendDaily();
    expect(outcome).toEqual({ day: '2026-11-25', recipients: 1, queued: 0, nothingToReport: true });
    expect(await digestRows()).toEqual([]);
  });

  describe('on a day with work', () => {
    let admin: { id: string; email: string };
    let officer: { id: string; email: string };
    const auditor = { email: '' };
    const disabled = { email: '' };
    const refs = {} as Record<string, string>;

    beforeAll(async () => {
      clock.set('2026-11-25T06:00:00.000Z');
      admin = await anOfficer('admin', 'Ada Admin');
      officer = await anOfficer('officer', 'Bob Officer');
      auditor.email = (await anOfficer('auditor', 'Carl Auditor')).email;
      disabled.email = (await anOfficer('officer', 'Dora Disabled', true)).email;
      // Today is 2026-11-25: due within 7 days means 2026-11-25 … 2026-12-02.
      refs.overdueAssigned = await aRequest('awaiting_review', '2026-11-20', { assigneeId: officer.id });
      refs.dueToday = await aRequest('approved', '2026-11-25', { type: 'access' });
      refs.dueInSeven = await aRequest('in_progress', '2026-12-02', { assigneeId: admin.id });
      refs.dueInEight = await aRequest('awaiting_review', '2026-12-03');
      refs.failedLater = await aRequest('failed', '2026-12-20');
      refs.failedOverdue = await aRequest('failed', '2026-11-24');
      refs.onHold = await aRequest('on_hold', '2026-11-26', { type: 'child_data_removal' });
      refs.completedLate = await aRequest('completed', '2026-11-20');
      refs.unverifiedLate = await aRequest('pending_verification', '2026-11-20');
      refs.deniedSoon = await aRequest('denied', '2026-11-27');
    });

    it('the scheduled job mails each active admin and officer the right references in the right sections', async () => {
      await worker.get(QueueService).enqueue({ name: 'send-officer-digest', data: {} });
      const [toAdmin, toOfficer] = await Promise.all(
        [admin.email, officer.email].map((email) => sink.waitForMessage((m) => m.to !== undefined && JSON.stringify(m.to).includes(email) && (m.subject ?? '').startsWith('Privacy requests digest'))),
      );

      for (const message of [toAdmin, toOfficer]) {
        expect(message.subject).toBe('Privacy requests digest for 25 November 2026: 2 overdue, 2 due within 7 days, 2 failed, 1 on hold');
        expect(referencesIn(message, 'Overdue').sort()).toEqual([refs.overdueAssigned, refs.failedOverdue].sort());
        expect(referencesIn(message, 'Due within 7 days')).toEqual([refs.dueToday, refs.dueInSeven]);
        expect(referencesIn(message, 'Failed in execution')).toEqual([refs.failedOverdue, refs.failedLater]);
        expect(referencesIn(message, 'On hold, waiting for the requester')).toEqual([refs.onHold]);
        const text = message.text ?? '';
        expect(text).toContain(`${refs.overdueAssigned} — erasure — due 20 November 2026 — assigned to Bob Officer`);
        expect(text).toContain(`${refs.dueToday} — access — due 25 November 2026 — unassigned`);
        expect(text).toContain(`${refs.dueInSeven} — erasure — due 2 December 2026 — assigned to Ada Admin`);
        expect(text).toContain(`${refs.onHold} — child data removal — due 26 November 2026`);
        for (const excluded of [refs.dueInEight, refs.completedLate, refs.unverifiedLate, refs.deniedSoon]) {
          expect(text).not.toContain(excluded);
        }
        // Never the requester: no address, no name.
        expect(`${text}${message.html || ''}`).not.toMatch(/requester-|Jane Requester|example\.com/);
      }
      // One deterministic message per officer and day, also the Message-ID a receiver dedupes on.
      expect(toAdmin.messageId).toBe(`<${digestMessageId(admin.id, '2026-11-25')}@rightsdesk>`);
      expect(toOfficer.messageId).toBe(`<${digestMessageId(officer.id, '2026-11-25')}@rightsdesk>`);
    });

    it('gives auditors and disabled officers none, and sends nothing twice when it runs again the same day', async () => {
      const before = await waitFor('every digest to be sent', async () => {
        const rows = await digestRows();
        return rows.length > 0 && rows.every((row) => row.status === 'sent') && rows;
      });
      // The quiet admin of the first test is active too: three recipients.
      expect(before).toHaveLength(3);

      clock.set('2026-11-25T23:59:00.000Z');
      const again = await worker.get(OfficerDigestService).sendDaily();
      expect(again).toEqual({ day: '2026-11-25', recipients: 3, queued: 0, nothingToReport: false });
      await worker.get(QueueService).enqueue({ name: 'send-officer-digest', data: {} });
      await new Promise((resolve) => setTimeout(resolve, 1500));

      expect(await digestRows()).toEqual(before);
      expect(digestsTo(admin.email)).toHaveLength(1);
      expect(digestsTo(officer.email)).toHaveLength(1);
      expect(digestsTo(auditor.email)).toHaveLength(0);
      expect(digestsTo(disabled.email)).toHaveLength(0);
    });

    it('sends the next day again, with the sections moved on', async () => {
      clock.set('2026-11-26T07:00:00.000Z');
      const outcome = await worker.get(OfficerDigestService).sendDaily();
      expect(outcome).toEqual({ day: '2026-11-26', recipients: 3, queued: 3, nothingToReport: false });
      const next = await sink.waitForMessage((m) => JSON.stringify(m.to).includes(admin.email) && (m.subject ?? '').includes('26 November 2026'));
      expect(next.messageId).toBe(`<${digestMessageId(admin.id, '2026-11-26')}@rightsdesk>`);
      // 2026-12-03 is now within 7 days; 2026-11-25 has become overdue.
      expect(referencesIn(next, 'Due within 7 days')).toEqual([refs.dueInSeven, refs.dueInEight]);
      expect(referencesIn(next, 'Overdue').sort()).toEqual([refs.overdueAssigned, refs.failedOverdue, refs.dueToday].sort());
    });
  });
});
