import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DrpAgentTokenEntity } from '../entities/drp-agent-token.entity';
import { DrpAgentEntity } from '../entities/drp-agent.entity';
import { updateReturning } from './update-returning';

export type NewDrpAgent = Pick<DrpAgentEntity, 'id' | 'name' | 'verifyKey' | 'technicalContact'>;
export type NewDrpAgentToken = Pick<DrpAgentTokenEntity, 'id' | 'agentId' | 'tokenHash' | 'pairingSha256'>;

@Injectable()
export class DrpAgentRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** False when an agent with that id exists already. */
  async add(agent: NewDrpAgent, tx?: EntityManager): Promise<boolean> {
    const rows = await (tx ?? this.dataSource).query<unknown[]>(
      `INSERT INTO drp_agent (id, name, verify_key, technical_contact) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [agent.id, agent.name, agent.verifyKey, agent.technicalContact],
    );
    return rows.length > 0;
  }

  findById(id: string): Promise<DrpAgentEntity | null> {
    return this.dataSource.getRepository(DrpAgentEntity).findOneBy({ id });
  }

  list(): Promise<DrpAgentEntity[]> {
    return this.dataSource.getRepository(DrpAgentEntity).find({ order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** True when this call disabled it; false when it is unknown or was disabled already. */
  async disable(id: string, at: Date, tx?: EntityManager): Promise<boolean> {
    const rows = await updateReturning<{ id: string }>(tx ?? this.dataSource, `UPDATE drp_agent SET disabled_at = $2 WHERE id = $1 AND disabled_at IS NULL RETURNING id`, [id, at]);
    return rows.length > 0;
  }

  /** False when this pairing message issued a token already (a replay). */
  async addToken(token: NewDrpAgentToken, tx?: EntityManager): Promise<boolean> {
    const rows = await (tx ?? this.dataSource).query<unknown[]>(
      `INSERT INTO drp_agent_token (id, agent_id, token_hash, pairing_sha256) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING id`,
      [token.id, token.agentId, token.tokenHash, token.pairingSha256],
    );
    return rows.length > 0;
  }

  /** The token's agent when the token is known and its agent is not disabled. */
  async findActiveAgentByTokenHash(tokenHash: Buffer): Promise<{ tokenId: string; agent: DrpAgentEntity } | null> {
    const token = await this.dataSource.getRepository(DrpAgentTokenEntity).findOne({ where: { tokenHash }, relations: { agent: true } });
    if (!token?.agent || token.agent.disabledAt !== null) {
      return null;
    }
    return { tokenId: token.id, agent: token.agent };
  }

  // Minute resolution is enough for "last used" and spares a write on every call.
  async touchToken(id: string, at: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE drp_agent_token SET last_used_at = $2::timestamptz WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $2::timestamptz - interval '1 minute')`,
      [id, at],
    );
  }
}
