import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessPackageEntity } from '../entities/access-package.entity';
import { AUDIT_INSERT_COLUMNS, AUDIT_UNNEST_SELECT, auditUnnest, keyedAuditArrays, type NewAuditEvent } from './audit-insert';
import { countDueSql, dueAfterSql, type DueItems, type DueRow, toDueItems } from './due-items';
import { updateReturning } from './update-returning';

const EXPIRED = `SELECT p.id AS key, p.request_id FROM access_package p WHERE p.deleted_at IS NULL AND p.expires_at <= $1`;

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

  /** Packages past their expiry at `asOf` whose files are still on disk, a dry run's count. */
  async countExpired(asOf: Date, samples: number): Promise<DueItems> {
    return toDueItems((await this.dataSource.query<DueRow[]>(countDueSql(EXPIRED, 2), [asOf, samples]))[0]);
  }

  /** The next at most `limit` of them after `cursor` (null: from the start), in id order. */
  async findExpired(asOf: Date, cursor: string | null, limit: number): Promise<Array<Pick<AccessPackageEntity, 'id' | 'requestId'>>> {
    const rows = await this.dataSource.query<Array<{ key: string; request_id: string }>>(dueAfterSql(EXPIRED, 'p.id', 2), [asOf, cursor, limit]);
    return rows.map((row) => ({ id: row.key, requestId: row.request_id }));
  }

  /**
   * Marks the packages whose files are gone, with `audit[i]` recorded for `ids[i]` if this marked it,
   * in one statement: a repeated call marks and records nothing. Returns how many it marked.
   */
  async markDeleted(ids: string[], at: Date, audit: NewAuditEvent[]): Promise<number> {
    if (ids.length === 0) {
      return 0;
    }
    const rows = await this.dataSource.query<Array<{ n: number }>>(
      `WITH d AS (
         UPDATE access_package SET deleted_at = $2 WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL RETURNING id
       ), a AS (
         INSERT INTO audit_event (${AUDIT_INSERT_COLUMNS})
         SELECT ${AUDIT_UNNEST_SELECT} FROM ${auditUnnest(3)} WHERE x.key IN (SELECT id FROM d) ORDER BY x.n
       )
       SELECT count(*)::int AS n FROM d`,
      [ids, at, ...keyedAuditArrays(ids, audit)],
    );
    return rows[0]?.n ?? 0;
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
