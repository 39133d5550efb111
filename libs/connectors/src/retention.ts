import type { Connector, ResolvedKeys } from './connector';
import type { FieldRef, RetentionRule } from './datamap/datamap.types';

// What the retention engine asks of a connector. Runs go batch by batch in key order, so a run
// that stops (a crash, a pause) resumes from the last cursor it saved, and every batch is
// idempotent: repeating one changes nothing that is already done.

export interface RetentionWindow {
  /** Rows whose rule.field is before this instant are due. */
  cutoff: Date;
  /** With rule.condition: rows must also have condition.field before this instant (NULL is never due). */
  conditionCutoff?: Date;
}

export interface RetentionPlan {
  due: number;
  sampleKeys: string[];
}

export interface RetentionBatch {
  /** Rows/objects deleted or changed by this batch (a row already anonymized is not counted). */
  affected: number;
  /** The last primary key (object key for S3) this batch covered; the next batch starts after it. null = nothing is left after this batch (it found fewer than `limit`). */
  cursor: string | null;
  /** The longest single SQL statement / S3 call of this batch, in ms. */
  longestStatementMs: number;
}

export interface RetentionCascade {
  /** Fields of the collection that other systems key data by (e.g. shop.customers.id for an S3 keyTemplate avatars/{shop.customers.id}/). */
  wanted: FieldRef[];
  /** Called with those fields' values for exactly the rows about to be deleted, before they are deleted. Must be idempotent (it may be called again for the same rows after a crash). */
  beforeDelete(keys: ResolvedKeys): Promise<void>;
}

export interface RetentionCapable {
  planRetention(collection: string, rule: RetentionRule, window: RetentionWindow, samples: number): Promise<RetentionPlan>;
  retentionBatch(
    collection: string,
    rule: RetentionRule,
    window: RetentionWindow,
    cursor: string | null,
    limit: number,
    cascade?: RetentionCascade,
  ): Promise<RetentionBatch>;
}

export function supportsRetention(connector: Connector): connector is Connector & RetentionCapable {
  const candidate = connector as Partial<RetentionCapable>;
  return typeof candidate.planRetention === 'function' && typeof candidate.retentionBatch === 'function';
}

export interface ChildAccount {
  key: string;
  /** YYYY-MM-DD. */
  birthDate: string;
  email?: string;
  username?: string;
}

export interface ChildBatch {
  accounts: ChildAccount[];
  cursor: string | null;
}

export interface ChildFinder {
  /** Rows of `collection` whose children.birthDate is after `bornAfter` (YYYY-MM-DD, i.e. younger than `under` years), by primary key after `cursor`, at most `limit`. */
  findChildren(collection: string, bornAfter: string, cursor: string | null, limit: number): Promise<ChildBatch>;
  /** How many such rows exist now, with up to `samples` primary keys. */
  planChildren(collection: string, bornAfter: string, samples: number): Promise<RetentionPlan>;
}

export function canFindChildren(connector: Connector): connector is Connector & ChildFinder {
  const candidate = connector as Partial<ChildFinder>;
  return typeof candidate.findChildren === 'function' && typeof candidate.planChildren === 'function';
}
