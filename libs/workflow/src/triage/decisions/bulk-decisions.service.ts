import { Injectable, Logger } from '@nestjs/common';
import { type DenyReason, type RequestErrorCode, RequestException } from '@rightsdesk/domain';
import { errorSummary } from '@rightsdesk/queue';
import { RequestApproval } from './request-approval.service';
import { RequestAssignment } from './request-assignment.service';
import { RequestDenial } from './request-denial.service';

export type BulkAction =
  | { action: 'approve'; requestIds: string[] }
  | { action: 'deny'; requestIds: string[]; reason: DenyReason; message: string }
  | { action: 'assign'; requestIds: string[]; officerId: string | null };

export type BulkResult =
  | { requestId: string; ok: true; outcome: string }
  | { requestId: string; ok: false; code: RequestErrorCode; message: string };

// One action over a selection. Each request is decided on its own, in its own transaction, exactly
// as if it had been acted on alone (four-eyes included): one that refuses does not hold up the rest.
@Injectable()
export class BulkDecisions {
  private readonly logger = new Logger(BulkDecisions.name);

  constructor(
    private readonly approval: RequestApproval,
    private readonly denial: RequestDenial,
    private readonly assignment: RequestAssignment,
  ) {}

  async run(bulk: BulkAction, officerId: string): Promise<BulkResult[]> {
    if (bulk.action === 'assign' && bulk.officerId !== null) {
      // The same for every request: a wrong assignee refuses the whole call rather than each item.
      await this.assignment.assertAssignable(bulk.officerId);
    }
    const results: BulkResult[] = [];
    for (const requestId of bulk.requestIds) {
      results.push(await this.one(bulk, requestId, officerId));
    }
    return results;
  }

  private async one(bulk: BulkAction, requestId: string, officerId: string): Promise<BulkResult> {
    try {
      return { requestId, ok: true, outcome: await this.act(bulk, requestId, officerId) };
    } catch (error) {
      if (error instanceof RequestException) {
        return { requestId, ok: false, code: error.code, message: error.message };
      }
      this.logger.error({ requestId, action: bulk.action, error: errorSummary(error) }, 'bulk action failed on one request');
      return { requestId, ok: false, code: 'internal_error', message: 'This request could not be processed; try it again on its own.' };
    }
  }

  private async act(bulk: BulkAction, requestId: string, officerId: string): Promise<string> {
    switch (bulk.action) {
      case 'approve':
        return this.approval.approve(requestId, officerId);
      case 'deny':
        await this.denial.deny(requestId, { reason: bulk.reason, message: bulk.message }, officerId);
        return 'denied';
      case 'assign':
        return this.assignment.assign(requestId, bulk.officerId, officerId);
      default: {
        const unknown: never = bulk;
        throw new TypeError(`Unknown bulk action ${String((unknown as { action: unknown }).action)}`);
      }
    }
  }
}
