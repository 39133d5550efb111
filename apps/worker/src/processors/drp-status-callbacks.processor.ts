import { Injectable } from '@nestjs/common';
import type { JobHandler } from '@rightsdesk/queue';
import { DrpCallbacks } from '@rightsdesk/workflow';

@Injectable()
export class DrpStatusCallbacksProcessor implements JobHandler<'drp-status-callbacks'> {
  readonly jobName = 'drp-status-callbacks';

  constructor(private readonly callbacks: DrpCallbacks) {}

  async handle(): Promise<void> {
    await this.callbacks.sweep();
  }
}
