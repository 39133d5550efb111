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

/**
 * Events keyed by what each is about (a request, a package), as one array per column: the keys
 * first, then request_id and the other columns (data as JSON text). For `auditUnnest`, so a
 * statement can insert the events of exactly those keys its own UPDATE changed.
 */
export function keyedAuditArrays(keys: string[], events: NewAuditEvent[]): unknown[][] {
  const rows = events.map(auditInsertValues);
  return [keys, ...Array.from({ length: 10 }, (_, column) => rows.map((row) => row[column]))];
}

/** `unnest(…) AS x(key, request_id, …, content_hash, n)` over `keyedAuditArrays` from `$first` on. */
export function auditUnnest(first: number): string {
  const types = ['uuid', 'uuid', 'varchar', 'varchar', 'varchar', 'varchar', 'varchar', 'varchar', 'text', 'timestamptz', 'char(64)'];
  return `unnest(${types.map((type, i) => `$${first + i}::${type}[]`).join(', ')})
           WITH ORDINALITY AS x(key, request_id, actor_type, actor_id, action, from_status, to_status, reason, data, occurred_at, content_hash, n)`;
}

/** The SELECT list of an audit insert from `auditUnnest`'s `x`, in column order. */
export const AUDIT_UNNEST_SELECT =
  'x.request_id, x.actor_type, x.actor_id, x.action, x.from_status, x.to_status, x.reason, x.data::jsonb, x.occurred_at, x.content_hash';
