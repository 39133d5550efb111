import type { paths } from '../api/schema';

// Names for the generated answer types the console pages pass around (never written by hand).
type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type QueueAnswer = Json<paths['/api/v1/console/requests']['get']['responses'][200]>;
export type QueueItem = QueueAnswer['items'][number];
export type QueueCounts = QueueAnswer['counts'];
export type RequestDetail = Json<paths['/api/v1/console/requests/{id}']['get']['responses'][200]>;
export type Assignee = Json<paths['/api/v1/console/assignees']['get']['responses'][200]>['assignees'][number];
export type ErasurePlan = Json<paths['/api/v1/console/requests/{id}/erasure-plan']['get']['responses'][200]>;
export type BulkResult = Json<paths['/api/v1/console/requests/bulk']['post']['responses'][200]>['results'][number];
export type ApproveAnswer = Json<paths['/api/v1/console/requests/{id}/approve']['post']['responses'][200]>;
