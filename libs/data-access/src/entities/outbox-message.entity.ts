import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export type OutboxStatus = 'pending' | 'sent';

// Transactional outbox: written in the same transaction as the change that causes the message;
// the worker's relay hands committed rows to the queue (`enqueued_at`). The payload (recipient,
// tokens in links) is encrypted and wiped once the message is sent.
@Entity({ name: 'outbox_message' })
@Index('outbox_message_unrelayed_idx', ['createdAt'], { where: `status = 'pending' AND enqueued_at IS NULL` })
@Index('outbox_message_pending_idx', ['enqueuedAt'], { where: `status = 'pending'` })
export class OutboxMessageEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Index('outbox_message_request_idx')
  @Column({ name: 'request_id', type: 'uuid', nullable: true })
  requestId!: string | null;

  @Column({ type: 'varchar', length: 16 })
  channel!: 'email';

  @Column({ type: 'varchar', length: 64 })
  template!: string;

  @Column({ type: 'bytea', nullable: true })
  payload!: Buffer | null;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status!: OutboxStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'claimed_until', type: 'timestamptz', nullable: true })
  claimedUntil!: Date | null;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError!: string | null;

  @Column({ name: 'enqueued_at', type: 'timestamptz', nullable: true })
  enqueuedAt!: Date | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
