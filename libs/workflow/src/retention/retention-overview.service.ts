import { Injectable } from '@nestjs/common';
import type { RetentionRunEntity } from '@rightsdesk/data-access';
import { Clock } from '../time/clock';
import { retentionErrorText } from './retention-error';
import { RetentionHolds, type RuleHold } from './retention-holds.service';
import { RetentionRules } from './retention-rules.service';
import { RetentionRuns } from './retention-runs.service';
import type { RetentionTask } from './retention-task';

export interface RetentionRuleView {
  id: string;
  source: RetentionTask['source'];
  action: RetentionTask['action'];
  description: string;
  period: string | null;
  schedule: { cron: string; timezone: string };
  hold: RuleHold | null;
  latestRun: RetentionRunEntity | null;
}

export interface RetentionPlanEntry {
  ruleId: string;
  action: RetentionTask['action'];
  description: string;
  /** What "now" the plan was computed for. */
  asOf: Date;
  /** Rows, objects or records a run would change now; null when the store could not be asked. */
  due: number | null;
  sampleKeys: string[];
  hold: RuleHold | null;
  /** Why the plan could not be made (the store is unreachable, a column is missing); never a value. */
  error: string | null;
}

export const PLAN_SAMPLES = 5;

// What the console and `retention plan` show: every rule with its schedule, hold and latest run,
// and the dry run — counts per rule of what a run would change now, changing nothing.
@Injectable()
export class RetentionOverview {
  constructor(
    private readonly rules: RetentionRules,
    private readonly holds: RetentionHolds,
    private readonly runs: RetentionRuns,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<RetentionRuleView[]> {
    const [holds, latest] = await Promise.all([this.holds.all(), this.runs.latestPerRule()]);
    const latestByRule = new Map(latest.map((run) => [run.ruleId, run]));
    return this.rules.all().map((task) => ({
      id: task.id,
      source: task.source,
      action: task.action,
      description: task.description,
      period: task.period,
      schedule: task.schedule,
      hold: holds.get(task.id) ?? null,
      latestRun: latestByRule.get(task.id) ?? null,
    }));
  }

  /** The dry run, for one rule or all; one rule failing to plan does not hide the others. */
  async plan(ruleId?: string, samples = PLAN_SAMPLES): Promise<RetentionPlanEntry[]> {
    const tasks = ruleId ? [this.rules.require(ruleId)] : this.rules.all();
    const asOf = this.clock.now();
    const holds = await this.holds.all();
    return Promise.all(
      tasks.map(async (task): Promise<RetentionPlanEntry> => {
        const entry = { ruleId: task.id, action: task.action, description: task.description, asOf, hold: holds.get(task.id) ?? null };
        try {
          const plan = await task.plan(asOf, samples);
          return { ...entry, due: plan.due, sampleKeys: plan.sampleKeys.slice(0, samples), error: null };
        } catch (error) {
          return { ...entry, due: null, sampleKeys: [], error: retentionErrorText(error) };
        }
      }),
    );
  }
}
