import { Redis, type RedisOptions } from 'ioredis';

// BullMQ workers need maxRetriesPerRequest: null on their connection (blocking commands); using
// it everywhere keeps one way of connecting.
export function createRedisConnection(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, ...options });
}
