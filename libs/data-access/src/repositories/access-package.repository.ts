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
}
