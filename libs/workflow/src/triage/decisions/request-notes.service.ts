import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { RequestMessageRepository } from '@rightsdesk/data-access';
import { AuditTrail } from '../../audit/audit-trail.service';
import { FieldCipher } from '../../security/field-cipher';
import { RequestLock } from '../request-lock.service';

// Internal notes: officers only, never shown to the requester. Allowed in every status (a call from
// the requester after the request closed is still worth writing down). The text is encrypted; the
// audit trail records only that a note exists.
@Injectable()
export class RequestNotes {
  constructor(
    private readonly lock: RequestLock,
    private readonly messages: RequestMessageRepository,
    private readonly audit: AuditTrail,
    private readonly cipher: FieldCipher,
  ) {}

  /** Returns the note's message id. */
  async add(requestId: string, text: string, officerId: string): Promise<string> {
    return this.lock.run(requestId, async (tx, _request) => {
      const messageId = randomUUID();
      await this.messages.add(tx, { id: messageId, requestId, kind: 'note', authorType: 'officer', authorId: officerId, body: this.cipher.encryptJson(text) });
      await this.audit.record(tx, { requestId, actorType: 'officer', actorId: officerId, action: 'note_added', data: { messageId } });
      return messageId;
    });
  }
}
