export * from './entities';
export * from './data-access.module';
export * from './data-source-options';
export * from './database-transactions';
export * from './repositories/audit.repository';
export * from './repositories/outbox.repository';
export * from './repositories/privacy-request.repository';
export * from './repositories/verification-token.repository';
export { MIGRATIONS } from './migrations';
