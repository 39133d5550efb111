import type { paths } from '../../api/schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type OfficerView = Json<paths['/api/v1/console/officers']['get']['responses'][200]>['officers'][number];
export type OfficerRoleName = OfficerView['role'];
export type ApiKeyView = Json<paths['/api/v1/console/api-keys']['get']['responses'][200]>['apiKeys'][number];
export type ApiKeyScope = ApiKeyView['scopes'][number];
export type WorkflowSettings = Json<paths['/api/v1/console/settings']['get']['responses'][200]>;
