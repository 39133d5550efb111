import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { JobRunner, QueueService } from '@rightsdesk/queue';
import { DataMapProvider } from '@rightsdesk/workflow';

// One queue per data map system, consumed with the system's concurrency. The limit is also set
// on the queue itself (BullMQ global concurrency), so it holds across any number of workers.
@Injectable()
export class SystemQueues implements OnApplicationBootstrap {
  private readonly logger = new Logger(SystemQueues.name);

  constructor(
    private readonly dataMap: DataMapProvider,
    private readonly runner: JobRunner,
    private readonly queue: QueueService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.dataMap.configured) {
      this.logger.warn('no data map configured (DATAMAP_PATH): approved requests will wait');
      return;
    }
    for (const system of this.dataMap.get().systems) {
      const queue = this.queue.systemQueue(system.key);
      await queue.setGlobalConcurrency(system.concurrency);
      this.runner.startQueue(queue.name, system.concurrency);
    }
  }
}
