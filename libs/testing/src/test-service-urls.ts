import { randomBytes } from 'node:crypto';
import { TEST_PG_URL_VAR, TEST_REDIS_URL_VAR } from './test-services.constants';

/** The test PostgreSQL server (database `postgres`); tests want createTestDatabase() instead. */
export function postgresTestUrl(): string {
  return requireVar(TEST_PG_URL_VAR);
}

/** The Redis shared by all test files of the run; isolate queues with uniqueQueuePrefix(). */
export function redisTestUrl(): string {
  return requireVar(TEST_REDIS_URL_VAR);
}

/** A BullMQ prefix of its own for each test file on the shared Redis. */
export function uniqueQueuePrefix(): string {
  return `t${randomBytes(6).toString('hex')}`;
}

function requireVar(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(
      `${name} is not set: run tests with the root Jest config (npx jest <path>), whose globalSetup starts PostgreSQL and Redis`,
    );
  }
  return value;
}
