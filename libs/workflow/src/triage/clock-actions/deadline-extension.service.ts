import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@rightsdesk/config';
import { PrivacyRequestRepository, RequestMessageRepository } from '@rightsdesk/data-access';
import { isTerminal, RequestException, toCalendarDate } from '@rightsdesk/domain';
import { AuditTrail } from '../../audit/audit-trail.service';
import { OutboxService } from '../../outbox/outbox.service';
import { FieldCipher } from '../../security/field-cipher';
import { Clock } from '../../time/clock';
import { RequesterContactService } from '../requester-contact.service';
import { extensionRefusal } from './extension-refusal';
import { requestDeadline } from './request-deadline';
import { RequestLock } from '../request-lock.service';

export interface ExtendedDeadline {
  id: string;
  extended: true;
  previousDueOn: string;
  dueOn: string;
  dueExplanation: string;
  messageId: string;
}

// The one extension the law allows, taken while it still may be, with the reasons told to the
// requester (GDPR Art. 12(3): within the first month, with the reasons for the delay).
@Injectable()
export class DeadlineExtension {
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

  async extend(requestId: string, officerId: string, reason: string): Promise<ExtendedDeadline> {
    return this.lock.run(requestId, async (tx, request) => {
      if (isTerminal(request.status)) {
        throw new RequestException('illegal_transition', `The request is closed (${request.status}); its deadline no longer runs.`);
      }
      const today = toCalendarDate(this.clock.now());
      const before = requestDeadline(request, today);
      const refusal = extensionRefusal(request, before);
      if (refusal) {
        throw new RequestException('extension_unavailable', refusal);
      }
      const after = requestDeadline({ ...request, extended: true }, today);
      await this.requests.updateClock(tx, request.id, { extended: true, dueOn: after.dueOn, dueExplanation: after.explanation });

      const messageId = randomUUID();
      await this.messages.add(tx, { id: messageId, requestId: request.id, kind: 'extension', authorType: 'officer', authorId: officerId, body: this.cipher.encryptJson(reason) });
      const { email, locale } = this.contact.contact(request);
      await this.outbox.addEmail(tx, request.id, email, {
        template: 'request_extended',
        locale,
        params: {
          companyName: this.config.company.name,
          reference: request.reference,
          requestType: request.type,
          dueOn: after.dueOn,
          dueExplanation: after.explanation,
          reason,
          statusUrl: await this.contact.newStatusUrl(tx, request),
        },
      });
      await this.audit.record(tx, {
        requestId: request.id,
        actorType: 'officer',
        actorId: officerId,
        action: 'deadline_extended',
        data: { previousDueOn: before.dueOn, dueOn: after.dueOn, messageId },
      });
      return { id: request.id, extended: true, previousDueOn: before.dueOn, dueOn: after.dueOn, dueExplanation: after.explanation, messageId };
    });
  }
}
