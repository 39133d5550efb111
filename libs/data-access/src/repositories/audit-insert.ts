import { auditContentHash, type AuditEventContent } from '@rightsdesk/domain';

export type NewAuditEvent = Omit<AuditEventContent, 'occurredAt'> & { occurredAt: Date };

/** The parameters of an audit insert, in AUDIT_INSERT_COLUMNS order; shared by `append` and intake. */
export function auditInsertValues(event: NewAuditEvent): unknown[] {
  const content: AuditEventContent = { ...event, occurredAt: event.occurredAt.toISOString() };
  return [
    event.requestId,
    event.actorType,
    event.actorId,
    event.action,
    event.fromStatus,
    event.toStatus,
    event.reason,
    event.data === null ? null : JSON.stringify(event.data),
    event.occurredAt,
    auditContentHash(content),
  ];
}

export const AUDIT_INSERT_COLUMNS =
  'request_id, actor_type, actor_id, action, from_status, to_status, reason, data, occurred_at, content_hash';

/**
 * Several events as one array per column after request_id (data as JSON text), for an
 * `INSERT … SELECT … FROM unnest(…) WITH ORDINALITY ORDER BY ordinality` that keeps their order.
 */
export function auditColumnArrays(events: NewAuditEvent[]): unknown[][] {
  const rows = events.map(auditInsertValues);
  return Array.from({ length: 9 }, (_, column) => rows.map((row) => row[column + 1]));
}

/** The SELECT list of an audit insert from `source`'s `id` and the parameters from `$first` on, in column order. */
export function auditSelectList(source: string, first: number): string {
  const types = ['varchar', 'varchar', 'varchar', 'varchar', 'varchar', 'varchar', 'jsonb', 'timestamptz', 'char(64)'];
  return [`${source}.id`, ...types.map((type, i) => `$${first + i}::${type}`)].join(', ');
}
