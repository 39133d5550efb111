import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import {
  ConsoleQueueRepository,
  type OfficerRef,
  type QueueCriteria,
  type QueueKey,
  type QueueRow,
  type QueueSort,
} from '@rightsdesk/data-access';
import { daysBetween, isCalendarDate, isTerminal, isUuid, normalizeReference, type RegimeId, REQUEST_STATUSES, RequestException, type RequestStatus, type RequestType, toCalendarDate } from '@rightsdesk/domain';
import { KeyedHash } from '../../security/keyed-hash';
import { Clock } from '../../time/clock';
import { encodeCursor, decodeCursor } from './page-cursor';

/** The queue's filters as the console sends them (already validated for shape). */
export interface QueueFilter {
  statuses?: RequestStatus[];
  types?: RequestType[];
  regimes?: RegimeId[];
  /** An officer's id, `me` or `none` (unassigned). */
  assignee?: string;
  verified?: boolean;
  dueBefore?: string;
  overdue?: boolean;
  onHold?: boolean;
  /** A reference (any way people type it) or an exact email address. */
  q?: string;
}

export interface QueueQuery {
  filter: QueueFilter;
  sort: QueueSort;
  cursor?: string;
  limit: number;
}

/** A request in the queue: what triage needs, no personal data of the requester. */
export interface QueueItem {
  id: string;
  reference: string;
  type: RequestType;
  status: RequestStatus;
  regime: RegimeId;
  channel: string;
  receivedOn: string;
  dueOn: string;
  /** Days from today to the due date (negative once overdue); null once the request is closed. */
  daysLeft: number | null;
  overdue: boolean;
  extended: boolean;
  onHold: boolean;
  verified: boolean;
  assignee: OfficerRef | null;
  approvalProposedBy: OfficerRef | null;
  updatedAt: string;
}

export interface QueuePage {
  items: QueueItem[];
  nextCursor: string | null;
  /** Requests per status under the same filters except status, for the tabs. */
  counts: Record<RequestStatus, number>;
}

const uuid = z.string().refine(isUuid);
const cursorSchema = z.discriminatedUnion('sort', [
  z.strictObject({ sort: z.literal('due'), dueOn: z.string().refine(isCalendarDate), id: uuid }),
  z.strictObject({
    sort: z.literal('received'),
    receivedAt: z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/),
    id: uuid,
  }),
]);

@Injectable()
export class RequestQueue {
  constructor(
    private readonly queue: ConsoleQueueRepository,
    private readonly hash: KeyedHash,
    private readonly clock: Clock,
  ) {}

  async list(query: QueueQuery, officerId: string): Promise<QueuePage> {
    const today = toCalendarDate(this.clock.now());
    const criteria = this.criteria(query.filter, officerId, today);
    const after = query.cursor === undefined ? null : decodeCursor<QueueKey>(query.cursor, cursorSchema);
    if (after && after.sort !== query.sort) {
      throw new RequestException('validation_failed', 'The cursor belongs to another sort order.', {
        fieldErrors: [
          {
            path: 'cursor',
            code: 'invalid_value',
            message: 'Use the nextCursor of a previous page with the same sort.',
          },
        ],
      });
    }
    // One row more than asked tells whether another page exists.
    const [rows, counts] = await Promise.all([
      this.queue.page(criteria, query.sort, after, query.limit + 1),
      this.queue.countByStatus(criteria),
    ]);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map((row) => toItem(row, today)),
      nextCursor: rows.length > query.limit && last ? encodeCursor(last.key) : null,
      counts: Object.fromEntries(
        REQUEST_STATUSES.map((status) => [status, counts.find((c) => c.status === status)?.count ?? 0]),
      ) as Record<RequestStatus, number>,
    };
  }

  private criteria(filter: QueueFilter, officerId: string, today: string): QueueCriteria {
    const criteria: QueueCriteria = {
      statuses: filter.statuses,
      types: filter.types,
      regimes: filter.regimes,
      verified: filter.verified,
      dueBefore: filter.dueBefore,
      onHold: filter.onHold,
      overdue: filter.overdue === undefined ? undefined : { overdue: filter.overdue, today },
    };
    if (filter.assignee === 'none') {
      criteria.assignee = 'none';
    } else if (filter.assignee === 'me') {
      criteria.assignee = { id: officerId };
    } else if (filter.assignee !== undefined) {
      if (!isUuid(filter.assignee)) {
        throw new RequestException('validation_failed', 'The assignee filter is not valid.', {
          fieldErrors: [{ path: 'assignee', code: 'invalid_value', message: "An officer's id, me or none." }],
        });
      }
      criteria.assignee = { id: filter.assignee };
    }
    if (filter.q !== undefined) {
      Object.assign(criteria, this.search(filter.q));
    }
    return criteria;
  }

  // A reference is matched exactly after normalization; an email only through its keyed hash, so
  // the search never decrypts or scans anyone's data.
  private search(q: string): Pick<QueueCriteria, 'reference' | 'emailLookup'> {
    const reference = normalizeReference(q);
    if (reference !== null) {
      return { reference };
    }
    if (q.includes('@')) {
      return { emailLookup: this.hash.email(q) };
    }
    throw new RequestException(
      'validation_failed',
      'Search by a request reference or an exact email address.',
      {
        fieldErrors: [
          { path: 'q', code: 'invalid_value', message: 'Enter a reference (RD-…) or a full email address.' },
        ],
      },
    );
  }
}

function toItem(row: QueueRow, today: string): QueueItem {
  const open = !isTerminal(row.status);
  const daysLeft = open ? daysBetween(today, row.dueOn) : null;
  return {
    id: row.id,
    reference: row.reference,
    type: row.type,
    status: row.status,
    regime: row.regime,
    channel: row.channel,
    receivedOn: row.receivedOn,
    dueOn: row.dueOn,
    daysLeft,
    overdue: daysLeft !== null && daysLeft < 0,
    extended: row.extended,
    onHold: row.status === 'on_hold',
    verified: row.verified,
    assignee: row.assignee,
    approvalProposedBy: row.approvalProposedBy,
    updatedAt: row.updatedAt.toISOString(),
  };
}
