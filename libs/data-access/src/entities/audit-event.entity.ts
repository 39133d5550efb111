import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AuditActorType } from '@rightsdesk/domain';

// Append-only: a trigger refuses UPDATE, DELETE and TRUNCATE, except the one sealing update below.
// The application writes the event and its content hash; when the transaction commits a deferred
// trigger gives it the next `seq` and links it to the previous row (prev_hash, hash), so a removed
// or altered row breaks the chain. `id` is insertion order, `seq` is chain (commit) order.
@Entity({ name: 'audit_event' })
export class AuditEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Index('audit_event_request_idx')
  @Column({ name: 'request_id', type: 'uuid', nullable: true })
  requestId!: string | null;

  @Column({ name: 'actor_type', type: 'varchar', length: 16 })
  actorType!: AuditActorType;

  @Column({ name: 'actor_id', type: 'varchar', length: 64, nullable: true })
  actorId!: string | null;

  @Column({ type: 'varchar', length: 64 })
  action!: string;

  @Column({ name: 'from_status', type: 'varchar', length: 32, nullable: true })
  fromStatus!: string | null;

  @Column({ name: 'to_status', type: 'varchar', length: 32, nullable: true })
  toStatus!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  data!: Record<string, unknown> | null;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'content_hash', type: 'char', length: 64 })
  contentHash!: string;

  @Index('audit_event_seq_key', { unique: true })
  @Column({ type: 'bigint', nullable: true })
  seq!: string | null;

  @Column({ name: 'prev_hash', type: 'char', length: 64, nullable: true })
  prevHash!: string | null;

  @Index('audit_event_hash_key', { unique: true })
  @Column({ type: 'char', length: 64, nullable: true })
  hash!: string | null;
}
