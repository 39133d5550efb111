import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { PrivacyRequestEntity } from './privacy-request.entity';
import { RequestMessageEntity } from './request-message.entity';

// A file the requester uploaded with an answer (e.g. proof of age). The content and the file name
// are encrypted; both are erased once the request is decided, leaving size, type and hash as the
// record that a file was received.
@Entity({ name: 'request_attachment' })
export class RequestAttachmentEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Index('request_attachment_request_idx')
  @Column({ name: 'request_id', type: 'uuid' })
  requestId!: string;

  @ManyToOne(() => PrivacyRequestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  request?: Relation<PrivacyRequestEntity>;

  @Index('request_attachment_message_idx')
  @Column({ name: 'message_id', type: 'uuid' })
  messageId!: string;

  @ManyToOne(() => RequestMessageEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'message_id' })
  message?: Relation<RequestMessageEntity>;

  @Column({ name: 'file_name', type: 'bytea', nullable: true })
  fileName!: Buffer | null;

  @Column({ name: 'content_type', type: 'varchar', length: 100 })
  contentType!: string;

  @Column({ type: 'integer' })
  bytes!: number;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Column({ type: 'bytea', nullable: true })
  content!: Buffer | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;
}
