import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import type { DrpAgentEntity } from './drp-agent.entity';

// A bearer token from the pair-wise key setup. Only its keyed hash is stored; every later DRP call
// made with it is bound to `agentId`.
@Entity({ name: 'drp_agent_token' })
export class DrpAgentTokenEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Index('drp_agent_token_agent_id_idx')
  @Column({ name: 'agent_id', type: 'varchar', length: 100 })
  agentId!: string;

  @ManyToOne('DrpAgentEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agent_id' })
  agent?: Relation<DrpAgentEntity>;

  @Index('drp_agent_token_hash_key', { unique: true })
  @Column({ name: 'token_hash', type: 'bytea' })
  tokenHash!: Buffer;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;

  /** The signed pairing message that issued this token: a captured message cannot mint another. */
  @Index('drp_agent_token_pairing_key', { unique: true, where: 'pairing_sha256 IS NOT NULL' })
  @Column({ name: 'pairing_sha256', type: 'bytea', nullable: true })
  pairingSha256!: Buffer | null;
}
