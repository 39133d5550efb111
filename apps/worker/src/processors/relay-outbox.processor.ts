import { Injectable } from '@nestjs/common';
import type { JobHandler } from '@rightsdesk/queue';
import { OutboxService } from '@rightsdesk/workflow';

@Injectable()
export class RelayOutboxProcessor implements JobHandler<'relay-outbox'> {
  readonly jobName = 'relay-outbox';

  constructor(private readonly outbox: OutboxService) {}

  async handle(): Promise<void> {
    await this.outbox.relay();
  }
}
