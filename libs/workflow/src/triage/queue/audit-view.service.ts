import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { type AuditEntry, ConsoleAuditRepository } from '@rightsdesk/data-access';
import type { AuditActorType, AuditBreakReason } from '@rightsdesk/domain';
import { AuditTrail } from '../../audit/audit-trail.service';
import { decodeCursor, encodeCursor } from './page-cursor';

export interface AuditFilter {
  requestId?: string;
  action?: string;
  actorId?: string;
  from?: string;
  to?: string;
}

/** One audit event as officers read it: in a request's timeline, and (with its ids) in the trail. */
export interface AuditEventView {
  at: string;
  action: string;
  actor: { type: AuditActorType; id: string | null; displayName: string | null };
  fromStatus: string | null;
  toStatus: string | null;
  reason: string | null;
  data: Record<string, unknown> | null;
}

export type AuditItem = AuditEventView & { id: string; requestId: string | null };

export interface AuditPage {
  items: AuditItem[];
  nextCursor: string | null;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  firstBroken: { sequence: string; reason: AuditBreakReason } | null;
}

const cursorSchema = z.strictObject({ beforeId: z.string().regex(/^\d{1,19}$/) });

// The audit trail as officers read it: ids, statuses and codes only (that is all it holds).
@Injectable()
export class AuditView {
  constructor(
    private readonly audit: ConsoleAuditRepository,
    private readonly trail: AuditTrail,
  ) {}

  async list(filter: AuditFilter, cursor: string | undefined, limit: number): Promise<AuditPage> {
    const after = cursor === undefined ? undefined : decodeCursor(cursor, cursorSchema);
    const rows = await this.audit.search({ ...filter, beforeId: after?.beforeId }, limit + 1);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map(toItem),
      nextCursor: rows.length > limit && last ? encodeCursor({ beforeId: last.id }) : null,
    };
  }

  async verification(): Promise<AuditVerification> {
    const result = await this.trail.verify();
    return result.ok
      ? { ok: true, checked: result.checked, firstBroken: null }
      : {
          ok: false,
          checked: result.checked,
          firstBroken: { sequence: String(result.firstBroken.sequence), reason: result.firstBroken.reason },
        };
  }
}

function toItem(entry: AuditEntry): AuditItem {
  return { id: entry.id, requestId: entry.requestId, ...auditEventView(entry) };
}

export function auditEventView(entry: AuditEntry): AuditEventView {
  return {
    at: entry.occurredAt.toISOString(),
    action: entry.action,
    actor: { type: entry.actorType, id: entry.actorId, displayName: entry.actorName },
    fromStatus: entry.fromStatus,
    toStatus: entry.toStatus,
    reason: entry.reason,
    data: entry.data,
  };
}
