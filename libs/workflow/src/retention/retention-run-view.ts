import type { RetentionRunEntity } from '@rightsdesk/data-access';
import type { RetentionRunStatus, RetentionRunTrigger } from '@rightsdesk/domain';

/** A run as the console and the CLI show it: figures and times, never the cursor or the lease. */
export interface RetentionRunView {
  id: string;
  ruleId: string;
  trigger: RetentionRunTrigger;
  status: RetentionRunStatus;
  asOf: string;
  rowsAffected: number;
  batches: number;
  errors: number;
  lastError: string | null;
  longestStatementMs: number;
  resumes: number;
  startedBy: string | null;
  startedAt: string;
  finishedAt: string | null;
}

export function retentionRunView(run: RetentionRunEntity): RetentionRunView {
  return {
    id: run.id,
    ruleId: run.ruleId,
    trigger: run.trigger,
    status: run.status,
    asOf: run.asOf.toISOString(),
    rowsAffected: Number(run.rowsAffected),
    batches: run.batches,
    errors: run.errors,
    lastError: run.lastError,
    longestStatementMs: run.longestStatementMs,
    resumes: run.resumes,
    startedBy: run.startedBy,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}
