import { Injectable } from '@nestjs/common';
import { DatabaseTransactions, IntakeRepository } from '@rightsdesk/data-access';
import {
  addMonthsClamped,
  type CalendarDate,
  compareDates,
  type IntakeInput,
  type LoggedChannel,
  normalizeEmail,
  RequestException,
  type RequestStatus,
  toCalendarDate,
} from '@rightsdesk/domain';
import { AuditTrail } from '../audit/audit-trail.service';
import { Clock } from '../time/clock';
import { AutoApproval } from '../triage/auto-approval.service';
import { autoApproveAfterFiling } from './auto-approve-after-filing';
import { RequestFilings } from './request-filings.service';

export interface LoggedRequestFacts {
  channel: LoggedChannel;
  /** The day the letter, call or email reached the company. */
  receivedOn: CalendarDate;
  /** The officer checked who is asking (e.g. a signed letter matching the account holder). */
  identityVerified: boolean;
}

export interface LoggedRequestReceipt {
  id: string;
  reference: string;
  status: Extract<RequestStatus, 'pending_verification' | 'awaiting_review' | 'approved'>;
}

// A request that arrived by post, phone or email, logged by an officer. The statutory clock runs
// from the day it arrived, not the day it was typed in: GDPR and CCPA count from receipt.
@Injectable()
export class LoggedIntake {
  constructor(
    private readonly transactions: DatabaseTransactions,
    private readonly intake: IntakeRepository,
    private readonly filings: RequestFilings,
    private readonly audit: AuditTrail,
    private readonly autoApproval: AutoApproval,
    private readonly clock: Clock,
  ) {}

  async log(input: IntakeInput, facts: LoggedRequestFacts, officerId: string): Promise<LoggedRequestReceipt> {
    const now = this.clock.now();
    const today = toCalendarDate(now);
    checkReceivedOn(facts.receivedOn, today);
    const email = normalizeEmail(input.email);
    const { request, deadline } = this.filings.newRequest(input, email, {
      channel: facts.channel,
      // Midnight UTC of the day it arrived: the clock only reads the date.
      receivedAt: new Date(`${facts.receivedOn}T00:00:00.000Z`),
      receivedOn: facts.receivedOn,
      today,
      now,
      // An officer logs deliberately; the portal's duplicate check is for repeated web submissions.
      dedupKey: null,
      verified: facts.identityVerified,
    });
    const audit = {
      requestId: request.id,
      actorType: 'officer' as const,
      actorId: officerId,
      action: 'request_logged',
      fromStatus: null,
      toStatus: request.status,
      data: {
        channel: facts.channel,
        type: request.type,
        receivedOn: facts.receivedOn,
        regime: request.regime,
        dueOn: deadline.dueOn,
        identityVerified: facts.identityVerified,
      },
    };
    if (facts.identityVerified) {
      await this.transactions.run((tx) => this.filings.insertVerified(tx, request, email, [audit]));
      // Checked by the officer counts as confirmed, so the auto-approval policy applies as it would.
      if (await autoApproveAfterFiling(this.autoApproval, request)) {
        return { id: request.id, reference: request.reference, status: 'approved' };
      }
    } else {
      // Not checked yet: the requester confirms their address as a portal filer would.
      const filing = { request, ...this.filings.verification(request, email, now), audit: this.audit.event(audit) };
      if (!(await this.intake.insertIfNew(filing))) {
        throw new RequestException('conflict', 'The request could not be logged; try again.');
      }
    }
    return { id: request.id, reference: request.reference, status: request.status as LoggedRequestReceipt['status'] };
  }
}

function checkReceivedOn(receivedOn: CalendarDate, today: CalendarDate): void {
  const fieldError = (code: string, message: string) =>
    new RequestException('validation_failed', 'The request is not valid.', { fieldErrors: [{ path: 'receivedOn', code, message }] });
  if (compareDates(receivedOn, today) > 0) {
    throw fieldError('too_big', `Must not be in the future (today is ${today}).`);
  }
  // Older than a year is a typo far more often than a letter found in a drawer; and any deadline
  // would long have passed.
  const earliest = addMonthsClamped(today, -12);
  if (compareDates(receivedOn, earliest) < 0) {
    throw fieldError('too_small', `Must not be more than a year ago (${earliest} or later).`);
  }
}
