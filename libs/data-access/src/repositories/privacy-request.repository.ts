import { Injectable } from '@nestjs/common';
import { DataSource, LessThan, type EntityManager } from 'typeorm';
import { PrivacyRequestEntity } from '../entities/privacy-request.entity';
import { AUDIT_INSERT_COLUMNS, auditInsertValues, auditSelectList, type NewAuditEvent } from './audit-insert';
import { preparedQuery } from './prepared-query';
import { updateReturning } from './update-returning';

export type PrivacyRequestPatch = Partial<
  Pick<
    PrivacyRequestEntity,
    | 'status'
    | 'verifiedAt'
    | 'verificationFailures'
    | 'verificationSentAt'
    | 'statusTokenHash'
    | 'dedupKey'
    | 'closedAt'
    | 'dueOn'
    | 'dueExplanation'
    | 'extended'
  >
>;

export type PendingDuplicate = Pick<
  PrivacyRequestEntity,
  'id' | 'reference' | 'type' | 'language' | 'receivedAt' | 'verificationSentAt'
> & {
  status: 'pending_verification';
};

// A status change with its audit event as one statement (its own transaction), guarded by the
// status the caller read and validated; version and updated_at move as TypeORM's update() moves them.
const CHANGE_STATUS = `
  WITH r AS (
    UPDATE privacy_request SET status = $3::varchar, updated_at = now(), version = version + 1
     WHERE id = $1 AND status = $2 RETURNING id
  ), a AS (
    INSERT INTO audit_event (${AUDIT_INSERT_COLUMNS}) SELECT ${auditSelectList('r', 4)} FROM r
  )
  SELECT count(*)::int AS n FROM r`;

const FIND_STATUS = `SELECT id, type, status FROM privacy_request WHERE id = $1`;

@Injectable()
export class PrivacyRequestRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(tx?: EntityManager) {
    return (tx ?? this.dataSource.manager).getRepository(PrivacyRequestEntity);
  }

  findById(id: string, tx?: EntityManager): Promise<PrivacyRequestEntity | null> {
    return this.repo(tx).findOneBy({ id });
  }

  /** What a status change decides on, read without TypeORM's per-query overhead. */
  async findStatus(id: string): Promise<Pick<PrivacyRequestEntity, 'id' | 'type' | 'status'> | null> {
    const rows = await preparedQuery<Pick<PrivacyRequestEntity, 'id' | 'type' | 'status'>>(
      this.dataSource,
      'rightsdesk_request_status',
      FIND_STATUS,
      [id],
    );
    return rows[0] ?? null;
  }

  /**
   * Moves the request from `from` to `to` and appends the audit event, in one statement. False
   * (and nothing written) when the request is no longer in `from`: the caller reads and decides again.
   */
  async changeStatus(id: string, from: string, to: string, audit: NewAuditEvent): Promise<boolean> {
    const rows = await preparedQuery<{ n: number }>(this.dataSource, 'rightsdesk_change_status', CHANGE_STATUS, [
      id,
      from,
      to,
      ...auditInsertValues(audit).slice(1),
    ]);
    return rows[0]?.n === 1;
  }

  findByReference(reference: string, tx?: EntityManager): Promise<PrivacyRequestEntity | null> {
    return this.repo(tx).findOneBy({ reference });
  }

  // Serializes the handling of identical requests across api processes for the rest of the transaction.
  async lockDedupKey(tx: EntityManager, dedupKey: Buffer): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [dedupKey.readBigInt64BE(0).toString()]);
  }

  /** The unverified request holding this dedup key, if any (the key is cleared once it leaves that state). */
  async findByDedupKey(tx: EntityManager, dedupKey: Buffer): Promise<PendingDuplicate | null> {
    const rows = await tx.query<
      Array<{
        id: string;
        reference: string;
        type: PendingDuplicate['type'];
        language: string;
        received_at: Date;
        verification_sent_at: Date | null;
      }>
    >(
      `SELECT id, reference, type, language, received_at, verification_sent_at FROM privacy_request WHERE dedup_key = $1`,
      [dedupKey],
    );
    const row = rows[0];
    return row
      ? {
          id: row.id,
          reference: row.reference,
          type: row.type,
          language: row.language,
          status: 'pending_verification',
          receivedAt: row.received_at,
          verificationSentAt: row.verification_sent_at,
        }
      : null;
  }

  /** Row lock for a status change; the caller re-checks the status it read. */
  findByIdForUpdate(tx: EntityManager, id: string): Promise<PrivacyRequestEntity | null> {
    return this.repo(tx)
      .createQueryBuilder('r')
      .setLock('pessimistic_write')
      .where('r.id = :id', { id })
      .getOne();
  }

  async update(tx: EntityManager, id: string, patch: PrivacyRequestPatch): Promise<void> {
    await this.repo(tx).update({ id }, patch);
  }

  async incrementVerificationFailures(id: string): Promise<number> {
    const rows = await updateReturning<{ verification_failures: number }>(
      this.dataSource,
      `UPDATE privacy_request SET verification_failures = verification_failures + 1, updated_at = now()
       WHERE id = $1 RETURNING verification_failures`,
      [id],
    );
    return rows[0]?.verification_failures ?? 0;
  }

  findUnverifiedReceivedBefore(before: Date, limit: number): Promise<PrivacyRequestEntity[]> {
    return this.repo().find({
      where: { status: 'pending_verification', receivedAt: LessThan(before) },
      order: { receivedAt: 'ASC' },
      take: limit,
    });
  }
}
