import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import type { DrpAgentEntity } from './drp-agent.entity';
import type { PrivacyRequestEntity } from './privacy-request.entity';

export type DrpFinalStatus = 'denied' | 'revoked';

// A Data Rights Protocol exercise as an authorized agent sent it: the agent's side of a request.
// `id` is the DRP `request_id` we answered with. Most exercises become a privacy request that runs
// the ordinary workflow (`requestId`); one we refuse at once (an opt-in we do not take) has none and
// keeps its final state here. The identity claims are personal data, encrypted like the request's.
@Entity({ name: 'drp_request' })
// Replays: the same agent's agent-request-id, or the same signed JSON bytes, find the same request.
@Index('drp_request_agent_request_id_key', ['agentId', 'agentRequestId'], { unique: true, where: 'agent_request_id IS NOT NULL' })
@Index('drp_request_agent_body_key', ['agentId', 'bodySha256'], { unique: true })
// The status-callback sweep reads only requests whose last state the agent has not had yet.
@Index('drp_request_callback_pending_idx', ['callbackNextAt'], { where: 'status_callback IS NOT NULL AND callback_settled = false' })
export class DrpRequestEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'agent_id', type: 'varchar', length: 100 })
  agentId!: string;

  @ManyToOne('DrpAgentEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agent_id' })
  agent?: Relation<DrpAgentEntity>;

  @Column({ name: 'agent_request_id', type: 'varchar', length: 200, nullable: true })
  agentRequestId!: string | null;

  @Column({ name: 'body_sha256', type: 'bytea' })
  bodySha256!: Buffer;

  @Index('drp_request_request_id_key', { unique: true, where: 'request_id IS NOT NULL' })
  @Column({ name: 'request_id', type: 'uuid', nullable: true })
  requestId!: string | null;

  @ManyToOne('PrivacyRequestEntity', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'request_id' })
  request?: Relation<PrivacyRequestEntity>;

  /** The exercise in its canonical spelling, e.g. `sale:opt-out`. */
  @Column({ type: 'varchar', length: 32 })
  exercise!: string;

  /** `regime` as the agent sent it (`ccpa`), or null for a voluntary request. */
  @Column({ name: 'drp_regime', type: 'varchar', length: 32, nullable: true })
  drpRegime!: string | null;

  @Column({ name: 'drp_version', type: 'varchar', length: 8 })
  drpVersion!: string;

  @Column({ name: 'status_callback', type: 'varchar', length: 2000, nullable: true })
  statusCallback!: string | null;

  /** The identity claims and relationships as the agent sent them, encrypted. */
  @Column({ type: 'bytea' })
  claims!: Buffer;

  /** The signed message's expires-at: replays until then answer with this request. */
  @Column({ name: 'message_expires_at', type: 'timestamptz' })
  messageExpiresAt!: Date;

  @Column({ name: 'final_status', type: 'varchar', length: 16, nullable: true })
  finalStatus!: DrpFinalStatus | null;

  @Column({ name: 'final_reason', type: 'varchar', length: 32, nullable: true })
  finalReason!: string | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  /** The state last delivered to the status callback (a digest of the status object). */
  @Column({ name: 'callback_sent_key', type: 'varchar', length: 64, nullable: true })
  callbackSentKey!: string | null;

  /** A state the agent never acknowledged after every retry: not tried again until the state changes. */
  @Column({ name: 'callback_abandoned_key', type: 'varchar', length: 64, nullable: true })
  callbackAbandonedKey!: string | null;

  /** Failed deliveries of the state `callbackFailingKey`; a new state starts again from 0. */
  @Column({ name: 'callback_attempts', type: 'integer', default: 0 })
  callbackAttempts!: number;

  @Column({ name: 'callback_failing_key', type: 'varchar', length: 64, nullable: true })
  callbackFailingKey!: string | null;

  @Column({ name: 'callback_next_at', type: 'timestamptz', nullable: true })
  callbackNextAt!: Date | null;

  /** One process sends a request's callback at a time. */
  @Column({ name: 'callback_lease_until', type: 'timestamptz', nullable: true })
  callbackLeaseUntil!: Date | null;

  /** The agent has the final state: the sweep no longer looks at this request. */
  @Column({ name: 'callback_settled', type: 'boolean', default: false })
  callbackSettled!: boolean;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;
}
