import { Injectable } from '@nestjs/common';
import type { JobData, JobHandler } from '@rightsdesk/queue';
import { RetentionRuns } from '@rightsdesk/workflow';

@Injectable()
export class RetentionRuleProcessor implements JobHandler<'retention-rule'> {
  readonly jobName = 'retention-rule';

  constructor(private readonly runs: RetentionRuns) {}

  async handle(data: JobData<'retention-rule'>): Promise<void> {
    const { run } = await this.runs.start(data.ruleId, 'schedule', null);
    if (run.status === 'running') {
      await this.runs.work(run.id);
    }
  }
}
