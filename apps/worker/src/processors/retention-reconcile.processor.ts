import { Injectable } from '@nestjs/common';
import { QueueService, retentionRunJobId, type JobHandler } from '@rightsdesk/queue';
import { RetentionRuns } from '@rightsdesk/workflow';

// A run whose worker died keeps its lease until it runs out; then it is orphaned, and so is a run
// whose job never reached Redis. Either way a job is made sure to exist, and whichever worker takes
// it resumes from the run's saved cursor. The job id carries the run's progress: the dead worker's
// job would only come back once BullMQ declares it stalled (30 s or more), and a worker that was
// merely slow loses its lease to the new job at its next batch, so the run is never worked twice.
@Injectable()
export class RetentionReconcileProcessor implements JobHandler<'retention-reconcile'> {
  readonly jobName = 'retention-reconcile';

  constructor(
    private readonly runs: RetentionRuns,
    private readonly queue: QueueService,
  ) {}

  async handle(): Promise<void> {
    for (const run of await this.runs.orphaned(100)) {
      await this.queue.ensure({ name: 'retention-run', data: { runId: run.id } }, retentionRunJobId(run.id, run));
    }
  }
}
