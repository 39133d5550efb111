import { randomBytes } from 'node:crypto';
import { createTestDatabase } from './test-database';
import { redisTestUrl, uniqueQueuePrefix } from './test-service-urls';

export interface TestEnv {
  env: Record<string, string>;
  /** Drops the test database created for this environment. */
  cleanup(): Promise<void>;
}

/**
 * The environment an api or worker process needs in a test: its own cloned database and queue
 * prefix, the shared Redis, a mail server that refuses connections unless SMTP_URL is given.
 */
export async function testEnv(overrides: Record<string, string> = {}): Promise<TestEnv> {
  const database = overrides.DATABASE_URL ? undefined : await createTestDatabase();
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    DATABASE_URL: database?.url ?? '',
    REDIS_URL: redisTestUrl(),
    QUEUE_PREFIX: uniqueQueuePrefix(),
    SMTP_URL: 'smtp://127.0.0.1:1',
    SECRET_KEY: randomBytes(32).toString('base64'),
    PUBLIC_URL: 'http://localhost:3000',
    LOG_LEVEL: 'silent',
    RATE_LIMIT_ENABLED: 'false',
    ...overrides,
  };
  return { env, cleanup: async () => database?.drop() };
}
