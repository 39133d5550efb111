import { Injectable } from '@nestjs/common';
import { isUuid, RequestException } from '@rightsdesk/domain';
import { ExecutionService } from '../../execution/execution.service';

// An officer retries the failed systems of a failed request (or one of them) in a new run.
@Injectable()
export class ExecutionRetry {
  constructor(private readonly execution: ExecutionService) {}

  /** The systems that run again. */
  retry(requestId: string, systemKey: string | null, officerId: string): Promise<string[]> {
    if (!isUuid(requestId)) {
      throw new RequestException('not_found', 'No such request.');
    }
    return this.execution.retry(requestId, systemKey, { type: 'officer', id: officerId });
  }
}
