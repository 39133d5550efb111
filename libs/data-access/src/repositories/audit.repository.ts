import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuditChainLink, AuditEventContent } from '@rightsdesk/domain';
import { AuditEventEntity } from '../entities/audit-event.entity';
import { AUDIT_INSERT_COLUMNS, auditInsertValues, type NewAuditEvent } from './audit-insert';

export type { NewAuditEvent };

@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Appends inside the caller's transaction. The row is linked into the chain by a deferred
   * trigger when the transaction commits (see the audit migration), so appending holds no lock.
   */
  async append(tx: EntityManager, event: NewAuditEvent): Promise<void> {
    await tx.query(
      `INSERT INTO audit_event (${AUDIT_INSERT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10)`,
      auditInsertValues(event),
    );
  }

  findByRequest(requestId: string): Promise<AuditEventEntity[]> {
    return this.dataSource
      .getRepository(AuditEventEntity)
      .find({ where: { requestId }, order: { id: 'ASC' } });
  }

  /** Chain links in chain order, a batch at a time, for verification of arbitrarily long trails. */
  async *links(batchSize = 1000): AsyncGenerator<AuditChainLink> {
    let after = '0';
    for (;;) {
      const rows = await this.dataSource
        .getRepository(AuditEventEntity)
        .createQueryBuilder('e')
        .where('e.seq > :after', { after })
        .orderBy('e.seq', 'ASC')
        .limit(batchSize)
        .getMany();
      for (const row of rows) {
        yield {
          sequence: Number(row.seq),
          prevHash: row.prevHash ?? '',
          hash: row.hash ?? '',
          content: toContent(row),
        };
      }
      if (rows.length < batchSize) {
        return;
      }
      after = rows[rows.length - 1].seq ?? after;
    }
  }
}

function toContent(row: AuditEventEntity): AuditEventContent {
  return {
    requestId: row.requestId,
    actorType: row.actorType,
    actorId: row.actorId,
    action: row.action,
    fromStatus: row.fromStatus,
    toStatus: row.toStatus,
    reason: row.reason,
    data: row.data,
    occurredAt: row.occurredAt.toISOString(),
  };
}
