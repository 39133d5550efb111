import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@rightsdesk/config';
import { PrivacyRequestRepository, RequestMessageRepository } from '@rightsdesk/data-access';
import { nextStatus, openHold, REGIME_RULES, RequestException, type RequestStatus, startHold, toCalendarDate } from '@rightsdesk/domain';
import { AuditTrail } from '../../audit/audit-trail.service';
import { OutboxService } from '../../outbox/outbox.service';
import { FieldCipher } from '../../security/field-cipher';
import { Clock } from '../../time/clock';
import { RequesterContactService } from '../requester-contact.service';
import { requestDeadline } from './request-deadline';
import { RequestLock } from '../request-lock.service';

export interface InformationRequested {
  id: string;
  status: RequestStatus;
  dueOn: string;
  dueExplanation: string;
  /** Whether the regime stops the statutory clock while the request waits (GDPR, UK GDPR). */
  clockPaused: boolean;
  messageId: string;
}

// Asking the requester for something (proof of age, which account) puts the request on hold: the
// clock pauses where the regime allows it (GDPR, UK GDPR) and keeps running where it does not
// (CCPA counts "regardless of time required to verify"). The answer comes through the status page.
@Injectable()
export class InformationRequests {
  constructor(
    private readonly lock: RequestLock,
    private readonly requests: PrivacyRequestRepository,
    private readonly messages: RequestMessageRepository,
    private readonly contact: RequesterContactService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditTrail,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async ask(requestId: string, officerId: string, question: string): Promise<InformationRequested> {
    return this.lock.run(requestId, async (tx, request) => {
      const to = nextStatus(request.status, 'hold');
      if (openHold(request.holds ?? [])) {
        throw new RequestException('conflict', 'The request already has an open hold.');
      }
      const today = toCalendarDate(this.clock.now());
      const holds = startHold(request.holds ?? [], today);
      const deadline = requestDeadline({ ...request, holds }, today);
      // A proposal was made on what the request said before the question; the answer may change it.
      const proposalWithdrawn = request.approvalProposedBy !== null;
      await this.requests.updateClock(tx, request.id, {
        status: to,
        holds,
        dueOn: deadline.dueOn,
        dueExplanation: deadline.explanation,
        approvalProposedBy: null,
        approvalProposedAt: null,
      });

      const messageId = randomUUID();
      await this.messages.add(tx, { id: messageId, requestId: request.id, kind: 'information_request', authorType: 'officer', authorId: officerId, body: this.cipher.encryptJson(question) });
      const clockPaused = REGIME_RULES[request.regime].pausesWhileOnHold;
      const { email, locale } = this.contact.contact(request);
      await this.outbox.addEmail(tx, request.id, email, {
        template: 'information_requested',
        locale,
        params: {
          companyName: this.config.company.name,
          reference: request.reference,
          requestType: request.type,
          question,
          statusUrl: await this.contact.newStatusUrl(tx, request),
          dueOn: deadline.dueOn,
          clockPaused,
        },
      });
      await this.audit.record(tx, {
        requestId: request.id,
        actorType: 'officer',
        actorId: officerId,
        action: 'information_requested',
        fromStatus: request.status,
        toStatus: to,
        data: proposalWithdrawn ? { messageId, approvalProposalWithdrawn: true } : { messageId },
      });
      return { id: request.id, status: to, dueOn: deadline.dueOn, dueExplanation: deadline.explanation, clockPaused, messageId };
    });
  }
}
