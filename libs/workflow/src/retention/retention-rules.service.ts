import { Injectable } from '@nestjs/common';
import { RequestException } from '@rightsdesk/domain';
import { ChildReviewTasks } from './children/child-review-tasks';
import { DataMapRetentionTasks } from './data-map/data-map-retention-tasks';
import { OwnDataRetentionTasks } from './own-data/own-data-retention-tasks';
import type { RetentionTask, RetentionTaskProvider } from './retention-task';

// Every rule the worker schedules, from the data map (collections and children checks) and from
// Rightsdesk itself. Built once the data map is loaded; rule ids are unique across all of them.
@Injectable()
export class RetentionRules {
  private tasks: Map<string, RetentionTask> | undefined;

  constructor(
    private readonly dataMap: DataMapRetentionTasks,
    private readonly children: ChildReviewTasks,
    private readonly ownData: OwnDataRetentionTasks,
  ) {}

  all(): RetentionTask[] {
    return [...this.byId().values()];
  }

  get(id: string): RetentionTask | undefined {
    return this.byId().get(id);
  }

  require(id: string): RetentionTask {
    const task = this.get(id);
    if (!task) {
      throw new RequestException('not_found', 'No such retention rule.');
    }
    return task;
  }

  private byId(): Map<string, RetentionTask> {
    if (!this.tasks) {
      const providers: RetentionTaskProvider[] = [this.dataMap, this.children, this.ownData];
      const tasks = new Map<string, RetentionTask>();
      for (const task of providers.flatMap((provider) => provider.tasks())) {
        if (tasks.has(task.id)) {
          throw new Error(`two retention rules share the id ${task.id}`);
        }
        tasks.set(task.id, task);
      }
      this.tasks = tasks;
    }
    return this.tasks;
  }
}
