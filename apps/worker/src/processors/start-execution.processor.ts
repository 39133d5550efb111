import { Injectable } from '@nestjs/common';
import type { JobData, JobHandler } from '@rightsdesk/queue';
import { ExecutionService } from '@rightsdesk/workflow';

@Injectable()
export class StartExecutionProcessor implements JobHandler<'start-execution'> {
  readonly jobName = 'start-execution';

  constructor(private readonly execution: ExecutionService) {}

  async handle({ requestId }: JobData<'start-execution'>): Promise<void> {
    await this.execution.start(requestId);
  }
}
