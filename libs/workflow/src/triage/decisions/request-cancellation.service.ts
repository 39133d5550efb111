import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@rightsdesk/config';
import { DrpRequestRepository, PrivacyRequestRepository, RequestAttachmentRepository, RequestMessageRepository } from '@rightsdesk/data-access';
import { nextStatus, RequestException } from '@rightsdesk/domain';
import { AuditTrail } from '../../audit/audit-trail.service';
import { OpenDsrCancellation } from '../../opendsr/opendsr-cancellation.service';
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

/**
 * Who cancels: an officer, or the authorized agent that filed the request revoking it on the
 * requester's word (DRP §2.04; its note is the requester's reason, so it is theirs).
 */
export type Canceller = { type: 'officer'; id: string } | { type: 'agent'; id: string; drpRequestId: string };

// Cancelling closes a request that will not be carried out (e.g. on the requester's word). The
// status machine allows it until execution has started, and again after it failed.
@Injectable()
export class RequestCancellation {
  constructor(
    private readonly lock: RequestLock,
    private readonly requests: PrivacyRequestRepository,
    private readonly messages: RequestMessageRepository,
    private readonly attachments: RequestAttachmentRepository,
    private readonly drpRequests: DrpRequestRepository,
    private readonly contact: RequesterContactService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditTrail,
    private readonly cipher: FieldCipher,
    private readonly processors: OpenDsrCancellation,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async cancel(requestId: string, cancellation: Cancellation, by: Canceller): Promise<void> {
    const now = this.clock.now();
    await this.lock.run(requestId, async (tx, request) => {
      if (request.channel === 'gpc') {
        // §7025: the signal must be honoured, and the person's signal is recorded once (gpc_signal),
        // so a cancelled one would never be filed again. A failed one is retried instead.
        throw new RequestException('illegal_transition', 'A Global Privacy Control opt-out cannot be cancelled; retry a failed system instead.');
      }
      const to = nextStatus(request.status, 'cancel');
      await this.requests.update(tx, requestId, closingPatch(request, to, now));
      await this.attachments.eraseContents(tx, requestId, now);
      if (by.type === 'agent') {
        // In the same transaction, so the agent's status never says cancelled without "revoked".
        await this.drpRequests.markRevoked(by.drpRequestId, now, tx);
      }
      const messageId = cancellation.note === undefined ? null : randomUUID();
      if (messageId !== null) {
        await this.messages.add(tx, {
          id: messageId,
          requestId,
          kind: 'cancellation',
          authorType: by.type === 'officer' ? 'officer' : 'requester',
          authorId: by.type === 'officer' ? by.id : null,
          body: this.cipher.encryptJson(cancellation.note),
        });
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
        actorType: by.type,
        actorId: by.id,
        action: by.type === 'officer' ? 'request_cancelled' : 'request_revoked_by_agent',
        fromStatus: request.status,
        toStatus: to,
        data: { messageId, requesterNotified: cancellation.notifyRequester, ...(by.type === 'agent' ? { drpRequestId: by.drpRequestId } : {}) },
      });
    });
    // After the commit: a processor's answer (or silence) must not undo or hold up the cancel.
    await this.processors.afterRequestCancelled(requestId);
  }
}
