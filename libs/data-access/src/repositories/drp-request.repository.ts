import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type DrpFinalStatus, DrpRequestEntity } from '../entities/drp-request.entity';
import { updateReturning } from './update-returning';

export type NewDrpRequest = Pick<
  DrpRequestEntity,
  'id' | 'agentId' | 'agentRequestId' | 'bodySha256' | 'requestId' | 'exercise' | 'drpRegime' | 'drpVersion' | 'statusCallback' | 'claims' | 'messageExpiresAt' | 'finalStatus' | 'finalReason' | 'receivedAt'
>;

/** What the status-callback sweep needs to decide whether the agent is behind. */
export interface CallbackCandidate {
  id: string;
  /** A digest of the state the status object is made of. */
  stateKey: string;
}

@Injectable()
export class DrpRequestRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** False when the agent sent this agent-request-id or these exact bytes before (a replay). */
  async add(row: NewDrpRequest, tx: EntityManager): Promise<boolean> {
    const rows = await tx.query<unknown[]>(
      `INSERT INTO drp_request (id, agent_id, agent_request_id, body_sha256, request_id, exercise, drp_regime, drp_version, status_callback, claims, message_expires_at, final_status, final_reason, callback_settled, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
       ON CONFLICT DO NOTHING RETURNING id`,
      [
        row.id,
        row.agentId,
        row.agentRequestId,
        row.bodySha256,
        row.requestId,
        row.exercise,
        row.drpRegime,
        row.drpVersion,
        row.statusCallback,
        row.claims,
        row.messageExpiresAt,
        row.finalStatus,
        row.finalReason,
        row.statusCallback === null,
        row.receivedAt,
      ],
    );
    return rows.length > 0;
  }

  /** An earlier exercise of this agent with the same agent-request-id or the same signed bytes. */
  findReplay(agentId: string, agentRequestId: string | null, bodySha256: Buffer): Promise<DrpRequestEntity | null> {
    const qb = this.dataSource
      .getRepository(DrpRequestEntity)
      .createQueryBuilder('d')
      .where('d.agent_id = :agentId', { agentId })
      .andWhere(agentRequestId === null ? 'd.body_sha256 = :body' : '(d.body_sha256 = :body OR d.agent_request_id = :agentRequestId)', { body: bodySha256, agentRequestId })
      .orderBy('d.received_at', 'ASC')
      .limit(1);
    return qb.getOne();
  }

  findById(id: string): Promise<DrpRequestEntity | null> {
    return this.dataSource.getRepository(DrpRequestEntity).findOneBy({ id });
  }

  findByAgentRequestId(agentId: string, agentRequestId: string): Promise<DrpRequestEntity | null> {
    return this.dataSource.getRepository(DrpRequestEntity).findOneBy({ agentId, agentRequestId });
  }

  /** The agent's side of a privacy request (`requestId` is privacy_request.id, as in every table). */
  findByRequestId(requestId: string): Promise<DrpRequestEntity | null> {
    return this.dataSource.getRepository(DrpRequestEntity).findOneBy({ requestId });
  }

  async markRevoked(id: string, at: Date, tx: EntityManager): Promise<void> {
    await tx.query(`UPDATE drp_request SET revoked_at = $2, callback_next_at = NULL WHERE id = $1 AND revoked_at IS NULL`, [id, at]);
  }

  async setFinal(id: string, status: DrpFinalStatus, reason: string | null, tx: EntityManager): Promise<void> {
    await tx.query(`UPDATE drp_request SET final_status = $2, final_reason = $3 WHERE id = $1`, [id, status, reason]);
  }

  /**
   * Requests with a callback URL whose state changed since the agent last had it, due now. The key
   * is a digest of what the status object is made of, computed here so unchanged requests cost no
   * work; the sender stores the key it was given once the agent took the status.
   */
  async callbackCandidates(now: Date, limit: number): Promise<CallbackCandidate[]> {
    const rows = await this.dataSource.query<Array<{ id: string; state_key: string }>>(
      `SELECT id, state_key FROM (
         SELECT d.id, d.callback_next_at, d.callback_sent_key, d.callback_abandoned_key,
                md5(concat_ws('|', coalesce(r.status, '-'), coalesce(r.due_on::text, '-'), coalesce(r.extended::text, '-'), coalesce(r.deny_reason, '-'),
                                   coalesce(d.final_status, '-'), coalesce(d.final_reason, '-'), coalesce(d.revoked_at::text, '-'))) AS state_key
           FROM drp_request d LEFT JOIN privacy_request r ON r.id = d.request_id
          WHERE d.status_callback IS NOT NULL AND d.callback_settled = false
            AND (d.callback_next_at IS NULL OR d.callback_next_at <= $1)
            AND (d.callback_lease_until IS NULL OR d.callback_lease_until <= $1)
       ) c
       WHERE c.state_key IS DISTINCT FROM c.callback_sent_key AND c.state_key IS DISTINCT FROM c.callback_abandoned_key
       ORDER BY c.callback_next_at NULLS FIRST, c.id
       LIMIT $2`,
      [now, limit],
    );
    return rows.map((r) => ({ id: r.id, stateKey: r.state_key }));
  }

  /**
   * Takes the request's callback for this process until `until`, if it is still due for this state:
   * another process may have delivered it (or failed and set a back-off) since the candidates were
   * read. Returns the failed attempts so far for this state, or null when it is not ours to send.
   */
  async leaseCallback(id: string, stateKey: string, now: Date, until: Date): Promise<{ attempts: number } | null> {
    const rows = await updateReturning<{ attempts: number }>(
      this.dataSource,
      `UPDATE drp_request SET callback_lease_until = $4
        WHERE id = $1 AND callback_settled = false
          AND (callback_lease_until IS NULL OR callback_lease_until <= $3)
          AND (callback_next_at IS NULL OR callback_next_at <= $3)
          AND callback_sent_key IS DISTINCT FROM $2 AND callback_abandoned_key IS DISTINCT FROM $2
        RETURNING CASE WHEN callback_failing_key = $2 THEN callback_attempts ELSE 0 END AS attempts`,
      [id, stateKey, now, until],
    );
    return rows[0] ?? null;
  }

  async callbackDelivered(id: string, stateKey: string, settled: boolean): Promise<void> {
    await this.dataSource.query(
      `UPDATE drp_request SET callback_sent_key = $2, callback_settled = $3, callback_attempts = 0, callback_failing_key = NULL, callback_next_at = NULL, callback_lease_until = NULL WHERE id = $1`,
      [id, stateKey, settled],
    );
  }

  /**
   * A failed delivery of `stateKey`: try again at `nextAt`; or, with `nextAt` null, give that state
   * up (and, for a final state, the request leaves the sweep).
   */
  async callbackFailed(id: string, stateKey: string, attempts: number, nextAt: Date | null, final: boolean): Promise<void> {
    await this.dataSource.query(
      `UPDATE drp_request
          SET callback_attempts = $3, callback_failing_key = $2, callback_next_at = $4, callback_lease_until = NULL,
              callback_abandoned_key = CASE WHEN $4::timestamptz IS NULL THEN $2 ELSE callback_abandoned_key END,
              callback_settled = ($4::timestamptz IS NULL AND $5::boolean)
        WHERE id = $1`,
      [id, stateKey, attempts, nextAt, final],
    );
  }

  async releaseCallback(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE drp_request SET callback_lease_until = NULL WHERE id = $1`, [id]);
  }
}
