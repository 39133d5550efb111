import { Injectable } from '@nestjs/common';
import { StatementTimer } from '@rightsdesk/connectors';
import { type DueItems, type MinimizeSelection, OwnDataRetentionRepository } from '@rightsdesk/data-access';
import { PackageStore } from '../../access-package';
import { AuditTrail } from '../../audit/audit-trail.service';
import { Clock } from '../../time/clock';
import type { RetentionTaskBatch } from '../retention-task';

/** The own-data rules that minimize requests; the id goes into each request's audit event. */
export type MinimizingRule = 'rightsdesk.unverified_requests' | 'rightsdesk.request_records';

// A minimized request keeps what the metrics and the CCPA report count and its audit trail, and
// loses everything that says who asked (OwnDataRetentionRepository.minimize lists both).
@Injectable()
export class RequestMinimizer {
  constructor(
    private readonly retention: OwnDataRetentionRepository,
    private readonly store: PackageStore,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  plan(selection: MinimizeSelection, samples: number): Promise<DueItems> {
    return this.retention.countMinimizable(selection, samples);
  }

  async batch(rule: MinimizingRule, selection: MinimizeSelection, cursor: string | null, limit: number): Promise<RetentionTaskBatch> {
    const timer = new StatementTimer();
    const ids = await timer.time(() => this.retention.findMinimizable(selection, cursor, limit));
    // Export parts an access request left on disk (a run that failed and was then cancelled) hold
    // data from the company's systems. Package files are the access_packages rule's to delete.
    for (const id of ids) {
      await timer.time(() => this.store.deleteParts(id));
    }
    const events = ids.map((id) =>
      this.audit.event({ requestId: id, actorType: 'system', action: 'request_minimized', data: { rule } }),
    );
    const minimized = await timer.time(() => this.retention.minimize(ids, selection, this.clock.now(), events));
    return { affected: minimized, cursor: ids.length < limit ? null : (ids.at(-1) ?? null), longestStatementMs: timer.longestMs };
  }
}
