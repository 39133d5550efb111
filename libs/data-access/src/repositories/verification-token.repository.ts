import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { VerificationTokenEntity } from '../entities/verification-token.entity';

export type NewVerificationToken = Pick<
  VerificationTokenEntity,
  'id' | 'requestId' | 'tokenHash' | 'expiresAt'
>;

@Injectable()
export class VerificationTokenRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(tx?: EntityManager) {
    return (tx ?? this.dataSource.manager).getRepository(VerificationTokenEntity);
  }

  async insert(tx: EntityManager, token: NewVerificationToken): Promise<void> {
    await tx.query(
      `INSERT INTO verification_token (id, request_id, token_hash, expires_at) VALUES ($1, $2, $3, $4)`,
      [token.id, token.requestId, token.tokenHash, token.expiresAt],
    );
  }

  findByHash(tokenHash: Buffer, tx?: EntityManager): Promise<VerificationTokenEntity | null> {
    return this.repo(tx).findOneBy({ tokenHash });
  }

  // Once the address is proven every outstanding link for the request stops working.
  async useAll(tx: EntityManager, requestId: string, now: Date): Promise<void> {
    await this.repo(tx).update({ requestId, usedAt: IsNull() }, { usedAt: now });
  }
}
