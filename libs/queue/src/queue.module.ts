import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '@rightsdesk/config';
import { QueueService } from './queue.service';
import { ShutdownSignal } from './shutdown-signal';
import { createRedisConnection } from './redis-connection';
import { REDIS_CONNECTION } from './redis.tokens';

@Global()
@Module({
  providers: [
    {
      provide: REDIS_CONNECTION,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createRedisConnection(config.redis.url),
    },
    QueueService,
    ShutdownSignal,
  ],
  exports: [REDIS_CONNECTION, QueueService, ShutdownSignal],
})
export class QueueModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CONNECTION) private readonly redis: Redis) {}

  // After every queue and worker closed (onModuleDestroy), so nothing uses the connection any more.
  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
