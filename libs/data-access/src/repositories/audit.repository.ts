import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { computeAuditHash, GENESIS_HASH, type AuditChainLink, type AuditEventContent } from '@rightsdesk/domain';
import { AuditEventEntity } from '../entities/audit-event.entity';

// Any constant works; it only has to be the same in every process appending to the chain.
const AUDIT_CHAIN_LOCK = 7_201_120_431;

export type NewAuditEvent = Omit<AuditEventContent, 'occurredAt'> & { occurredAt: Date };

@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Appends inside the caller's transaction. The advisory lock is held until that transaction
   * ends, so ids are assigned and committed in chain order even with many api and worker
   * processes; callers append last to keep the lock short.
   */
  async append(tx: EntityManager, event: NewAuditEvent): Promise<AuditEventEntity> {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
    const last = await tx.query<Array<{ hash: string }>>('SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1');
    const prevHash = last[0]?.hash ?? GENESIS_HASH;
    const content = toContent(event);
    const row = tx.getRepository(AuditEventEntity).create({
      ...event,
      prevHash,
      hash: computeAuditHash(prevHash, content),
    });
    return tx.getRepository(AuditEventEntity).save(row);
  }

  findByRequest(requestId: string): Promise<AuditEventEntity[]> {
    return this.dataSource.getRepository(AuditEventEntity).find({ where: { requestId }, order: { id: 'ASC' } });
  }

  /** Chain links in id order, a batch at a time, for verification of arbitrarily long trails. */
  async *links(batchSize = 1000): AsyncGenerator<AuditChainLink> {
    let after = '0';
    for (;;) {
      const rows = await this.dataSource
        .getRepository(AuditEventEntity)
        .createQueryBuilder('e')
        .where('e.id > :after', { after })
        .orderBy('e.id', 'ASC')
        .limit(batchSize)
        .getMany();
      for (const row of rows) {
        yield { sequence: Number(row.id), prevHash: row.prevHash, hash: row.hash, content: toContent(row) };
      }
      if (rows.length < batchSize) {
        return;
      }
      after = rows[rows.length - 1].id;
    }
  }
}

function toContent(event: NewAuditEvent | AuditEventEntity): AuditEventContent {
  return {
    requestId: event.requestId,
    actorType: event.actorType,
    actorId: event.actorId,
    action: event.action,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    reason: event.reason,
    data: event.data,
    occurredAt: event.occurredAt.toISOString(),
  };
}
