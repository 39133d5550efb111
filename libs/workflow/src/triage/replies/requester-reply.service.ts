import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@rightsdesk/config';
import {
  DatabaseTransactions,
  type NewRequestAttachment,
  OfficerRepository,
  type PrivacyRequestEntity,
  PrivacyRequestRepository,
  RequestAttachmentRepository,
  RequestMessageRepository,
} from '@rightsdesk/data-access';
import { endHold, type FieldError, nextStatus, RequestException, type RequestStatus, toCalendarDate } from '@rightsdesk/domain';
import { AuditTrail } from '../../audit/audit-trail.service';
import { OutboxService } from '../../outbox/outbox.service';
import { FieldCipher } from '../../security/field-cipher';
import { sameHash } from '../../security/keyed-hash';
import { RequestStatusService } from '../../status/request-status.service';
import { Clock } from '../../time/clock';
import { requestDeadline } from '../clock-actions/request-deadline';
import { attachmentFileName } from './attachment-file-name';
import { declaredTypeFits, detectUploadType, type UploadContentType } from './upload-content-type';

export interface ReplyUpload {
  fileName: string;
  /** What the client said the file is; the bytes decide. */
  declaredType: string;
  content: Buffer;
}

export interface RequesterReplyInput {
  message: string;
  files: ReplyUpload[];
}

export interface ReplyReceipt {
  reference: string;
  status: RequestStatus;
  files: number;
}

interface CheckedUpload {
  fileName: string;
  type: UploadContentType;
  content: Buffer;
}

// The requester's answer to an information request, through their status link: the request goes
// back to review, the hold closes (the clock resumes where it had paused), the answer and files are
// stored encrypted, and the assignee (or the team) is told that something arrived — not what.
@Injectable()
export class RequesterReplies {
  constructor(
    private readonly transactions: DatabaseTransactions,
    private readonly requests: PrivacyRequestRepository,
    private readonly messages: RequestMessageRepository,
    private readonly attachments: RequestAttachmentRepository,
    private readonly officers: OfficerRepository,
    private readonly status: RequestStatusService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditTrail,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Checked before an upload is read: a wrong link is the status page's 404, a request not waiting on an answer is 409. */
  async admit(reference: string, statusToken: string): Promise<void> {
    const request = await this.status.findByLink(reference, statusToken);
    nextStatus(request.status, 'resume');
  }

  async reply(reference: string, statusToken: string, input: RequesterReplyInput): Promise<ReplyReceipt> {
    const found = await this.status.findByLink(reference, statusToken);
    const files = this.checkFiles(input.files);
    return this.transactions.run(async (tx) => {
      const request = await this.requests.findByIdForUpdate(tx, found.id);
      // The link may have been replaced by a newer email while the upload was arriving.
      if (!request || !sameHash(request.statusTokenHash, found.statusTokenHash ?? Buffer.alloc(0))) {
        throw new RequestException('not_found', 'No request matches this reference and link.');
      }
      const to = nextStatus(request.status, 'resume');
      const today = toCalendarDate(this.clock.now());
      const holds = endHold(request.holds ?? [], today);
      const deadline = requestDeadline({ ...request, holds }, today);
      await this.requests.updateClock(tx, request.id, { status: to, holds, dueOn: deadline.dueOn, dueExplanation: deadline.explanation });

      const messageId = randomUUID();
      await this.messages.add(tx, { id: messageId, requestId: request.id, kind: 'requester_reply', authorType: 'requester', authorId: null, body: this.cipher.encryptJson(input.message) });
      const attachmentIds: string[] = [];
      for (const file of files) {
        const attachment = this.sealed(request.id, messageId, file);
        await this.attachments.add(tx, attachment);
        attachmentIds.push(attachment.id);
      }
      await this.outbox.addEmail(tx, request.id, await this.teamAddress(request), {
        template: 'requester_replied',
        locale: 'en',
        params: {
          companyName: this.config.company.name,
          reference: request.reference,
          requestType: request.type,
          files: files.length,
          dueOn: deadline.dueOn,
          consoleUrl: `${this.config.http.publicUrl}/console/requests/${request.id}`,
        },
      });
      await this.audit.record(tx, {
        requestId: request.id,
        actorType: 'requester',
        action: 'information_received',
        fromStatus: request.status,
        toStatus: to,
        data: { messageId, files: files.length, attachmentIds },
      });
      return { reference: request.reference, status: to, files: files.length };
    });
  }

  // The type is what the bytes are; every file is checked before anything is written.
  private checkFiles(files: ReplyUpload[]): CheckedUpload[] {
    const { uploadMaxFiles, uploadMaxBytes } = this.config.console;
    if (files.length > uploadMaxFiles) {
      throw new RequestException('payload_too_large', `Attach at most ${uploadMaxFiles} files.`, {
        fieldErrors: [{ path: 'files', code: 'too_long', message: `Must have at most ${uploadMaxFiles} items.` }],
      });
    }
    const tooBig = files.findIndex((file) => file.content.length > uploadMaxBytes);
    if (tooBig !== -1) {
      throw new RequestException('payload_too_large', `Each file may be at most ${uploadMaxBytes} bytes.`, {
        fieldErrors: [{ path: `files.${tooBig}`, code: 'too_big', message: `Must be at most ${uploadMaxBytes} bytes.` }],
      });
    }
    const errors: FieldError[] = [];
    const checked = files.flatMap((file, index): CheckedUpload[] => {
      const type = detectUploadType(file.content);
      if (!type || !declaredTypeFits(file.declaredType, type)) {
        errors.push({ path: `files.${index}`, code: 'invalid_type', message: 'Must be a PDF, PNG or JPEG file.' });
        return [];
      }
      return [{ fileName: attachmentFileName(file.fileName, type), type, content: file.content }];
    });
    if (errors.length > 0) {
      throw new RequestException('validation_failed', 'Only PDF, PNG and JPEG files can be attached.', { fieldErrors: errors });
    }
    return checked;
  }

  private sealed(requestId: string, messageId: string, file: CheckedUpload): NewRequestAttachment {
    return {
      id: randomUUID(),
      requestId,
      messageId,
      fileName: this.cipher.encryptBytes(Buffer.from(file.fileName, 'utf8')),
      contentType: file.type,
      bytes: file.content.length,
      sha256: createHash('sha256').update(file.content).digest('hex'),
      content: this.cipher.encryptBytes(file.content),
    };
  }

  private async teamAddress(request: PrivacyRequestEntity): Promise<string> {
    const assignee = request.assigneeId ? await this.officers.findById(request.assigneeId) : null;
    return assignee && !assignee.disabledAt ? assignee.email : this.config.officers.email;
  }
}
