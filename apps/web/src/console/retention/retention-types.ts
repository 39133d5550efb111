import type { paths } from '../../api/schema';

// Names for the generated answer types of the retention calls (never written by hand).
type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type RetentionRule = Json<paths['/api/v1/console/retention/rules']['get']['responses'][200]>['rules'][number];
export type RetentionHold = NonNullable<RetentionRule['hold']>;
export type RetentionRun = Json<paths['/api/v1/console/retention/runs']['get']['responses'][200]>['runs'][number];
export type RetentionPlanEntry = Json<paths['/api/v1/console/retention/plan']['get']['responses'][200]>['plan'][number];
export type RetentionRunStatus = RetentionRun['status'];
export type RetentionAction = RetentionRule['action'];

/** A running or paused run: the ones an admin can still pause, resume or cancel. */
export function isActiveRun(run: RetentionRun): boolean {
  return run.status === 'running' || run.status === 'paused';
}
