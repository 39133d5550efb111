import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { ApiKeyEntity } from '../entities/api-key.entity';
import { updateReturning } from './update-returning';

export type NewApiKey = Pick<ApiKeyEntity, 'id' | 'name' | 'prefix' | 'secretHash' | 'scopes'>;

@Injectable()
export class ApiKeyRepository {
  constructor(private readonly dataSource: DataSource) {}

  async add(key: NewApiKey, tx?: EntityManager): Promise<void> {
    await (tx ?? this.dataSource.manager).getRepository(ApiKeyEntity).insert(key);
  }

  findActiveByPrefix(prefix: string): Promise<ApiKeyEntity | null> {
    return this.dataSource.getRepository(ApiKeyEntity).findOneBy({ prefix, revokedAt: IsNull() });
  }

  list(): Promise<ApiKeyEntity[]> {
    return this.dataSource.getRepository(ApiKeyEntity).find({ order: { createdAt: 'ASC' } });
  }

  // Minute resolution is enough for "last used" and spares a write on every call.
  async touch(id: string, at: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE api_key SET last_used_at = $2::timestamptz WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $2::timestamptz - interval '1 minute')`,
      [id, at],
    );
  }

  /** The key's scopes when this call revoked it; null when it is unknown or already revoked. */
  async revokeById(id: string, at: Date, tx?: EntityManager): Promise<{ scopes: string[] } | null> {
    const rows = await updateReturning<{ scopes: string[] }>(
      tx ?? this.dataSource,
      `UPDATE api_key SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING scopes`,
      [id, at],
    );
    return rows[0] ?? null;
  }

  findById(id: string): Promise<ApiKeyEntity | null> {
    return this.dataSource.getRepository(ApiKeyEntity).findOneBy({ id });
  }

  async revoke(prefix: string, at: Date): Promise<boolean> {
    const result = await this.dataSource.getRepository(ApiKeyEntity).update({ prefix, revokedAt: IsNull() }, { revokedAt: at });
    return (result.affected ?? 0) > 0;
  }
}
