import { Injectable } from '@nestjs/common';
import { DatabaseTransactions } from '@rightsdesk/data-access';
import { type IntakeInput, normalizeEmail, type RequestStatus } from '@rightsdesk/domain';
import { AutoApproval } from '../triage/auto-approval.service';
import { Clock } from '../time/clock';
import { autoApproveAfterFiling } from './auto-approve-after-filing';
import { RequestFilings, verifiedNow } from './request-filings.service';

export interface AppFilingReceipt {
  reference: string;
  status: Extract<RequestStatus, 'awaiting_review' | 'approved'>;
}

// The company's own app files for a user it has signed in (API key with requests:create), so the
// address needs no confirmation link: the request starts verified and gets the status link.
@Injectable()
export class AppIntake {
  constructor(
    private readonly transactions: DatabaseTransactions,
    private readonly filings: RequestFilings,
    private readonly autoApproval: AutoApproval,
    private readonly clock: Clock,
  ) {}

  async file(input: IntakeInput, apiKeyId: string): Promise<AppFilingReceipt> {
    const email = normalizeEmail(input.email);
    const { request, deadline } = this.filings.newRequest(input, email, verifiedNow('api', this.clock.now()));
    await this.transactions.run((tx) =>
      this.filings.insertVerified(tx, request, email, [
        {
          requestId: request.id,
          actorType: 'system',
          actorId: apiKeyId,
          action: 'request_received',
          fromStatus: null,
          toStatus: request.status,
          data: { type: request.type, regime: request.regime, channel: 'api', dueOn: deadline.dueOn, method: 'api_key', apiKeyId },
        },
      ]),
    );
    return { reference: request.reference, status: (await autoApproveAfterFiling(this.autoApproval, request)) ? 'approved' : 'awaiting_review' };
  }
}
