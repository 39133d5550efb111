import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '@rightsdesk/config';
import { RequestException } from '@rightsdesk/domain';
import { errorSummary, REDIS_CONNECTION } from '@rightsdesk/queue';
import { KeyedHash } from '../security/keyed-hash';

// Fixed window in Redis, shared by every api process. Atomic in one script so concurrent
// requests can't both see the count before the increment.
const CONSUME = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { count, redis.call('PTTL', KEYS[1]) }`;

export type RateLimitScope = 'intake-ip' | 'intake-email' | 'verify-ip' | 'status-ip' | 'login-ip' | 'reply-ip' | 'drp-pair-ip' | 'drp-exercise-agent';

// How long a request may wait for Redis before the limit is skipped.
const REDIS_TIMEOUT_MS = 250;

@Injectable()
export class RateLimiter {
  private readonly logger = new Logger(RateLimiter.name);

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
    const counted = await this.count(key, windowSeconds);
    if (!counted) {
      return;
    }
    const [count, ttlMs] = counted;
    if (count > limit) {
      throw new RequestException('rate_limited', 'Too many requests; try again later.', {
        retryAfterSeconds: Math.max(1, Math.ceil(ttlMs / 1000)),
      });
    }
  }

  /**
   * Fails open: while Redis is down or slow, requests pass unlimited rather than wait or fail.
   * Filing and confirming a request is a legal right with a deadline; a few minutes without
   * abuse limits is the lesser harm, and it is logged.
   */
  private async count(key: string, windowSeconds: number): Promise<[number, number] | null> {
    if (this.redis.status !== 'ready') {
      // Don't queue commands on a connection that is down: they would pile up until it returns.
      this.logger.warn('rate limit skipped: Redis not connected');
      return null;
    }
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        this.redis.eval(CONSUME, 1, key, String(windowSeconds * 1000)) as Promise<[number, number]>,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('Redis did not answer in time')), REDIS_TIMEOUT_MS);
        }),
      ]);
    } catch (error) {
      this.logger.warn({ error: errorSummary(error) }, 'rate limit skipped: Redis unavailable');
      return null;
    } finally {
      clearTimeout(timer);
    }
  }
}
