import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { auditHashPayload, GENESIS_HASH, type AuditChainLink, type AuditEventContent } from '@rightsdesk/domain';
import { AuditEventEntity } from '../entities/audit-event.entity';

// Any constant works; it only has to be the same in every process appending to the chain.
const AUDIT_CHAIN_LOCK = 7_201_120_431;

export type NewAuditEvent = Omit<AuditEventContent, 'occurredAt'> & { occurredAt: Date };

@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Appends inside the caller's transaction. The advisory lock is held until that transaction
   * ends, so rows are numbered and committed in chain order across any number of api and worker
   * processes; callers append last to keep the lock short. The lock is its own statement because
   * in READ COMMITTED the insert's snapshot must be taken after the lock is granted, or it could
   * miss a row committed while we waited. The hash is computed by PostgreSQL from the previous
   * row's hash and the canonical payload, so the append is one round trip.
   */
  async append(tx: EntityManager, event: NewAuditEvent): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
    const content: AuditEventContent = { ...event, occurredAt: event.occurredAt.toISOString() };
    await tx.query(
      `INSERT INTO audit_event (request_id, actor_type, actor_id, action, from_status, to_status, reason, data, occurred_at, prev_hash, hash)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, prev.hash, encode(sha256(convert_to(prev.hash || E'\\n' || $10::text, 'UTF8')), 'hex')
         FROM (SELECT coalesce((SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1), $11::text) AS hash) prev`,
      [
        event.requestId,
        event.actorType,
        event.actorId,
        event.action,
        event.fromStatus,
        event.toStatus,
        event.reason,
        event.data === null ? null : JSON.stringify(event.data),
        event.occurredAt,
        auditHashPayload(content),
        GENESIS_HASH,
      ],
    );
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
