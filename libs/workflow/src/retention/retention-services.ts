import { ChildFindingIntake } from './children/child-finding-intake';
import { ChildReviewTasks } from './children/child-review-tasks';
import { DataMapRetentionTasks } from './data-map/data-map-retention-tasks';
import { RetentionCascades } from './data-map/retention-cascades';
import { OWN_DATA_RETENTION_SERVICES } from './own-data/own-data-services';
import { RetentionHolds } from './retention-holds.service';
import { RetentionOverview } from './retention-overview.service';
import { RetentionRules } from './retention-rules.service';
import { RetentionRuns } from './retention-runs.service';

export const RETENTION_SERVICES = [
  ...OWN_DATA_RETENTION_SERVICES,
  ChildFindingIntake,
  ChildReviewTasks,
  DataMapRetentionTasks,
  RetentionCascades,
  RetentionHolds,
  RetentionOverview,
  RetentionRules,
  RetentionRuns,
];
