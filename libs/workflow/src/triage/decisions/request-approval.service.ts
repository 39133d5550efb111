import { Injectable } from '@nestjs/common';
import { PrivacyRequestRepository } from '@rightsdesk/data-access';
import { isUuid, nextStatus, RequestException } from '@rightsdesk/domain';
import { AuditTrail } from '../../audit/audit-trail.service';
import { ExecutionService } from '../../execution/execution.service';
import { Clock } from '../../time/clock';
import { ConsoleSettingsService } from '../console-settings.service';
import { RequestLock } from '../request-lock.service';

export type ApprovalOutcome = 'proposed' | 'approved';

type FourEyesStep = { step: 'proposed' } | { step: 'approve'; proposedBy: string };

// An officer's approval. Where the settings ask for four eyes (erasure and child data removal by
// default: they cannot be undone), the first officer's approval is a proposal and a different
// officer's approval carries it out.
@Injectable()
export class RequestApproval {
  constructor(
    private readonly lock: RequestLock,
    private readonly requests: PrivacyRequestRepository,
    private readonly settings: ConsoleSettingsService,
    private readonly execution: ExecutionService,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async approve(requestId: string, officerId: string): Promise<ApprovalOutcome> {
    if (!isUuid(requestId)) {
      throw new RequestException('not_found', 'No such request.');
    }
    const request = await this.requests.findStatus(requestId);
    if (!request) {
      throw new RequestException('not_found', 'No such request.');
    }
    nextStatus(request.status, 'approve');
    const actor = { type: 'officer', id: officerId } as const;
    if (!(await this.settings.needsFourEyes(request.type))) {
      await this.execution.approve(requestId, actor);
      return 'approved';
    }
    const decided = await this.fourEyes(requestId, officerId);
    if (decided.step === 'proposed') {
      return 'proposed';
    }
    // Guarded by the proposer read under the lock: if the proposal was withdrawn in between (the
    // request was put on hold, denied, cancelled), this writes nothing and refuses.
    await this.execution.approve(requestId, actor, { proposedBy: decided.proposedBy });
    return 'approved';
  }

  /** Under the row lock, so two officers approving at once cannot both become the proposer. */
  private fourEyes(requestId: string, officerId: string): Promise<FourEyesStep> {
    return this.lock.run(requestId, async (tx, request): Promise<FourEyesStep> => {
      nextStatus(request.status, 'approve');
      if (request.approvalProposedBy === officerId) {
        throw new RequestException('four_eyes_required', 'You proposed this approval; a different officer must approve it.');
      }
      if (request.approvalProposedBy !== null) {
        return { step: 'approve', proposedBy: request.approvalProposedBy };
      }
      await this.requests.update(tx, requestId, { approvalProposedBy: officerId, approvalProposedAt: this.clock.now() });
      await this.audit.record(tx, { requestId, actorType: 'officer', actorId: officerId, action: 'approval_proposed', data: { type: request.type } });
      return { step: 'proposed' };
    });
  }
}
