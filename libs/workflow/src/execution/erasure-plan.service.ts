import { Injectable } from '@nestjs/common';
import type { Connector } from '@rightsdesk/connectors';
import { DatabaseTransactions, PrivacyRequestRepository } from '@rightsdesk/data-access';
import { isUuid, RequestException, type RequestType } from '@rightsdesk/domain';
import { AuditTrail } from '../audit/audit-trail.service';
import type { SubjectRecord } from '../intake/subject-record';
import { FieldCipher } from '../security/field-cipher';
import { Clock } from '../time/clock';
import { DataMapProvider } from './data-map.provider';
import { dryRunPlan, type PlannedSystem } from './dry-run-plan';
import { participatingSystems } from './execution-plan';
import { PlanTimeout, withDeadline } from './plan-deadline';
import { identitiesFor } from './subject-identities';

export interface ErasurePlan {
  requestId: string;
  type: Extract<RequestType, 'erasure' | 'child_data_removal'>;
  generatedAt: string;
  /** Participating systems in data-map order; collections in erase order, with counts only. */
  systems: PlannedSystem[];
}

// An officer confirming an erasure sees what it would do: a few counting queries against the
// company's systems, so the answer must come quickly or say which system did not answer in time.
const PLAN_BUDGET_MS = 5000;

/**
 * The dry run the command line's `datamap plan` prints, for one request's subject: counts per
 * system and collection and the effect the data map declares — no values from the systems. Every
 * view is audited (`erasure_plan_viewed`) before it is computed, like the request detail.
 */
@Injectable()
export class ErasurePlanService {
  constructor(
    private readonly requests: PrivacyRequestRepository,
    private readonly dataMap: DataMapProvider,
    private readonly cipher: FieldCipher,
    private readonly trail: AuditTrail,
    private readonly transactions: DatabaseTransactions,
    private readonly clock: Clock,
  ) {}

  async plan(requestId: string, officerId: string, budgetMs = PLAN_BUDGET_MS): Promise<ErasurePlan> {
    const request = isUuid(requestId) ? await this.requests.findById(requestId) : null;
    if (!request) {
      throw new RequestException('not_found', 'No request with this id.');
    }
    if (request.type !== 'erasure' && request.type !== 'child_data_removal') {
      throw new RequestException('conflict', 'Only erasure and child data removal requests have an erasure plan.');
    }
    if (request.minimizedAt !== null) {
      throw new RequestException('conflict', 'This request was minimized by retention: there is no subject left to plan for.');
    }
    const map = this.dataMap.get();
    const type = request.type;
    await this.transactions.run((tx) =>
      this.trail.record(tx, { requestId: request.id, actorType: 'officer', actorId: officerId, action: 'erasure_plan_viewed' }),
    );
    const record = this.cipher.decryptJson<SubjectRecord>(request.personalData);
    const deadline = Date.now() + budgetMs;
    const connectors = new Map<string, Connector>();
    const connectorFor = (key: string): Connector => {
      let connector = connectors.get(key);
      if (!connector) {
        connector = withDeadline(this.dataMap.connector(key), deadline);
        connectors.set(key, connector);
      }
      return connector;
    };
    let systems: PlannedSystem[];
    try {
      systems = await dryRunPlan(map, type, { identities: identitiesFor(type, record) }, (system) => connectorFor(system.key));
    } catch (error) {
      // Keys other systems need (an S3 prefix by customer id) are read first; when that read runs
      // out of time no count would be right, so every system says so instead of guessing.
      if (!(error instanceof PlanTimeout)) {
        throw error;
      }
      systems = participatingSystems(map, type).map((system) => ({ system: system.key, title: system.title, kind: system.kind, collections: [], error: error.name }));
    }
    return { requestId: request.id, type, generatedAt: this.clock.now().toISOString(), systems };
  }
}
