import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@rightsdesk/config';
import { PrivacyRequestRepository, RequestAttachmentRepository, RequestMessageRepository } from '@rightsdesk/data-access';
import { type DenyReason, nextStatus } from '@rightsdesk/domain';
import { AuditTrail } from '../../audit/audit-trail.service';
import { OutboxService } from '../../outbox/outbox.service';
import { FieldCipher } from '../../security/field-cipher';
import { Clock } from '../../time/clock';
import { RequesterContactService } from '../requester-contact.service';
import { closingPatch } from './request-closing';
import { RequestLock } from '../request-lock.service';

export interface Denial {
  reason: DenyReason;
  /** To the requester: the specifics of why, in the officer's words. */
  message: string;
}

// A refusal closes the request. GDPR Art. 12(4): the person is told why and that they may complain
// to a supervisory authority and go to court, so the email carries the reason, the officer's
// message and the complaint route of the request's regime. The audit keeps the reason code only.
@Injectable()
export class RequestDenial {
  constructor(
    private readonly lock: RequestLock,
    private readonly requests: PrivacyRequestRepository,
    private readonly messages: RequestMessageRepository,
    private readonly attachments: RequestAttachmentRepository,
    private readonly contact: RequesterContactService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditTrail,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async deny(requestId: string, denial: Denial, officerId: string): Promise<void> {
    const now = this.clock.now();
    await this.lock.run(requestId, async (tx, request) => {
      const to = nextStatus(request.status, 'deny');
      await this.requests.update(tx, requestId, { ...closingPatch(request, to, now), denyReason: denial.reason });
      await this.attachments.eraseContents(tx, requestId, now);
      const messageId = randomUUID();
      await this.messages.add(tx, { id: messageId, requestId, kind: 'denial', authorType: 'officer', authorId: officerId, body: this.cipher.encryptJson(denial.message) });
      const { email, locale } = this.contact.contact(request);
      await this.outbox.addEmail(tx, requestId, email, {
        template: 'request_denied',
        locale,
        params: {
          companyName: this.config.company.name,
          reference: request.reference,
          requestType: request.type,
          regime: request.regime,
          reason: denial.reason,
          message: denial.message,
          statusUrl: await this.contact.newStatusUrl(tx, request),
        },
      });
      await this.audit.record(tx, {
        requestId,
        actorType: 'officer',
        actorId: officerId,
        action: 'request_denied',
        fromStatus: request.status,
        toStatus: to,
        data: { reason: denial.reason, messageId },
      });
    });
  }
}
