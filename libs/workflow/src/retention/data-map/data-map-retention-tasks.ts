import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@rightsdesk/config';
import {
  type Collection,
  type DataSystem,
  type RetentionRule,
  retentionRuleId,
  subtractIsoDuration,
  supportsRetention,
} from '@rightsdesk/connectors';
import { DataMapProvider } from '../../execution/data-map.provider';
import { RetentionRuleError } from '../retention-error';
import type { RetentionTask, RetentionTaskProvider } from '../retention-task';
import { describeRule } from './describe-rule';
import { RetentionCascades } from './retention-cascades';

// One task per retention rule of the data map. The connector does the work in the company's own
// store; the task turns a run's as-of time into the rule's cutoffs and, for rows that other systems
// key data by (an avatar folder named by the customer id), erases that data first.
@Injectable()
export class DataMapRetentionTasks implements RetentionTaskProvider {
  constructor(
    private readonly dataMap: DataMapProvider,
    private readonly cascades: RetentionCascades,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  tasks(): RetentionTask[] {
    if (!this.dataMap.configured) {
      return [];
    }
    return this.dataMap.get().systems.flatMap((system) =>
      (system.collections as Collection[]).flatMap((collection) =>
        (collection.retention ?? []).map((rule) => this.task(system, collection, rule)),
      ),
    );
  }

  private task(system: DataSystem, collection: Collection, rule: RetentionRule): RetentionTask {
    const connectorOf = () => {
      const connector = this.dataMap.connector(system.key);
      if (!supportsRetention(connector)) {
        throw new RetentionRuleError(`${system.key}: a ${system.kind} system cannot apply retention rules`);
      }
      return connector;
    };
    const windowAt = (asOf: Date) => ({
      cutoff: subtractIsoDuration(asOf, rule.period),
      conditionCutoff: rule.condition ? subtractIsoDuration(asOf, rule.condition.olderThan) : undefined,
    });
    return {
      id: retentionRuleId(system, collection, rule),
      source: 'data_map',
      action: rule.action,
      description: describeRule(system, collection, rule),
      period: rule.period,
      schedule: rule.schedule ?? this.config.retention.defaultSchedule,
      legalHold: rule.legalHold,
      plan: (asOf, samples) => connectorOf().planRetention(collection.name, rule, windowAt(asOf), samples),
      batch: (asOf, cursor, limit) =>
        connectorOf().retentionBatch(
          collection.name,
          rule,
          windowAt(asOf),
          cursor,
          limit,
          rule.action === 'delete' ? this.cascades.of(system, collection) : undefined,
        ),
    };
  }
}
