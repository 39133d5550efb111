import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { RequestAttachmentEntity } from '../entities/request-attachment.entity';

export type NewRequestAttachment = Pick<RequestAttachmentEntity, 'id' | 'requestId' | 'messageId' | 'fileName' | 'contentType' | 'bytes' | 'sha256' | 'content'>;

/** What lists show: never the content. */
export type AttachmentSummary = Pick<RequestAttachmentEntity, 'id' | 'requestId' | 'messageId' | 'fileName' | 'contentType' | 'bytes' | 'sha256' | 'createdAt' | 'deletedAt'>;

@Injectable()
export class RequestAttachmentRepository {
  constructor(private readonly dataSource: DataSource) {}

  async add(tx: EntityManager, attachment: NewRequestAttachment): Promise<void> {
    await tx.getRepository(RequestAttachmentEntity).insert(attachment);
  }

  listByRequest(requestId: string): Promise<AttachmentSummary[]> {
    return this.dataSource.getRepository(RequestAttachmentEntity).find({
      select: { id: true, requestId: true, messageId: true, fileName: true, contentType: true, bytes: true, sha256: true, createdAt: true, deletedAt: true },
      where: { requestId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** One attachment with its content, if it still has one. */
  findContent(requestId: string, id: string): Promise<RequestAttachmentEntity | null> {
    return this.dataSource.getRepository(RequestAttachmentEntity).findOneBy({ id, requestId, deletedAt: IsNull() });
  }

  /**
   * Once a request is decided its uploads have served their purpose: content and file name go,
   * size, type and hash stay as the record that something was received. Returns how many.
   */
  async eraseContents(tx: EntityManager, requestId: string, at: Date): Promise<number> {
    const rows = await tx.query<[unknown[], number]>(
      `UPDATE request_attachment SET content = NULL, file_name = NULL, deleted_at = $2 WHERE request_id = $1 AND deleted_at IS NULL`,
      [requestId, at],
    );
    return rows[1];
  }
}
