import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { OutboxMessageEntity } from '../entities/outbox-message.entity';
import { preparedQuery } from './prepared-query';
import { updateReturning } from './update-returning';

// Every email a request sends passes these two: one named statement each, the claim returning the
// row it took instead of reading it again.
const CLAIM = `
  UPDATE outbox_message
     SET claimed_until = now() + make_interval(secs => $2), attempts = attempts + 1
   WHERE id = $1 AND status = 'pending' AND (claimed_until IS NULL OR claimed_until < now())
   RETURNING id, request_id, channel, template, payload, status, attempts, claimed_until, last_error, enqueued_at, sent_at, created_at`;

const MARK_SENT = `
  UPDATE outbox_message SET status = 'sent', sent_at = now(), payload = NULL, claimed_until = NULL, last_error = NULL
   WHERE id = $1`;

interface OutboxRow {
  id: string;
  request_id: string | null;
  channel: OutboxMessageEntity['channel'];
  template: string;
  payload: Buffer | null;
  status: OutboxMessageEntity['status'];
  attempts: number;
  claimed_until: Date | null;
  last_error: string | null;
  enqueued_at: Date | null;
  sent_at: Date | null;
  created_at: Date;
}

export type NewOutboxMessage = Pick<OutboxMessageEntity, 'id' | 'requestId' | 'channel' | 'template'> & {
  payload: Buffer;
};

@Injectable()
export class OutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  async add(tx: EntityManager, message: NewOutboxMessage): Promise<void> {
    await tx.query(
      `INSERT INTO outbox_message (id, request_id, channel, template, payload) VALUES ($1, $2, $3, $4, $5)`,
      [message.id, message.requestId, message.channel, message.template, message.payload],
    );
  }

  /** For messages whose id is derived from what they are about: false when that message exists already. */
  async addOnce(tx: EntityManager, message: NewOutboxMessage): Promise<boolean> {
    const rows = await tx.query<Array<{ id: string }>>(
      `INSERT INTO outbox_message (id, request_id, channel, template, payload) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [message.id, message.requestId, message.channel, message.template, message.payload],
    );
    return rows.length === 1;
  }

  findById(id: string): Promise<OutboxMessageEntity | null> {
    return this.dataSource.getRepository(OutboxMessageEntity).findOneBy({ id });
  }

  /**
   * Takes the message for one send attempt. Returns null when it is already sent or another
   * sender holds an unexpired claim, so two deliveries of the same job never both send.
   */
  async claim(id: string, leaseSeconds: number): Promise<OutboxMessageEntity | null> {
    const [row] = await preparedQuery<OutboxRow>(this.dataSource, 'rightsdesk_outbox_claim', CLAIM, [id, leaseSeconds]);
    return row ? toEntity(row) : null;
  }

  async markSent(id: string): Promise<void> {
    await preparedQuery(this.dataSource, 'rightsdesk_outbox_mark_sent', MARK_SENT, [id]);
  }

  async release(id: string, error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE outbox_message SET claimed_until = NULL, last_error = $2 WHERE id = $1`,
      [id, error.slice(0, 500)],
    );
  }

  /**
   * Takes committed messages no relay has handed to the queue yet and marks them enqueued. SKIP
   * LOCKED lets every worker's relay poll at once without two of them taking the same rows.
   */
  async takeUnrelayed(limit: number): Promise<string[]> {
    const rows = await updateReturning<{ id: string }>(
      this.dataSource,
      `UPDATE outbox_message SET enqueued_at = now()
        WHERE id IN (SELECT id FROM outbox_message WHERE status = 'pending' AND enqueued_at IS NULL
                      ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING id`,
      [limit],
    );
    return rows.map((row) => row.id);
  }

  async markEnqueued(ids: string[]): Promise<void> {
    if (ids.length === 0) {
      return;
    }
    await this.dataSource.query(`UPDATE outbox_message SET enqueued_at = now() WHERE id = ANY($1::uuid[])`, [
      ids,
    ]);
  }

  /** Messages still pending long after they were enqueued: the job was lost (Redis restart) or gave up. */
  async findStale(enqueuedBefore: Date, limit: number): Promise<string[]> {
    const rows = await this.dataSource.query<Array<{ id: string }>>(
      `SELECT id FROM outbox_message
        WHERE status = 'pending' AND enqueued_at < $1 AND (claimed_until IS NULL OR claimed_until < now())
        ORDER BY enqueued_at LIMIT $2`,
      [enqueuedBefore, limit],
    );
    return rows.map((row) => row.id);
  }
}

function toEntity(row: OutboxRow): OutboxMessageEntity {
  return Object.assign(new OutboxMessageEntity(), {
    id: row.id,
    requestId: row.request_id,
    channel: row.channel,
    template: row.template,
    payload: row.payload,
    status: row.status,
    attempts: row.attempts,
    claimedUntil: row.claimed_until,
    lastError: row.last_error,
    enqueuedAt: row.enqueued_at,
    sentAt: row.sent_at,
    createdAt: row.created_at,
  });
}
