import { Injectable } from '@nestjs/common';
import { DataSource, LessThan, type EntityManager } from 'typeorm';
import { PrivacyRequestEntity } from '../entities/privacy-request.entity';

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
  'id' | 'reference' | 'type' | 'language' | 'verificationSentAt'
> & {
  status: 'pending_verification';
};

@Injectable()
export class PrivacyRequestRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(tx?: EntityManager) {
    return (tx ?? this.dataSource.manager).getRepository(PrivacyRequestEntity);
  }

  // Raw SQL on the intake path: TypeORM's insert builder costs more CPU than the round trip.
  async insert(tx: EntityManager, r: PrivacyRequestEntity): Promise<void> {
    await tx.query(
      `INSERT INTO privacy_request (id, reference, type, status, regime, country, region, language, channel, email_lookup, dedup_key,
         personal_data, received_at, received_on, due_on, due_explanation, extended, verified_at, verification_failures,
         verification_sent_at, status_token_hash, closed_at, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, 1)`,
      [
        r.id,
        r.reference,
        r.type,
        r.status,
        r.regime,
        r.country,
        r.region,
        r.language,
        r.channel,
        r.emailLookup,
        r.dedupKey,
        r.personalData,
        r.receivedAt,
        r.receivedOn,
        r.dueOn,
        r.dueExplanation,
        r.extended,
        r.verifiedAt,
        r.verificationFailures,
        r.verificationSentAt,
        r.statusTokenHash,
        r.closedAt,
      ],
    );
  }

  findById(id: string, tx?: EntityManager): Promise<PrivacyRequestEntity | null> {
    return this.repo(tx).findOneBy({ id });
  }

  findByReference(reference: string, tx?: EntityManager): Promise<PrivacyRequestEntity | null> {
    return this.repo(tx).findOneBy({ reference });
  }

  // Serializes intake of identical requests across api processes for the rest of the transaction.
  async lockDedupKey(tx: EntityManager, dedupKey: Buffer): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [dedupKey.readBigInt64BE(0).toString()]);
  }

  async findPendingDuplicate(
    tx: EntityManager,
    dedupKey: Buffer,
    receivedAfter: Date,
  ): Promise<PendingDuplicate | null> {
    const rows = await tx.query<
      Array<{
        id: string;
        reference: string;
        type: PendingDuplicate['type'];
        language: string;
        verification_sent_at: Date | null;
      }>
    >(
      `SELECT id, reference, type, language, verification_sent_at FROM privacy_request
        WHERE dedup_key = $1 AND status = 'pending_verification' AND received_at > $2
        ORDER BY received_at DESC LIMIT 1`,
      [dedupKey, receivedAfter],
    );
    const row = rows[0];
    return row
      ? {
          id: row.id,
          reference: row.reference,
          type: row.type,
          language: row.language,
          status: 'pending_verification',
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
    const rows = await this.dataSource.query<Array<{ verification_failures: number }>>(
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
