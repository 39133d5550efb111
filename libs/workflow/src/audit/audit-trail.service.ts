import { Injectable } from '@nestjs/common';
import { AuditRepository, type NewAuditEvent, type Tx } from '@rightsdesk/data-access';
import { type AuditChainResult, AuditChainVerifier } from '@rightsdesk/domain';
import { Clock } from '../time/clock';

export type AuditRecord = Omit<NewAuditEvent, 'occurredAt' | 'reason' | 'data' | 'actorId' | 'fromStatus' | 'toStatus'> & {
  actorId?: string | null;
  /** Both null for events that do not change the request's status. */
  fromStatus?: NewAuditEvent['fromStatus'];
  toStatus?: NewAuditEvent['toStatus'];
  reason?: string | null;
  data?: Record<string, unknown> | null;
};

@Injectable()
export class AuditTrail {
  constructor(
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
  ) {}

  /** Appends within the caller's transaction; the chain links it when the transaction commits. */
  async record(tx: Tx, event: AuditRecord): Promise<void> {
    await this.audit.append(tx, this.event(event));
  }

  /** The event as stored, stamped now, for callers that write it as part of a larger statement. */
  event(record: AuditRecord): NewAuditEvent {
    return { actorId: null, reason: null, data: null, fromStatus: null, toStatus: null, ...record, occurredAt: this.clock.now() };
  }

  /** Re-computes every hash in id order and names the first row that does not match. */
  async verify(): Promise<AuditChainResult> {
    const verifier = new AuditChainVerifier();
    for await (const link of this.audit.links()) {
      const result = verifier.add(link);
      if (!result.ok) {
        return result;
      }
    }
    return verifier.result();
  }
}
