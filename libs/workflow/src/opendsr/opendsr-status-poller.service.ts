import { Injectable, Logger } from '@nestjs/common';
import { OpenDsrConnector, type OpenDsrSystem } from '@rightsdesk/connectors';
import { ExecutionRepository, type SystemExecutionEntity } from '@rightsdesk/data-access';
import { errorSummary } from '@rightsdesk/queue';
import { DataMapProvider } from '../execution/data-map.provider';
import { Clock } from '../time/clock';
import { OpenDsrOutcomes } from './opendsr-outcomes.service';

const BATCH = 100;
// At most this long per reconcile: processors time out one by one, and overdue handling waits.
const TIME_BUDGET_MS = 60_000;

type PolledSystem = Pick<SystemExecutionEntity, 'requestId' | 'systemKey' | 'run' | 'providerReference'>;

export interface PollReport {
  polled: number;
  recorded: number;
}

// Callbacks get lost (the spec only asks processors to try once), so systems still waiting are
// asked for their status every `pollIntervalMinutes`, counted from when they started waiting or were
// last asked (system_execution.polled_at, claimed in the database so any number of workers share
// it). Runs inside the execution reconciler, before overdue systems are failed.
@Injectable()
export class OpenDsrStatusPoller {
  private readonly logger = new Logger(OpenDsrStatusPoller.name);

  constructor(
    private readonly dataMap: DataMapProvider,
    private readonly executions: ExecutionRepository,
    private readonly outcomes: OpenDsrOutcomes,
    private readonly clock: Clock,
  ) {}

  async poll(): Promise<PollReport> {
    const report: PollReport = { polled: 0, recorded: 0 };
    if (!this.dataMap.configured) {
      return report;
    }
    const started = Date.now();
    for (const system of this.dataMap.get().systems) {
      if (system.kind !== 'opendsr') {
        continue;
      }
      const due = await this.executions.claimDueForPoll(system.key, system.connection.pollIntervalMinutes, this.clock.now(), BATCH);
      for (const waiting of due) {
        // The reconcile job has other work after this; the rest is claimed again next time.
        if (Date.now() - started > TIME_BUDGET_MS) {
          return report;
        }
        await this.pollOne(system, waiting, report);
      }
    }
    return report;
  }

  private async pollOne(system: OpenDsrSystem, waiting: PolledSystem, report: PollReport): Promise<void> {
    if (!waiting.providerReference) {
      return;
    }
    try {
      const connector = this.dataMap.connector(system.key);
      if (!(connector instanceof OpenDsrConnector)) {
        return;
      }
      report.polled += 1;
      const status = await connector.status(waiting.providerReference);
      if ((await this.outcomes.record(system, waiting, status, 'status_poll')) === 'recorded') {
        report.recorded += 1;
      }
    } catch (error) {
      // The next interval asks again; the callback deadline still bounds the wait.
      this.logger.warn({ requestId: waiting.requestId, system: system.key, error: errorSummary(error) }, 'opendsr status poll failed');
    }
  }
}
