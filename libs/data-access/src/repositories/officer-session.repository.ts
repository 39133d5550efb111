import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { OfficerRole } from '@rightsdesk/domain';
import { OfficerSessionEntity } from '../entities/officer-session.entity';

export type NewOfficerSession = Pick<OfficerSessionEntity, 'id' | 'tokenHash' | 'csrfHash' | 'officerId' | 'enrolmentOnly' | 'lastSeenAt' | 'expiresAt'>;

/** A live session with the officer it belongs to, as the guard needs it. */
export interface LiveSession {
  sessionId: string;
  csrfHash: Buffer;
  enrolmentOnly: boolean;
  lastSeenAt: Date;
  expiresAt: Date;
  officer: { id: string; email: string; displayName: string; role: OfficerRole; totpEnabled: boolean };
}

interface LiveRow {
  id: string;
  csrf_hash: Buffer;
  enrolment_only: boolean;
  last_seen_at: Date;
  expires_at: Date;
  officer_id: string;
  email: string;
  display_name: string;
  role: OfficerRole;
  totp_enabled_at: Date | null;
}

@Injectable()
export class OfficerSessionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async add(session: NewOfficerSession): Promise<void> {
    await this.dataSource.getRepository(OfficerSessionEntity).insert(session);
  }

  /**
   * The session behind a token if it is unrevoked, within its absolute and idle limits and its
   * officer is not disabled. One read: this runs on every console call.
   */
  async findLive(tokenHash: Buffer, now: Date, idleSeconds: number): Promise<LiveSession | null> {
    const rows = await this.dataSource.query<LiveRow[]>(
      `SELECT s.id, s.csrf_hash, s.enrolment_only, s.last_seen_at, s.expires_at,
              o.id AS officer_id, o.email, o.display_name, o.role, o.totp_enabled_at
         FROM officer_session s JOIN officer o ON o.id = s.officer_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2
          AND s.last_seen_at > $2::timestamptz - make_interval(secs => $3) AND o.disabled_at IS NULL`,
      [tokenHash, now, idleSeconds],
    );
    const row = rows[0];
    return row
      ? {
          sessionId: row.id,
          csrfHash: row.csrf_hash,
          enrolmentOnly: row.enrolment_only,
          lastSeenAt: row.last_seen_at,
          expiresAt: row.expires_at,
          officer: { id: row.officer_id, email: row.email, displayName: row.display_name, role: row.role, totpEnabled: row.totp_enabled_at !== null },
        }
      : null;
  }

  async touch(sessionId: string, at: Date): Promise<void> {
    await this.dataSource.query(`UPDATE officer_session SET last_seen_at = $2 WHERE id = $1 AND last_seen_at < $2`, [sessionId, at]);
  }

  async liftEnrolmentOnly(sessionId: string): Promise<void> {
    await this.dataSource.query(`UPDATE officer_session SET enrolment_only = false WHERE id = $1`, [sessionId]);
  }

  async revoke(sessionId: string, at: Date): Promise<void> {
    await this.dataSource.query(`UPDATE officer_session SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL`, [sessionId, at]);
  }

  /** Ends every session of an officer (disabled, role changed, password changed), except `keep`. */
  async revokeAllOf(officerId: string, at: Date, keep: string | null = null, tx?: EntityManager): Promise<void> {
    await (tx ?? this.dataSource).query(
      `UPDATE officer_session SET revoked_at = $2 WHERE officer_id = $1 AND revoked_at IS NULL AND ($3::uuid IS NULL OR id <> $3::uuid)`,
      [officerId, at, keep],
    );
  }
}
