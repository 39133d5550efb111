import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type RegimeId, type RequestStatus, type RequestType, TERMINAL_STATUSES } from '@rightsdesk/domain';

/** What narrows the queue; every field is optional and they combine with AND. */
export interface QueueCriteria {
  statuses?: readonly RequestStatus[];
  types?: readonly RequestType[];
  regimes?: readonly RegimeId[];
  assignee?: { id: string } | 'none';
  verified?: boolean;
  /** due_on strictly before this date. */
  dueBefore?: string;
  /** Open (not terminal) and due before `today`, or the opposite when `overdue` is false. */
  overdue?: { overdue: boolean; today: string };
  onHold?: boolean;
  reference?: string;
  emailLookup?: Buffer;
}

/** Where the previous page ended, in the order it was read. */
export type QueueKey =
  { sort: 'due'; dueOn: string; id: string } | { sort: 'received'; receivedAt: string; id: string };

export type QueueSort = QueueKey['sort'];

/** An officer as lists show them; the name is null only if the account row is gone. */
export interface OfficerRef {
  id: string;
  displayName: string | null;
}

/** One row of the queue: no personal data, names of officers only. */
export interface QueueRow {
  id: string;
  reference: string;
  type: RequestType;
  status: RequestStatus;
  regime: RegimeId;
  channel: string;
  receivedOn: string;
  dueOn: string;
  extended: boolean;
  verified: boolean;
  assignee: OfficerRef | null;
  approvalProposedBy: OfficerRef | null;
  updatedAt: Date;
  /** The key this row sorts by, for the next page's cursor. */
  key: QueueKey;
}

/** An email the request caused, as the console lists it: never the payload. */
export interface SentEmailRow {
  id: string;
  template: string;
  status: string;
  createdAt: Date;
  sentAt: Date | null;
}

interface RawQueueRow {
  id: string;
  reference: string;
  type: RequestType;
  status: RequestStatus;
  regime: RegimeId;
  channel: string;
  received_on: string;
  due_on: string;
  received_key: string;
  extended: boolean;
  verified: boolean;
  updated_at: Date;
  assignee_id: string | null;
  assignee_name: string | null;
  proposer_id: string | null;
  proposer_name: string | null;
}

const ORDER: Record<QueueSort, string> = {
  due: 'r.due_on ASC, r.id ASC',
  received: 'r.received_at DESC, r.id DESC',
};

// The queue's reads. Every filter is a bound parameter; the sort orders match the indexes
// (due_on, id) and (received_at, id), so a page is an index range scan whatever the offset.
@Injectable()
export class ConsoleQueueRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Up to `limit` rows after `after` in the `sort` order. */
  async page(
    criteria: QueueCriteria,
    sort: QueueSort,
    after: QueueKey | null,
    limit: number,
  ): Promise<QueueRow[]> {
    const params: unknown[] = [];
    const where = conditions(criteria, params, true);
    if (after?.sort === 'due') {
      where.push(`(r.due_on, r.id) > (${bind(params, after.dueOn)}::date, ${bind(params, after.id)}::uuid)`);
    } else if (after?.sort === 'received') {
      where.push(
        `(r.received_at, r.id) < (${bind(params, after.receivedAt)}::timestamptz, ${bind(params, after.id)}::uuid)`,
      );
    }
    const rows = await this.dataSource.query<RawQueueRow[]>(
      `SELECT r.id, r.reference, r.type, r.status, r.regime, r.channel, r.received_on::text AS received_on,
              r.due_on::text AS due_on, r.extended, r.verified_at IS NOT NULL AS verified, r.updated_at,
              to_char(r.received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS received_key,
              r.assignee_id, a.display_name AS assignee_name, r.approval_proposed_by AS proposer_id, p.display_name AS proposer_name
         FROM privacy_request r
         LEFT JOIN officer a ON a.id = r.assignee_id
         LEFT JOIN officer p ON p.id = r.approval_proposed_by
        ${whereSql(where)}
        ORDER BY ${ORDER[sort]}
        LIMIT ${bind(params, limit)}`,
      params,
    );
    return rows.map((row) => toQueueRow(row, sort));
  }

  /** Requests per status under the criteria, ignoring their status filter (the tabs' counts). */
  async countByStatus(criteria: QueueCriteria): Promise<Array<{ status: RequestStatus; count: number }>> {
    const params: unknown[] = [];
    const where = conditions(criteria, params, false);
    return this.dataSource.query<Array<{ status: RequestStatus; count: number }>>(
      `SELECT r.status, count(*)::int AS count FROM privacy_request r ${whereSql(where)} GROUP BY r.status`,
      params,
    );
  }

  /** The emails a request caused, oldest first. */
  async sentEmails(requestId: string): Promise<SentEmailRow[]> {
    const rows = await this.dataSource.query<
      Array<{ id: string; template: string; status: string; created_at: Date; sent_at: Date | null }>
    >(
      `SELECT id, template, status, created_at, sent_at FROM outbox_message WHERE request_id = $1 ORDER BY created_at, id`,
      [requestId],
    );
    return rows.map((row) => ({
      id: row.id,
      template: row.template,
      status: row.status,
      createdAt: row.created_at,
      sentAt: row.sent_at,
    }));
  }
}

function bind(params: unknown[], value: unknown): string {
  params.push(value);
  return `$${params.length}`;
}

function whereSql(where: string[]): string {
  return where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`;
}

function conditions(criteria: QueueCriteria, params: unknown[], withStatus: boolean): string[] {
  const where: string[] = [];
  if (withStatus && criteria.statuses) {
    where.push(`r.status = ANY(${bind(params, criteria.statuses)}::varchar[])`);
  }
  if (criteria.types) {
    where.push(`r.type = ANY(${bind(params, criteria.types)}::varchar[])`);
  }
  if (criteria.regimes) {
    where.push(`r.regime = ANY(${bind(params, criteria.regimes)}::varchar[])`);
  }
  if (criteria.assignee === 'none') {
    where.push('r.assignee_id IS NULL');
  } else if (criteria.assignee) {
    where.push(`r.assignee_id = ${bind(params, criteria.assignee.id)}::uuid`);
  }
  if (criteria.verified !== undefined) {
    where.push(criteria.verified ? 'r.verified_at IS NOT NULL' : 'r.verified_at IS NULL');
  }
  if (criteria.dueBefore !== undefined) {
    where.push(`r.due_on < ${bind(params, criteria.dueBefore)}::date`);
  }
  if (criteria.overdue) {
    const overdue = `(r.status <> ALL(${bind(params, TERMINAL_STATUSES)}::varchar[]) AND r.due_on < ${bind(params, criteria.overdue.today)}::date)`;
    where.push(criteria.overdue.overdue ? overdue : `NOT ${overdue}`);
  }
  if (criteria.onHold !== undefined) {
    where.push(criteria.onHold ? `r.status = 'on_hold'` : `r.status <> 'on_hold'`);
  }
  if (criteria.reference !== undefined) {
    where.push(`r.reference = ${bind(params, criteria.reference)}`);
  }
  if (criteria.emailLookup !== undefined) {
    where.push(`r.email_lookup = ${bind(params, criteria.emailLookup)}`);
  }
  return where;
}

function toQueueRow(row: RawQueueRow, sort: QueueSort): QueueRow {
  return {
    id: row.id,
    reference: row.reference,
    type: row.type,
    status: row.status,
    regime: row.regime,
    channel: row.channel,
    receivedOn: row.received_on,
    dueOn: row.due_on,
    extended: row.extended,
    verified: row.verified,
    assignee: row.assignee_id === null ? null : { id: row.assignee_id, displayName: row.assignee_name },
    approvalProposedBy:
      row.proposer_id === null ? null : { id: row.proposer_id, displayName: row.proposer_name },
    updatedAt: row.updated_at,
    key:
      sort === 'due'
        ? { sort, dueOn: row.due_on, id: row.id }
        : { sort, receivedAt: row.received_key, id: row.id },
  };
}
