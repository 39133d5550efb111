import type { paths } from '../../api/schema';

export type DataMapAnswer = paths['/api/v1/console/data-map']['get']['responses'][200]['content']['application/json'];
export type DataMapSystem = DataMapAnswer['systems'][number];
export type DataMapCollection = DataMapSystem['collections'][number];
export type DataMapField = DataMapCollection['fields'][number];
export type DataMapErasure = DataMapField['erasure'];
