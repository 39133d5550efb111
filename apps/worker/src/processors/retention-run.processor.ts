import { Injectable } from '@nestjs/common';
import type { JobData, JobHandler } from '@rightsdesk/queue';
import { RetentionRuns } from '@rightsdesk/workflow';

@Injectable()
export class RetentionRunProcessor implements JobHandler<'retention-run'> {
  readonly jobName = 'retention-run';

  constructor(private readonly runs: RetentionRuns) {}

  async handle(data: JobData<'retention-run'>): Promise<void> {
    await this.runs.work(data.runId);
  }
}
