import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@rightsdesk/config';
import { PrivacyRequestRepository, RequestAttachmentRepository, RequestMessageRepository } from '@rightsdesk/data-access';
import { nextStatus } from '@rightsdesk/domain';
import { AuditTrail } from '../../audit/audit-trail.service';
import { OutboxService } from '../../outbox/outbox.service';
import { FieldCipher } from '../../security/field-cipher';
import { Clock } from '../../time/clock';
import { RequesterContactService } from '../requester-contact.service';
import { closingPatch } from './request-closing';
import { RequestLock } from '../request-lock.service';

export interface Cancellation {
  /** Internal: why it was cancelled; never sent to the requester. */
  note?: string;
  notifyRequester: boolean;
}

// Cancelling closes a request that will not be carried out (e.g. on the requester's word). The
// status machine allows it until execution has started, and again after it failed.
@Injectable()
export class RequestCancellation {
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

  async cancel(requestId: string, cancellation: Cancellation, officerId: string): Promise<void> {
    const now = this.clock.now();
    await this.lock.run(requestId, async (tx, request) => {
      const to = nextStatus(request.status, 'cancel');
      await this.requests.update(tx, requestId, closingPatch(request, to, now));
      await this.attachments.eraseContents(tx, requestId, now);
      const messageId = cancellation.note === undefined ? null : randomUUID();
      if (messageId !== null) {
        await this.messages.add(tx, { id: messageId, requestId, kind: 'cancellation', authorType: 'officer', authorId: officerId, body: this.cipher.encryptJson(cancellation.note) });
      }
      if (cancellation.notifyRequester) {
        const { email, locale } = this.contact.contact(request);
        await this.outbox.addEmail(tx, requestId, email, {
          template: 'request_cancelled',
          locale,
          params: {
            companyName: this.config.company.name,
            reference: request.reference,
            requestType: request.type,
            regime: request.regime,
            // A failed run may have finished in some systems before the others failed.
            partlyCarriedOut: request.status === 'failed',
            statusUrl: await this.contact.newStatusUrl(tx, request),
          },
        });
      }
      await this.audit.record(tx, {
        requestId,
        actorType: 'officer',
        actorId: officerId,
        action: 'request_cancelled',
        fromStatus: request.status,
        toStatus: to,
        data: { messageId, requesterNotified: cancellation.notifyRequester },
      });
    });
  }
}
