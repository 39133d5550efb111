import { Injectable } from '@nestjs/common';
import type { JobHandler } from '@rightsdesk/queue';
import { ExecutionReconciler } from '@rightsdesk/workflow';

@Injectable()
export class ReconcileExecutionsProcessor implements JobHandler<'reconcile-executions'> {
  readonly jobName = 'reconcile-executions';

  constructor(private readonly reconciler: ExecutionReconciler) {}

  async handle(): Promise<void> {
    await this.reconciler.reconcile();
  }
}
