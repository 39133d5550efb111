// A retention run: one pass of one rule over the data it governs, batch by batch. The run row is
// the proof of what a rule did (when, how many rows, how many batches, which errors) and the place
// its progress cursor lives, so a worker that dies mid-run leaves a run another worker resumes.

export const RETENTION_RUN_STATUSES = ['running', 'paused', 'completed', 'cancelled', 'failed', 'held'] as const;
export type RetentionRunStatus = (typeof RETENTION_RUN_STATUSES)[number];

/** Runs that still own their rule: at most one per rule across every worker (a partial unique index). */
export const ACTIVE_RETENTION_RUN_STATUSES = ['running', 'paused'] as const satisfies readonly RetentionRunStatus[];

export const RETENTION_RUN_TRIGGERS = ['schedule', 'manual'] as const;
export type RetentionRunTrigger = (typeof RETENTION_RUN_TRIGGERS)[number];

/** What a rule does to data past its time. */
export const RETENTION_ACTIONS = ['delete', 'anonymize', 'minimize', 'review_children'] as const;
export type RetentionAction = (typeof RETENTION_ACTIONS)[number];

export function isActiveRetentionRun(status: RetentionRunStatus): boolean {
  return (ACTIVE_RETENTION_RUN_STATUSES as readonly RetentionRunStatus[]).includes(status);
}

/** Rule ids are `system.collection.rule` for the data map and `rightsdesk.<name>` for our own data. */
export const RETENTION_RULE_ID_PATTERN = /^[a-z0-9_]+(\.[a-z0-9_]+){1,2}$/;
