import { Injectable } from '@nestjs/common';
import type { JobData, JobHandler } from '@rightsdesk/queue';
import { SystemExecutor } from '@rightsdesk/workflow';

@Injectable()
export class ExecuteSystemProcessor implements JobHandler<'execute-system'> {
  readonly jobName = 'execute-system';

  constructor(private readonly executor: SystemExecutor) {}

  async handle(data: JobData<'execute-system'>, context: { attempt: number }): Promise<void> {
    await this.executor.execute(data, context.attempt);
  }
}
