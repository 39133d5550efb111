import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@rightsdesk/config';
import { canFindChildren, childRuleId, type PostgresCollection, type PostgresSystem, StatementTimer } from '@rightsdesk/connectors';
import { toCalendarDate } from '@rightsdesk/domain';
import { DataMapProvider } from '../../execution/data-map.provider';
import { RetentionRuleError } from '../retention-error';
import type { RetentionTask, RetentionTaskProvider } from '../retention-task';
import { ChildFindingIntake } from './child-finding-intake';

/** The latest birth date of someone who is `years` old on `today` (YYYY-MM-DD); born after it is younger. */
export function bornOnOrBefore(today: string, years: number): string {
  const [y, m, d] = today.split('-').map(Number);
  const date = new Date(Date.UTC(y - years, m - 1, d));
  // 29 February minus whole years lands on 1 March in a common year; the birthday is then 28 February.
  if (date.getUTCMonth() !== m - 1) {
    date.setUTCDate(0);
  }
  return toCalendarDate(date);
}

// A collection's `children` block: accounts whose declared birth date makes them younger than the
// limit each get a child_data_removal request for officer review, once per account.
@Injectable()
export class ChildReviewTasks implements RetentionTaskProvider {
  constructor(
    private readonly dataMap: DataMapProvider,
    private readonly intake: ChildFindingIntake,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  tasks(): RetentionTask[] {
    if (!this.dataMap.configured) {
      return [];
    }
    return this.dataMap
      .get()
      .systems.filter((system): system is PostgresSystem => system.kind === 'postgres')
      .flatMap((system) => system.collections.filter((collection) => collection.children).map((collection) => this.task(system, collection)));
  }

  private task(system: PostgresSystem, collection: PostgresCollection): RetentionTask {
    const children = collection.children!;
    const id = childRuleId(system, collection);
    const finder = () => {
      const connector = this.dataMap.connector(system.key);
      if (!canFindChildren(connector)) {
        throw new RetentionRuleError(`${system.key}: cannot look for children's accounts`);
      }
      return connector;
    };
    const bornAfter = (asOf: Date) => bornOnOrBefore(toCalendarDate(asOf), children.under);
    return {
      id,
      source: 'data_map',
      action: 'review_children',
      description: `Open a child data removal request for officer review for each ${system.key}.${collection.name} account whose ${children.birthDate} makes the holder younger than ${children.under}.`,
      period: null,
      schedule: children.schedule ?? this.config.retention.defaultSchedule,
      legalHold: false,
      plan: (asOf, samples) => finder().planChildren(collection.name, bornAfter(asOf), samples),
      batch: async (asOf, cursor, limit) => {
        const timer = new StatementTimer();
        const found = await timer.time(() => finder().findChildren(collection.name, bornAfter(asOf), cursor, limit));
        let opened = 0;
        for (const account of await timer.time(() => this.intake.unknown(id, found.accounts))) {
          if (await timer.time(() => this.intake.open(id, account, children.under, asOf))) {
            opened += 1;
          }
        }
        return { affected: opened, cursor: found.cursor, longestStatementMs: timer.longestMs };
      },
    };
  }
}
