import { Injectable } from '@nestjs/common';
import type { JobData, JobHandler } from '@rightsdesk/queue';
import { ExecutionFinalizer } from '@rightsdesk/workflow';

@Injectable()
export class FinalizeRequestProcessor implements JobHandler<'finalize-request'> {
  readonly jobName = 'finalize-request';

  constructor(private readonly finalizer: ExecutionFinalizer) {}

  async handle({ requestId, run }: JobData<'finalize-request'>): Promise<void> {
    await this.finalizer.finalize(requestId, run);
  }
}
