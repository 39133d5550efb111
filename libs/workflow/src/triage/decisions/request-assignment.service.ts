import { Injectable } from '@nestjs/common';
import { OfficerRepository, PrivacyRequestRepository, type Tx } from '@rightsdesk/data-access';
import { ACTING_ROLES, isUuid, type OfficerRole, RequestException } from '@rightsdesk/domain';
import { AuditTrail } from '../../audit/audit-trail.service';
import { RequestLock } from '../request-lock.service';

export type AssignmentOutcome = 'assigned' | 'unassigned' | 'unchanged';

const NOT_ASSIGNABLE = 'Requests can be assigned only to an active admin or officer.';

// Who works a request. Only someone who can act on it may hold it: an auditor or a disabled account
// would leave the request sitting in a queue nobody can move.
@Injectable()
export class RequestAssignment {
  constructor(
    private readonly lock: RequestLock,
    private readonly requests: PrivacyRequestRepository,
    private readonly officers: OfficerRepository,
    private readonly audit: AuditTrail,
  ) {}

  /** `assigneeId` null unassigns. Assigning the current assignee again changes and records nothing. */
  async assign(requestId: string, assigneeId: string | null, officerId: string): Promise<AssignmentOutcome> {
    return this.lock.run(requestId, async (tx, request) => {
      if (assigneeId !== null) {
        // Inside the transaction, so an account disabled a moment ago is not given new work.
        await this.assertAssignable(assigneeId, tx);
      }
      if (request.assigneeId === assigneeId) {
        return 'unchanged';
      }
      await this.requests.update(tx, requestId, { assigneeId });
      await this.audit.record(tx, {
        requestId,
        actorType: 'officer',
        actorId: officerId,
        action: 'request_assigned',
        data: { assigneeId, previousAssigneeId: request.assigneeId },
      });
      return assigneeId === null ? 'unassigned' : 'assigned';
    });
  }

  /** 422 with a field error unless the officer exists, is not disabled and may act on requests. */
  async assertAssignable(assigneeId: string, tx?: Tx): Promise<void> {
    const officer = isUuid(assigneeId) ? await this.officers.findById(assigneeId, tx) : null;
    if (!officer || officer.disabledAt !== null || !(ACTING_ROLES as readonly OfficerRole[]).includes(officer.role)) {
      throw new RequestException('validation_failed', NOT_ASSIGNABLE, {
        fieldErrors: [{ path: 'officerId', code: 'invalid_assignee', message: NOT_ASSIGNABLE }],
      });
    }
  }
}
