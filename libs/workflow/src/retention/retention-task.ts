import type { RetentionAction } from '@rightsdesk/domain';

/** What a dry run found: how many rows or objects a run would change now, and a few of their keys. */
export interface RetentionTaskPlan {
  due: number;
  sampleKeys: string[];
}

/** One batch of a run. */
export interface RetentionTaskBatch {
  /** Rows, objects or requests deleted, anonymized, minimized or opened by this batch. */
  affected: number;
  /** The last key this batch covered; the next starts after it. null: nothing is left. */
  cursor: string | null;
  /** The longest single statement (or store call) of the batch, in ms. */
  longestStatementMs: number;
}

/**
 * A retention rule as the run engine sees it, whatever it governs: a collection of the company's
 * data map, a children check, or Rightsdesk's own records. Every batch must be idempotent: after a
 * crash the engine repeats the batch whose cursor it had not yet saved.
 */
export interface RetentionTask {
  /** `system.collection.rule` for the data map, `rightsdesk.<name>` for our own data. */
  readonly id: string;
  readonly source: 'data_map' | 'rightsdesk';
  readonly action: RetentionAction;
  /** One English sentence for the console and the CLI, e.g. "Anonymize ip of page views after P30D". */
  readonly description: string;
  /** ISO 8601 duration the rule keeps data for; null when the rule has none (children). */
  readonly period: string | null;
  readonly schedule: { cron: string; timezone: string };
  /** `legalHold: true` in the data map (a hold placed in the console is stored apart). */
  readonly legalHold: boolean;
  /** Counts what a run at `asOf` would change. Changes nothing. */
  plan(asOf: Date, samples: number): Promise<RetentionTaskPlan>;
  /** Acts on the next at most `limit` due items after `cursor` (null: from the start), as of `asOf`. */
  batch(asOf: Date, cursor: string | null, limit: number): Promise<RetentionTaskBatch>;
}

/** Contributes tasks to the registry; one provider per kind of rule. */
export interface RetentionTaskProvider {
  tasks(): RetentionTask[];
}
