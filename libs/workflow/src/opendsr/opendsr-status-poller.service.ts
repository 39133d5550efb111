import { Injectable, Logger } from '@nestjs/common';
import { OpenDsrConnector, type OpenDsrSystem } from '@rightsdesk/connectors';
import { ExecutionRepository } from '@rightsdesk/data-access';
import { errorSummary } from '@rightsdesk/queue';
import { DataMapProvider } from '../execution/data-map.provider';
import { Clock } from '../time/clock';
import { OpenDsrOutcomes } from './opendsr-outcomes.service';

const BATCH = 100;

export interface PollReport {
  polled: number;
  recorded: number;
}

// Callbacks get lost (the spec only asks processors to try once), so systems still waiting are
// asked for their status every `pollIntervalMinutes`, counted from when they started waiting or were
// last asked. Runs inside the execution reconciler, before overdue systems are failed.
@Injectable()
export class OpenDsrStatusPoller {
  private readonly logger = new Logger(OpenDsrStatusPoller.name);
  /** `system:subject_request_id` → when it was last asked. Per process; a restart asks once more. */
  private readonly lastPolled = new Map<string, number>();

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
    const systems = new Map(
      this.dataMap
        .get()
        .systems.filter((system): system is OpenDsrSystem => system.kind === 'opendsr')
        .map((system) => [system.key, system]),
    );
    const now = this.clock.now().getTime();
    for (const waiting of await this.executions.findAwaitingIn([...systems.keys()], BATCH)) {
      const system = systems.get(waiting.systemKey);
      const reference = waiting.providerReference;
      if (!system || !reference) {
        continue;
      }
      const key = `${system.key}:${reference}`;
      const since = Math.max(waiting.updatedAt.getTime(), this.lastPolled.get(key) ?? 0);
      if (now - since < system.connection.pollIntervalMinutes * 60_000) {
        continue;
      }
      this.lastPolled.set(key, now);
      try {
        const connector = this.dataMap.connector(system.key);
        if (!(connector instanceof OpenDsrConnector)) {
          continue;
        }
        report.polled += 1;
        const status = await connector.status(reference);
        if ((await this.outcomes.record(system, waiting, status, 'status_poll')) === 'recorded') {
          report.recorded += 1;
          this.lastPolled.delete(key);
        }
      } catch (error) {
        // The next reconcile asks again; the callback deadline still bounds the wait.
        this.logger.warn({ requestId: waiting.requestId, system: system.key, error: errorSummary(error) }, 'opendsr status poll failed');
      }
    }
    return report;
  }
}
