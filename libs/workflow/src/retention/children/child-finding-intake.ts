import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@rightsdesk/config';
import { ChildFindingRepository, DatabaseTransactions } from '@rightsdesk/data-access';
import { type IntakeInput, normalizeEmail, toCalendarDate } from '@rightsdesk/domain';
import type { ChildAccount } from '@rightsdesk/connectors';
import { RequestFilings } from '../../intake/request-filings.service';
import { KeyedHash } from '../../security/keyed-hash';

// COPPA's line is 13 and it is a US law; the request's clock follows the US regime whatever the
// company's own fallback is.
const CHILD_REQUEST_COUNTRY = 'US';

/**
 * Opens a child_data_removal request for an account a children rule found under age, for an
 * officer to review (nothing is erased silently: the policy promises removal, the officer checks
 * the birth date is not a typo first). The company itself is the requester: its privacy team's
 * address gets the emails, the child is named only in the request's encrypted details.
 */
@Injectable()
export class ChildFindingIntake {
  constructor(
    private readonly transactions: DatabaseTransactions,
    private readonly filings: RequestFilings,
    private readonly findings: ChildFindingRepository,
    private readonly hash: KeyedHash,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Accounts of `accounts` this rule has not opened a request for yet. */
  async unknown(ruleId: string, accounts: ChildAccount[]): Promise<ChildAccount[]> {
    const hashes = accounts.map((account) => this.hash.childFinding(ruleId, account.key));
    const known = await this.findings.known(ruleId, hashes);
    return accounts.filter((_, index) => !known.has(hashes[index].toString('hex')));
  }

  /** Opens the request; false when another run recorded this account first (nothing written). */
  async open(ruleId: string, account: ChildAccount, under: number, asOf: Date): Promise<boolean> {
    const email = normalizeEmail(this.config.officers.email);
    const today = toCalendarDate(asOf);
    const details = {
      child: { email: account.email, username: account.username, dateOfBirth: account.birthDate },
      childAge: ageOn(account.birthDate, today),
      note: `Found by the retention rule ${ruleId}: the declared date of birth makes this account holder younger than ${under}.`,
    };
    // The company files this itself: no relationship to the child, and no verification to ask for.
    const input = { type: 'child_data_removal', email, name: `${this.config.company.name} (retention rule)`, country: CHILD_REQUEST_COUNTRY, language: 'en', details } as unknown as IntakeInput;
    const { request, deadline } = this.filings.newRequest(input, email, {
      channel: 'retention',
      receivedAt: asOf,
      receivedOn: today,
      today,
      now: asOf,
      dedupKey: null,
      verified: true,
    });
    return this.transactions.run(async (tx) => {
      if (!(await this.findings.record(tx, ruleId, this.hash.childFinding(ruleId, account.key), request.id, asOf))) {
        return false;
      }
      await this.filings.insertVerified(tx, request, email, [
        {
          requestId: request.id,
          actorType: 'system',
          action: 'request_opened_by_retention',
          fromStatus: null,
          toStatus: request.status,
          data: { ruleId, type: request.type, regime: request.regime, dueOn: deadline.dueOn },
        },
      ]);
      return true;
    });
  }
}

/** Whole years between a YYYY-MM-DD birth date and `today`. */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}
