export {
  createDemoCompanyIndexes,
  createDemoCompanySchema,
  type CreateDemoCompanySchemaOptions,
} from './demo-company.schema';
export {
  demoAvatarOwnerIds,
  isDemoCompanySeeded,
  seedDemoCompany,
  type DemoCompanyCounts,
  type DemoCompanyTable,
  type SeedDemoCompanyOptions,
} from './demo-company.seed';
export { DEMO_CHILD_USERNAME, DEMO_PEOPLE } from './demo-people.seed';
export { demoAvatarKey, demoS3Client, seedDemoAvatars, type SeedDemoAvatarsOptions } from './demo-avatars.seed';
export { renderAvatarPng } from './demo-avatar.png';
