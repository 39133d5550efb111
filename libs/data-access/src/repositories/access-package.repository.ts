import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessPackageEntity } from '../entities/access-package.entity';
import { updateReturning } from './update-returning';

export type NewAccessPackage = Pick<
  AccessPackageEntity,
  'id' | 'requestId' | 'tokenHash' | 'expiresAt' | 'downloadsRemaining' | 'bytes' | 'sha256'
>;

@Injectable()
export class AccessPackageRepository {
  constructor(private readonly dataSource: DataSource) {}

  async add(tx: EntityManager, row: NewAccessPackage): Promise<void> {
    await tx.query(
      `INSERT INTO access_package (id, request_id, token_hash, expires_at, downloads_remaining, bytes, sha256)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [row.id, row.requestId, row.tokenHash, row.expiresAt, row.downloadsRemaining, row.bytes, row.sha256],
    );
  }

  /** The package a token opens, while it can still be downloaded. */
  findUsable(tokenHash: Buffer, now: Date): Promise<AccessPackageEntity | null> {
    return this.dataSource
      .getRepository(AccessPackageEntity)
      .createQueryBuilder('p')
      .where('p.tokenHash = :tokenHash AND p.deletedAt IS NULL AND p.expiresAt > :now AND p.downloadsRemaining > 0', {
        tokenHash,
        now,
      })
      .getOne();
  }

  /** Takes one download atomically, so two concurrent downloads cannot both use the last one. */
  async takeDownload(tx: EntityManager, tokenHash: Buffer, now: Date): Promise<AccessPackageEntity | null> {
    const rows = await updateReturning<{ id: string }>(
      tx,
      `UPDATE access_package SET downloads_remaining = downloads_remaining - 1, last_downloaded_at = $2
        WHERE token_hash = $1 AND deleted_at IS NULL AND expires_at > $2 AND downloads_remaining > 0
        RETURNING id`,
      [tokenHash, now],
    );
    return rows.length === 0 ? null : tx.getRepository(AccessPackageEntity).findOneBy({ id: rows[0].id });
  }

  findLatestForRequest(requestId: string): Promise<AccessPackageEntity | null> {
    return this.dataSource
      .getRepository(AccessPackageEntity)
      .findOne({ where: { requestId }, order: { createdAt: 'DESC' } });
  }

  /** Packages past their expiry whose files are still on disk. */
  findExpired(now: Date, limit: number): Promise<AccessPackageEntity[]> {
    return this.dataSource
      .getRepository(AccessPackageEntity)
      .createQueryBuilder('p')
      .where('p.deletedAt IS NULL AND p.expiresAt <= :now', { now })
      .orderBy('p.expiresAt', 'ASC')
      .limit(limit)
      .getMany();
  }

  async markDeleted(tx: EntityManager, id: string, at: Date): Promise<void> {
    await tx.query(`UPDATE access_package SET deleted_at = $2 WHERE id = $1 AND deleted_at IS NULL`, [id, at]);
  }

  /**
   * Gives the request's newest live package (not deleted, not expired, downloads left) a new token:
   * the old link stops working, expiry and downloads remaining stay. Null when there is none.
   */
  async replaceLiveToken(tx: EntityManager, requestId: string, tokenHash: Buffer, now: Date): Promise<Pick<AccessPackageEntity, 'id' | 'expiresAt' | 'downloadsRemaining'> | null> {
    const rows = await updateReturning<{ id: string; expires_at: Date; downloads_remaining: number }>(
      tx,
      `UPDATE access_package SET token_hash = $2
        WHERE id = (SELECT id FROM access_package
                     WHERE request_id = $1 AND deleted_at IS NULL AND expires_at > $3 AND downloads_remaining > 0
                     ORDER BY created_at DESC LIMIT 1 FOR UPDATE)
          AND deleted_at IS NULL AND expires_at > $3 AND downloads_remaining > 0
        RETURNING id, expires_at, downloads_remaining`,
      [requestId, tokenHash, now],
    );
    const row = rows[0];
    return row ? { id: row.id, expiresAt: row.expires_at, downloadsRemaining: row.downloads_remaining } : null;
  }
}
