import { isUuid } from '@rightsdesk/domain';

/** The audit page's state, all of it in the URL so a filtered view can be shared. */
export interface AuditView {
  requestId: string;
  action: string;
  actorId: string;
  from: string;
  to: string;
  cursor: string;
}

const KEYS = ['requestId', 'action', 'actorId', 'from', 'to', 'cursor'] as const;

export function readAuditView(query: URLSearchParams): AuditView {
  return Object.fromEntries(KEYS.map((key) => [key, query.get(key) ?? ''])) as unknown as AuditView;
}

export function auditHref(view: Partial<AuditView>): string {
  const query = new URLSearchParams();
  for (const key of KEYS) {
    const value = view[key]?.trim();
    if (value) {
      query.set(key, value);
    }
  }
  const text = query.toString();
  return text ? `/console/audit?${text}` : '/console/audit';
}

export function isFiltered(view: AuditView): boolean {
  return Boolean(view.requestId || view.action || view.actorId || view.from || view.to);
}

/** Only well-formed filters go to the api; the form reports the rest. */
export function auditQuery(view: AuditView, limit: number) {
  return {
    ...(isUuid(view.requestId) ? { requestId: view.requestId } : {}),
    ...(view.action ? { action: view.action } : {}),
    ...(view.actorId ? { actorId: view.actorId } : {}),
    ...(/^\d{4}-\d{2}-\d{2}$/.test(view.from) ? { from: view.from } : {}),
    ...(/^\d{4}-\d{2}-\d{2}$/.test(view.to) ? { to: view.to } : {}),
    ...(view.cursor ? { cursor: view.cursor } : {}),
    limit: String(limit),
  };
}
