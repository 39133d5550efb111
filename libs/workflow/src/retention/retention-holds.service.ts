import { Injectable } from '@nestjs/common';
import { DatabaseTransactions, type RetentionHoldEntity, RetentionHoldRepository } from '@rightsdesk/data-access';
import { AuditTrail } from '../audit/audit-trail.service';
import { Clock } from '../time/clock';
import { RetentionRules } from './retention-rules.service';
import type { RetentionTask } from './retention-task';

export interface RuleHold {
  /** Where the hold comes from: the data map file, or an admin in the console. */
  source: 'data_map' | 'console';
  reason: string;
  placedBy: string | null;
  placedAt: Date | null;
}

export const DATA_MAP_HOLD_REASON = 'legalHold: true in the data map';

const DATA_MAP_HOLD: RuleHold = { source: 'data_map', reason: DATA_MAP_HOLD_REASON, placedBy: null, placedAt: null };

function consoleHold(hold: RetentionHoldEntity): RuleHold {
  return { source: 'console', reason: hold.reason, placedBy: hold.placedBy, placedAt: hold.placedAt };
}

// A legal hold suspends a rule: no scheduled run touches its data, a run in progress stops at its
// next batch, and an officer cannot start one. It comes from the data map or from the console.
@Injectable()
export class RetentionHolds {
  constructor(
    private readonly rules: RetentionRules,
    private readonly holds: RetentionHoldRepository,
    private readonly transactions: DatabaseTransactions,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  /** The hold on a rule, the data map's first: it cannot be lifted from the console. */
  async holdOf(task: RetentionTask): Promise<RuleHold | null> {
    if (task.legalHold) {
      return DATA_MAP_HOLD;
    }
    const hold = await this.holds.find(task.id);
    return hold ? consoleHold(hold) : null;
  }

  /** The hold on a rule by id (the rule must exist). */
  async of(ruleId: string): Promise<RuleHold | null> {
    return this.holdOf(this.rules.require(ruleId));
  }

  /** Every rule's hold, by rule id (rules without one are absent). */
  async all(): Promise<Map<string, RuleHold>> {
    const holds = new Map<string, RuleHold>();
    for (const task of this.rules.all()) {
      if (task.legalHold) {
        holds.set(task.id, DATA_MAP_HOLD);
      }
    }
    for (const hold of await this.holds.all()) {
      if (!holds.has(hold.ruleId)) {
        holds.set(hold.ruleId, consoleHold(hold));
      }
    }
    return holds;
  }

  async place(ruleId: string, reason: string, officerId: string): Promise<void> {
    this.rules.require(ruleId);
    const now = this.clock.now();
    await this.transactions.run(async (tx) => {
      const placed = await this.holds.place(tx, { ruleId, reason, placedBy: officerId, placedAt: now });
      await this.audit.record(tx, {
        requestId: null,
        actorType: 'officer',
        actorId: officerId,
        action: placed ? 'retention_hold_placed' : 'retention_hold_updated',
        reason,
        data: { ruleId },
      });
    });
  }

  /** Returns false when the rule had no hold from the console (a data map hold is lifted in the file). */
  async lift(ruleId: string, officerId: string): Promise<boolean> {
    this.rules.require(ruleId);
    return this.transactions.run(async (tx) => {
      const lifted = await this.holds.lift(tx, ruleId);
      if (lifted) {
        await this.audit.record(tx, {
          requestId: null,
          actorType: 'officer',
          actorId: officerId,
          action: 'retention_hold_lifted',
          data: { ruleId, placedAt: lifted.placedAt.toISOString() },
        });
      }
      return lifted !== null;
    });
  }
}
