import { OwnDataRetentionTasks } from './own-data-retention-tasks';
import { RequestMinimizer } from './request-minimizer.service';

/** Everything the own-data retention tasks need injected; WorkflowModule provides and exports it. */
export const OWN_DATA_RETENTION_SERVICES = [OwnDataRetentionTasks, RequestMinimizer];
