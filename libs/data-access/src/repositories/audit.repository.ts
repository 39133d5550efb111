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
      const rows = await this.dataSource.query<Array<ChainRow>>(
        `SELECT c.seq, c.prev_hash, c.hash, e.request_id, e.actor_type, e.actor_id, e.action, e.from_status, e.to_status,
                e.reason, e.data, e.occurred_at
           FROM audit_chain c JOIN audit_event e ON e.id = c.event_id
          WHERE c.seq > $1 ORDER BY c.seq LIMIT $2`,
        [after, batchSize],
      );
      for (const row of rows) {
        yield { sequence: Number(row.seq), prevHash: row.prev_hash, hash: row.hash, content: toContent(row) };
      }
      if (rows.length < batchSize) {
        return;
      }
      after = rows[rows.length - 1].seq;
    }
  }
}

interface ChainRow {
  seq: string;
  prev_hash: string;
  hash: string;
  request_id: string | null;
  actor_type: AuditEventContent['actorType'];
  actor_id: string | null;
  action: string;
  from_status: string | null;
  to_status: string | null;
  reason: string | null;
  data: Record<string, unknown> | null;
  occurred_at: Date;
}

function toContent(row: ChainRow): AuditEventContent {
  return {
    requestId: row.request_id,
    actorType: row.actor_type,
    actorId: row.actor_id,
    action: row.action,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    reason: row.reason,
    data: row.data,
    occurredAt: row.occurred_at.toISOString(),
  };
}
