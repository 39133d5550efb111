import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { PrivacyRequestEntity } from './privacy-request.entity';

export const REQUEST_MESSAGE_KINDS = [
  // Internal: officers only, never shown to the requester.
  'note',
  // Sent to the requester with the action that caused it.
  'denial',
  'extension',
  'information_request',
  'cancellation',
  // The requester's answer to an information request (with attachments).
  'requester_reply',
] as const;

export type RequestMessageKind = (typeof REQUEST_MESSAGE_KINDS)[number];

// Free text written about a request: officers' notes and what they told the requester, and the
// requester's answers. Free text may hold personal data, so the body is encrypted; the audit trail
// records only that a message exists (its id and kind).
@Entity({ name: 'request_message' })
@Check('request_message_kind_check', `kind IN ('note','denial','extension','information_request','cancellation','requester_reply')`)
@Check('request_message_author_type_check', `author_type IN ('officer','requester')`)
export class RequestMessageEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Index('request_message_request_idx')
  @Column({ name: 'request_id', type: 'uuid' })
  requestId!: string;

  @ManyToOne(() => PrivacyRequestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  request?: Relation<PrivacyRequestEntity>;

  @Column({ type: 'varchar', length: 24 })
  kind!: RequestMessageKind;

  @Column({ name: 'author_type', type: 'varchar', length: 16 })
  authorType!: 'officer' | 'requester';

  /** The officer's id; null for the requester. */
  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId!: string | null;

  @Column({ type: 'bytea' })
  body!: Buffer;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
