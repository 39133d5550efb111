import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuditActorType } from '@rightsdesk/domain';

export interface AuditCriteria {
  requestId?: string;
  action?: string;
  actorId?: string;
  /** Calendar dates (UTC), both inclusive. */
  from?: string;
  to?: string;
  /** Only events older than this id (the previous page's last). */
  beforeId?: string;
}

/** An audit event with the officer's name when an officer acted. */
export interface AuditEntry {
  id: string;
  requestId: string | null;
  actorType: AuditActorType;
  actorId: string | null;
  actorName: string | null;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string | null;
  data: Record<string, unknown> | null;
  occurredAt: Date;
}

interface RawEntry {
  id: string;
  request_id: string | null;
  actor_type: AuditActorType;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  from_status: string | null;
  to_status: string | null;
  reason: string | null;
  data: Record<string, unknown> | null;
  occurred_at: Date;
}

// actor_id is free text ('cli', 'auto-approval', an officer's uuid), so the officer is matched as
// text: casting every actor id to uuid would fail on the others.
const SELECT = `
  SELECT e.id, e.request_id, e.actor_type, e.actor_id, o.display_name AS actor_name, e.action, e.from_status,
         e.to_status, e.reason, e.data, e.occurred_at
    FROM audit_event e
    LEFT JOIN officer o ON e.actor_type = 'officer' AND o.id::text = e.actor_id`;

// Reads of the audit trail for the console (writing stays in AuditRepository).
@Injectable()
export class ConsoleAuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every event of a request in the order they were written. */
  async timeline(requestId: string): Promise<AuditEntry[]> {
    const rows = await this.dataSource.query<RawEntry[]>(
      `${SELECT} WHERE e.request_id = $1 ORDER BY e.id ASC`,
      [requestId],
    );
    return rows.map(toEntry);
  }

  /** Newest first, up to `limit`, narrowed by the criteria. */
  async search(criteria: AuditCriteria, limit: number): Promise<AuditEntry[]> {
    const params: unknown[] = [];
    const bind = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    const where: string[] = [];
    if (criteria.requestId !== undefined) {
      where.push(`e.request_id = ${bind(criteria.requestId)}::uuid`);
    }
    if (criteria.action !== undefined) {
      where.push(`e.action = ${bind(criteria.action)}`);
    }
    if (criteria.actorId !== undefined) {
      where.push(`e.actor_id = ${bind(criteria.actorId)}`);
    }
    // Dates are UTC calendar days whatever the session's time zone.
    if (criteria.from !== undefined) {
      where.push(`e.occurred_at >= (${bind(criteria.from)}::date::timestamp AT TIME ZONE 'UTC')`);
    }
    if (criteria.to !== undefined) {
      where.push(`e.occurred_at < ((${bind(criteria.to)}::date + 1)::timestamp AT TIME ZONE 'UTC')`);
    }
    if (criteria.beforeId !== undefined) {
      where.push(`e.id < ${bind(criteria.beforeId)}::bigint`);
    }
    const rows = await this.dataSource.query<RawEntry[]>(
      `${SELECT} ${where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`} ORDER BY e.id DESC LIMIT ${bind(limit)}`,
      params,
    );
    return rows.map(toEntry);
  }
}

function toEntry(row: RawEntry): AuditEntry {
  return {
    id: String(row.id),
    requestId: row.request_id,
    actorType: row.actor_type,
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    reason: row.reason,
    data: row.data,
    occurredAt: row.occurred_at,
  };
}
