import { Injectable } from '@nestjs/common';
import type { JobData, JobHandler } from '@rightsdesk/queue';
import { OutboxService } from '@rightsdesk/workflow';

@Injectable()
export class SendEmailProcessor implements JobHandler<'send-email'> {
  readonly jobName = 'send-email';

  constructor(private readonly outbox: OutboxService) {}

  async handle({ outboxId }: JobData<'send-email'>): Promise<void> {
    await this.outbox.send(outboxId);
  }
}
