import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
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
    | 'assigneeId'
    | 'approvalProposedBy'
    | 'approvalProposedAt'
    | 'denyReason'
    | 'holds'
  >
>;

export type PendingDuplicate = Pick<
  PrivacyRequestEntity,
  'id' | 'reference' | 'type' | 'language' | 'receivedAt' | 'verificationSentAt'
> & {
  status: 'pending_verification';
};

const FIND_STATUS = `SELECT id, type, status FROM privacy_request WHERE id = $1`;

// Approval as one statement (its own transaction): the status change guarded by the status read
// (and, under four-eyes, by the proposer seen), the uploads' contents erased now that the request
// is decided (as RequestAttachmentRepository.eraseContents does), and the audit event.
const APPROVE = `
  WITH r AS (
    UPDATE privacy_request SET status = $3::varchar, updated_at = now(), version = version + 1
     WHERE id = $1 AND status = $2 AND ($4::uuid IS NULL OR approval_proposed_by = $4::uuid) RETURNING id
  ), f AS (
    UPDATE request_attachment SET content = NULL, file_name = NULL, deleted_at = $5
     WHERE request_id IN (SELECT id FROM r) AND deleted_at IS NULL
  ), a AS (
    INSERT INTO audit_event (${AUDIT_INSERT_COLUMNS}) SELECT ${auditSelectList('r', 6)} FROM r
  )
  SELECT count(*)::int AS n FROM r`;

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

  /**
   * Unverified requests whose link went out before `before`. Counted from the (last) link, not from
   * receipt: a request an officer logs weeks after it arrived by post still gets its full days.
   */
  findUnverifiedSentBefore(before: Date, limit: number): Promise<PrivacyRequestEntity[]> {
    return this.repo()
      .createQueryBuilder('r')
      .where(`r.status = 'pending_verification'`)
      .andWhere('GREATEST(r.received_at, r.verification_sent_at) < :before', { before })
      .orderBy('r.received_at', 'ASC')
      .take(limit)
      .getMany();
  }

  /** The statutory clock's state (holds, extension, due date), with the status change that moves it. */
  async updateClock(
    tx: EntityManager,
    id: string,
    patch: Partial<Pick<PrivacyRequestEntity, 'status' | 'holds' | 'extended' | 'dueOn' | 'dueExplanation' | 'approvalProposedBy' | 'approvalProposedAt'>>,
  ): Promise<void> {
    await this.repo(tx).update({ id }, patch);
  }

  /**
   * Approves: `from` → `to` with the audit event, erasing the uploads' contents at `at`, in one
   * statement. With `proposedBy`, only while that officer's four-eyes proposal stands. False (and
   * nothing written) when the request changed: the caller reads and decides again.
   */
  async approve(id: string, from: string, to: string, proposedBy: string | null, at: Date, audit: NewAuditEvent): Promise<boolean> {
    const rows = await preparedQuery<{ n: number }>(this.dataSource, 'rightsdesk_approve', APPROVE, [
      id,
      from,
      to,
      proposedBy,
      at,
      ...auditInsertValues(audit).slice(1),
    ]);
    return rows[0]?.n === 1;
  }
}
