import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AuditActorType } from '@rightsdesk/domain';

// Append-only: a trigger refuses UPDATE, DELETE and TRUNCATE. The application writes the event
// and the hash of its content; when the transaction commits, a deferred trigger links it into the
// hash chain (audit_chain), so a removed or altered event breaks the chain.
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
}
