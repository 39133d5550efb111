import type { paths } from '../../api/schema';
import { isCalendarDate, isRegimeId, isRequestType, type RegimeId, type RequestStatus, type RequestType } from '@rightsdesk/domain';

// The queue's whole state lives in the URL query, so a view can be bookmarked and shared, reload
// restores it and the back button undoes a filter. Unknown or malformed values are dropped.

export const QUEUE_TABS = ['review', 'on_hold', 'running', 'failed', 'pending', 'closed', 'all'] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];

/** The statuses behind each tab; `all` asks for every status. */
export const TAB_STATUSES: Record<QueueTab, readonly RequestStatus[] | null> = {
  review: ['awaiting_review'],
  on_hold: ['on_hold'],
  running: ['approved', 'in_progress'],
  failed: ['failed'],
  pending: ['pending_verification'],
  closed: ['completed', 'denied', 'cancelled', 'expired'],
  all: null,
};

export type QueueSort = 'due' | 'received';

export interface QueueFilters {
  type?: RequestType;
  regime?: RegimeId;
  /** An officer's id, `me` or `none`. */
  assignee?: string;
  verified?: boolean;
  overdue: boolean;
  onHold: boolean;
  dueBefore?: string;
  q?: string;
}

export interface QueueView extends QueueFilters {
  tab: QueueTab;
  sort: QueueSort;
  cursor?: string;
  /** The cursors of the pages before this one (FIRST_PAGE for the first), for "previous page". */
  back: string[];
}

// Cursors are base64url JSON ("ey…"), so neither the marker nor the separator can occur in one.
const FIRST_PAGE = '0';
const BACK_SEPARATOR = '.';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CURSOR = /^[A-Za-z0-9_-]{1,500}$/;

function isTab(value: string | null): value is QueueTab {
  return value !== null && (QUEUE_TABS as readonly string[]).includes(value);
}

export function readQueueView(query: URLSearchParams): QueueView {
  const type = query.get('type');
  const regime = query.get('regime');
  const assignee = query.get('assignee');
  const verified = query.get('verified');
  const dueBefore = query.get('dueBefore');
  const q = query.get('q')?.trim();
  const tab = query.get('tab');
  const cursor = query.get('cursor');
  const back = query.get('back');
  return {
    tab: isTab(tab) ? tab : 'review',
    sort: query.get('sort') === 'received' ? 'received' : 'due',
    type: isRequestType(type) ? type : undefined,
    regime: isRegimeId(regime) ? regime : undefined,
    assignee: assignee === 'me' || assignee === 'none' || (assignee !== null && UUID.test(assignee)) ? assignee : undefined,
    verified: verified === 'true' ? true : verified === 'false' ? false : undefined,
    overdue: query.get('overdue') === 'true',
    onHold: query.get('onHold') === 'true',
    dueBefore: dueBefore !== null && isCalendarDate(dueBefore) ? dueBefore : undefined,
    q: q ? q.slice(0, 254) : undefined,
    cursor: cursor !== null && CURSOR.test(cursor) ? cursor : undefined,
    back: back ? back.split(BACK_SEPARATOR).filter((c) => c === FIRST_PAGE || CURSOR.test(c)) : [],
  };
}

/** The URL of a view: defaults left out, so the plain queue is just /console/requests. */
export function queueHref(view: QueueView): string {
  const query = new URLSearchParams();
  const set = (key: string, value: string | undefined | false) => {
    if (value) {
      query.set(key, value);
    }
  };
  set('tab', view.tab !== 'review' && view.tab);
  set('q', view.q);
  set('type', view.type);
  set('regime', view.regime);
  set('assignee', view.assignee);
  set('verified', view.verified === undefined ? undefined : String(view.verified));
  set('overdue', view.overdue && 'true');
  set('onHold', view.onHold && 'true');
  set('dueBefore', view.dueBefore);
  set('sort', view.sort !== 'due' && view.sort);
  set('cursor', view.cursor);
  set('back', view.back.length > 0 && view.back.join(BACK_SEPARATOR));
  const search = query.toString();
  return search ? `/console/requests?${search}` : '/console/requests';
}

/** The same filters from the first page: a changed filter or tab starts over. */
export function firstPage(view: QueueView): QueueView {
  return { ...view, cursor: undefined, back: [] };
}

export function nextPage(view: QueueView, nextCursor: string): QueueView {
  return { ...view, cursor: nextCursor, back: [...view.back, view.cursor ?? FIRST_PAGE] };
}

export function previousPage(view: QueueView): QueueView {
  const back = view.back.slice(0, -1);
  const previous = view.back.at(-1);
  return { ...view, cursor: previous === undefined || previous === FIRST_PAGE ? undefined : previous, back };
}

/** The api's query parameters for a view (the tab's statuses; none for `all`). */
export type QueueQuery = NonNullable<paths['/api/v1/console/requests']['get']['parameters']['query']>;

export function apiQuery(view: QueueView, limit: number): QueueQuery {
  const statuses = TAB_STATUSES[view.tab];
  const query: QueueQuery = { sort: view.sort, limit: String(limit) };
  if (statuses) {
    query.status = statuses.join(',');
  }
  if (view.type) {
    query.type = view.type;
  }
  if (view.regime) {
    query.regime = view.regime;
  }
  if (view.assignee) {
    query.assignee = view.assignee;
  }
  if (view.verified !== undefined) {
    query.verified = view.verified ? 'true' : 'false';
  }
  if (view.overdue) {
    query.overdue = 'true';
  }
  if (view.onHold) {
    query.onHold = 'true';
  }
  if (view.dueBefore) {
    query.dueBefore = view.dueBefore;
  }
  if (view.q) {
    query.q = view.q;
  }
  if (view.cursor) {
    query.cursor = view.cursor;
  }
  return query;
}
