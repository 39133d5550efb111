import { Injectable } from '@nestjs/common';
import { ConsoleSettingRepository, DatabaseTransactions } from '@rightsdesk/data-access';
import { type ConsoleSettings, consoleSettingsSchema, DEFAULT_CONSOLE_SETTINGS, type RequestType } from '@rightsdesk/domain';
import { AuditTrail } from '../audit/audit-trail.service';

const KEY = 'workflow';

// Auto-approval and four-eyes per request type. Read from the database on each use (one indexed
// read) rather than cached, so a change applies at once in every api and worker process.
@Injectable()
export class ConsoleSettingsService {
  constructor(
    private readonly settings: ConsoleSettingRepository,
    private readonly transactions: DatabaseTransactions,
    private readonly audit: AuditTrail,
  ) {}

  async get(): Promise<ConsoleSettings> {
    const stored = consoleSettingsSchema.safeParse(await this.settings.get(KEY));
    // A row written by an older version that no longer validates falls back to the safe defaults.
    return stored.success ? stored.data : { ...DEFAULT_CONSOLE_SETTINGS };
  }

  async needsFourEyes(type: RequestType): Promise<boolean> {
    return (await this.get()).fourEyes.includes(type);
  }

  async autoApproves(type: RequestType): Promise<boolean> {
    return type !== 'child_data_removal' && (await this.get()).autoApprove.includes(type);
  }

  /** Validated by the caller against consoleSettingsSchema; audited with the values (they are not personal). */
  async update(settings: ConsoleSettings, officerId: string): Promise<ConsoleSettings> {
    const valid = consoleSettingsSchema.parse(settings);
    await this.transactions.run(async (tx) => {
      await this.settings.set(tx, KEY, valid, officerId);
      await this.audit.record(tx, { requestId: null, actorType: 'officer', actorId: officerId, action: 'settings_changed', data: { ...valid } });
    });
    return valid;
  }
}
