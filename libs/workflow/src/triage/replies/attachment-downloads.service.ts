import { Injectable } from '@nestjs/common';
import { DatabaseTransactions, RequestAttachmentRepository } from '@rightsdesk/data-access';
import { isUuid, RequestException } from '@rightsdesk/domain';
import { AuditTrail } from '../../audit/audit-trail.service';
import { FieldCipher } from '../../security/field-cipher';

export interface AttachmentFile {
  fileName: string;
  /** The type its bytes showed when it was uploaded. */
  contentType: string;
  content: Buffer;
}

// Officers (auditors too) read what a requester uploaded; every opening is audited. Once the
// request is decided the content is erased and the file is gone for good (410).
@Injectable()
export class AttachmentDownloads {
  constructor(
    private readonly transactions: DatabaseTransactions,
    private readonly attachments: RequestAttachmentRepository,
    private readonly audit: AuditTrail,
    private readonly cipher: FieldCipher,
  ) {}

  async open(requestId: string, attachmentId: string, officerId: string): Promise<AttachmentFile> {
    if (!isUuid(requestId) || !isUuid(attachmentId)) {
      throw new RequestException('not_found', 'No such attachment.');
    }
    const row = await this.attachments.findContent(requestId, attachmentId);
    if (!row?.content || !row.fileName) {
      const known = (await this.attachments.listByRequest(requestId)).some((a) => a.id === attachmentId);
      throw known
        ? new RequestException('package_unavailable', 'This file was deleted when the request was decided; its size, type and checksum remain on record.')
        : new RequestException('not_found', 'No such attachment.');
    }
    const file = { fileName: this.cipher.decryptBytes(row.fileName).toString('utf8'), contentType: row.contentType, content: this.cipher.decryptBytes(row.content) };
    await this.transactions.run((tx) =>
      this.audit.record(tx, { requestId, actorType: 'officer', actorId: officerId, action: 'attachment_viewed', data: { attachmentId } }),
    );
    return file;
  }
}
