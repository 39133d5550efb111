import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '@rightsdesk/config';
import { RequestException } from '@rightsdesk/domain';
import { REDIS_CONNECTION } from '@rightsdesk/queue';
import { KeyedHash } from '../security/keyed-hash';

// Fixed window in Redis, shared by every api process. Atomic in one script so concurrent
// requests can't both see the count before the increment.
const CONSUME = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { count, redis.call('PTTL', KEYS[1]) }`;

export type RateLimitScope = 'intake-ip' | 'intake-email' | 'verify-ip' | 'status-ip';

@Injectable()
export class RateLimiter {
  constructor(
    @Inject(REDIS_CONNECTION) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly hash: KeyedHash,
  ) {}

  /** Throws `rate_limited` (HTTP 429 with Retry-After) once `limit` is exceeded in the window. */
  async consume(scope: RateLimitScope, subject: string, limit: number, windowSeconds: number): Promise<void> {
    if (!this.config.rateLimits.enabled) {
      return;
    }
    const key = `${this.config.redis.queuePrefix}:rate:${scope}:${this.hash.rateLimitLabel(subject)}`;
    const [count, ttlMs] = (await this.redis.eval(CONSUME, 1, key, String(windowSeconds * 1000))) as [number, number];
    if (count > limit) {
      throw new RequestException('rate_limited', 'Too many requests; try again later.', {
        retryAfterSeconds: Math.max(1, Math.ceil(ttlMs / 1000)),
      });
    }
  }
}
