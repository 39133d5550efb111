import { Injectable, Logger } from '@nestjs/common';
import { OpenDsrConnector } from '@rightsdesk/connectors';
import { ExecutionRepository } from '@rightsdesk/data-access';
import { errorSummary } from '@rightsdesk/queue';
import { DataMapProvider } from '../execution/data-map.provider';

// OpenDSR §9: a controller may cancel a request a processor has not finished. A request can only be
// cancelled before execution starts or after a run failed, so what is left to stop is a processor
// whose callback went overdue (the system was failed on our side while it may still be at work).
@Injectable()
export class OpenDsrCancellation {
  private readonly logger = new Logger(OpenDsrCancellation.name);

  constructor(
    private readonly dataMap: DataMapProvider,
    private readonly executions: ExecutionRepository,
  ) {}

  /**
   * After the request was cancelled (committed): asks each OpenDSR processor still holding it to
   * stop. Best effort: the request stays cancelled whatever a processor answers. Returns how many
   * processors accepted.
   */
  async afterRequestCancelled(requestId: string): Promise<number> {
    if (!this.dataMap.configured) {
      return 0;
    }
    // The cancel is committed: nothing here may turn the caller's success into an error.
    const view = await this.executions.view(requestId).catch((error: unknown) => {
      this.logger.warn({ requestId, error: errorSummary(error) }, 'could not read the execution to cancel at processors');
      return null;
    });
    let accepted = 0;
    for (const system of view?.systems ?? []) {
      if (system.status === 'done' || !system.providerReference || this.dataMap.system(system.systemKey)?.kind !== 'opendsr') {
        continue;
      }
      try {
        const connector = this.dataMap.connector(system.systemKey);
        if (connector instanceof OpenDsrConnector && (await connector.cancel(system.providerReference))) {
          accepted += 1;
        }
      } catch (error) {
        this.logger.warn({ requestId, systemKey: system.systemKey, error: errorSummary(error) }, 'OpenDSR cancellation failed; the request stays cancelled');
      }
    }
    return accepted;
  }
}
