import { Injectable, Logger } from '@nestjs/common';
import type { RequestType } from '@rightsdesk/domain';
import { errorSummary } from '@rightsdesk/queue';
import { ExecutionService } from '../execution/execution.service';
import { ConsoleSettingsService } from './console-settings.service';

export const AUTO_APPROVAL_ACTOR = { type: 'system', id: 'auto-approval' } as const;

// Approves a request the moment it is verified when the settings say so for its type (US law
// forbids demanding verification for opt-outs, so teams often approve them at once). Runs after the
// verification has committed; if it cannot approve, the request simply waits for an officer.
@Injectable()
export class AutoApproval {
  private readonly logger = new Logger(AutoApproval.name);

  constructor(
    private readonly settings: ConsoleSettingsService,
    private readonly execution: ExecutionService,
  ) {}

  async afterVerified(requestId: string, type: RequestType): Promise<boolean> {
    if (!(await this.settings.autoApproves(type))) {
      return false;
    }
    try {
      await this.execution.approve(requestId, AUTO_APPROVAL_ACTOR);
      return true;
    } catch (error) {
      this.logger.warn({ requestId, error: errorSummary(error) }, 'auto-approval did not go through; the request waits for an officer');
      return false;
    }
  }
}
