export * from './health.module';
export * from './logging';
export * from './public.decorator';
export * from './request-id';
export * from './api-key-scope.decorator';
export * from './roles.decorator';
