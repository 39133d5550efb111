import { Injectable } from '@nestjs/common';
import {
  OfficerRepository,
  type RequestMessageKind,
  RequestAttachmentRepository,
  RequestMessageRepository,
} from '@rightsdesk/data-access';
import { FieldCipher } from '../../security/field-cipher';

export interface ConversationAttachment {
  id: string;
  contentType: string;
  bytes: number;
  sha256: string;
  /** Null once the upload was erased (the request was decided). */
  fileName: string | null;
  erased: boolean;
}

export interface ConversationMessage {
  id: string;
  kind: RequestMessageKind;
  author: { type: 'officer' | 'requester'; id: string | null; displayName: string | null };
  body: string;
  createdAt: string;
  attachments: ConversationAttachment[];
}

// What officers and the requester wrote about a request, decrypted for the console. Bodies are
// encrypted at rest as JSON strings, uploads' file names as UTF-8 bytes (as replies store them).
@Injectable()
export class RequestConversation {
  constructor(
    private readonly messages: RequestMessageRepository,
    private readonly attachments: RequestAttachmentRepository,
    private readonly officers: OfficerRepository,
    private readonly cipher: FieldCipher,
  ) {}

  /** Oldest first, each message with its uploads. */
  async read(requestId: string): Promise<ConversationMessage[]> {
    const [messages, attachments] = await Promise.all([
      this.messages.listByRequest(requestId),
      this.attachments.listByRequest(requestId),
    ]);
    const authorIds = [...new Set(messages.flatMap((m) => (m.authorId === null ? [] : [m.authorId])))];
    const names = new Map((await this.officers.findByIds(authorIds)).map((o) => [o.id, o.displayName]));
    return messages.map((message) => ({
      id: message.id,
      kind: message.kind,
      author: {
        type: message.authorType,
        id: message.authorId,
        displayName: message.authorId === null ? null : (names.get(message.authorId) ?? null),
      },
      body: this.cipher.decryptJson<string>(message.body),
      createdAt: message.createdAt.toISOString(),
      attachments: attachments
        .filter((a) => a.messageId === message.id)
        .map((a) => ({
          id: a.id,
          contentType: a.contentType,
          bytes: a.bytes,
          sha256: a.sha256,
          fileName: a.fileName === null ? null : this.cipher.decryptBytes(a.fileName).toString('utf8'),
          erased: a.deletedAt !== null,
        })),
    }));
  }
}
