import { Injectable } from '@nestjs/common';
import { DataSource, In, LessThan, type EntityManager } from 'typeorm';
import type { RequestStatus } from '@rightsdesk/domain';
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

@Injectable()
export class PrivacyRequestRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(tx?: EntityManager) {
    return (tx ?? this.dataSource.manager).getRepository(PrivacyRequestEntity);
  }

  async insert(tx: EntityManager, request: PrivacyRequestEntity): Promise<void> {
    await this.repo(tx).insert(request);
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

  findPendingDuplicate(tx: EntityManager, dedupKey: Buffer, receivedAfter: Date): Promise<PrivacyRequestEntity | null> {
    return this.repo(tx)
      .createQueryBuilder('r')
      .where('r.dedup_key = :dedupKey', { dedupKey })
      .andWhere(`r.status = 'pending_verification'`)
      .andWhere('r.received_at > :receivedAfter', { receivedAfter })
      .orderBy('r.received_at', 'DESC')
      .getOne();
  }

  /** Row lock for a status change; the caller re-checks the status it read. */
  findByIdForUpdate(tx: EntityManager, id: string): Promise<PrivacyRequestEntity | null> {
    return this.repo(tx).createQueryBuilder('r').setLock('pessimistic_write').where('r.id = :id', { id }).getOne();
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

  countByStatus(statuses: RequestStatus[]): Promise<number> {
    return this.repo().countBy({ status: In(statuses) });
  }
}
