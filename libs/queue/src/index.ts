export * from './job-catalogue';
export * from './job-runner';
export * from './queue.module';
export * from './queue.service';
export * from './redis-connection';
export * from './redis.tokens';
export * from './shutdown-signal';
