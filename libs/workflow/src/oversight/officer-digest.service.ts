import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@rightsdesk/config';
import { DatabaseTransactions, type DigestItem, OfficerDigestRepository, OfficerRepository } from '@rightsdesk/data-access';
import { addDays, type CalendarDate, toCalendarDate } from '@rightsdesk/domain';
import type { OfficerDigestParams, OfficerDigestSection } from '@rightsdesk/mail';
import { OutboxService } from '../outbox/outbox.service';
import { Clock } from '../time/clock';
import { digestMessageId } from './digest-message-id';

const DUE_WITHIN_DAYS = 7;
const ITEMS_PER_SECTION = 20;

export interface DigestOutcome {
  day: CalendarDate;
  /** Active admins and officers. */
  recipients: number;
  /** Messages written now; 0 on a second run the same day. */
  queued: number;
  /** True when every section was empty and nothing was sent. */
  nothingToReport: boolean;
}

function section({ total, items }: { total: number; items: DigestItem[] }): OfficerDigestSection {
  return { total, items: items.map((item) => ({ reference: item.reference, requestType: item.type, dueOn: item.dueOn, assignee: item.assigneeName })) };
}

// The daily digest to every active admin and officer (auditors read, they do not work the queue).
// A day with nothing overdue, due, failed or on hold sends nothing: a mail that says "nothing" every
// morning teaches people to ignore the one that matters. Days are UTC calendar dates, as due dates are.
@Injectable()
export class OfficerDigestService {
  private readonly logger = new Logger(OfficerDigestService.name);

  constructor(
    private readonly digests: OfficerDigestRepository,
    private readonly officers: OfficerRepository,
    private readonly outbox: OutboxService,
    private readonly transactions: DatabaseTransactions,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async sendDaily(): Promise<DigestOutcome> {
    const day = toCalendarDate(this.clock.now());
    const sections = await this.digests.sections(day, addDays(day, DUE_WITHIN_DAYS), ITEMS_PER_SECTION);
    const recipients = await this.officers.listActive(['admin', 'officer']);
    const nothingToReport = Object.values(sections).every((s) => s.total === 0);
    if (nothingToReport || recipients.length === 0) {
      return { day, recipients: recipients.length, queued: 0, nothingToReport };
    }
    const params: OfficerDigestParams = {
      companyName: this.config.company.name,
      day,
      consoleUrl: `${this.config.http.publicUrl}/console`,
      overdue: section(sections.overdue),
      dueSoon: section(sections.due_soon),
      failed: section(sections.failed),
      onHold: section(sections.on_hold),
    };
    const queued = await this.transactions.run(async (tx) => {
      let added = 0;
      for (const officer of recipients) {
        const spec = { template: 'officer_digest' as const, locale: 'en' as const, params };
        added += (await this.outbox.addEmailOnce(tx, digestMessageId(officer.id, day), officer.email, spec)) ? 1 : 0;
      }
      return added;
    });
    this.logger.log({ day, recipients: recipients.length, queued }, 'officer digest');
    return { day, recipients: recipients.length, queued, nothingToReport };
  }
}
