import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

// One row per audit event, in commit order, written only by the deferred trigger in the audit
// migration: hash = sha256(prev_hash || '\n' || the event's content_hash). Insert-only, like the
// events themselves, so sealing an event never rewrites it.
@Entity({ name: 'audit_chain' })
export class AuditChainLinkEntity {
  @PrimaryColumn({ type: 'bigint' })
  seq!: string;

  @Index('audit_chain_event_key', { unique: true })
  @Column({ name: 'event_id', type: 'bigint' })
  eventId!: string;

  @Column({ name: 'prev_hash', type: 'char', length: 64 })
  prevHash!: string;

  @Column({ type: 'char', length: 64 })
  hash!: string;
}
