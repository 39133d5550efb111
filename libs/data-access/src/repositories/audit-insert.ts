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
