import { AccessLinkResend } from './access-link-resend.service';
import { BulkDecisions } from './bulk-decisions.service';
import { ExecutionRetry } from './execution-retry.service';
import { RequestApproval } from './request-approval.service';
import { RequestAssignment } from './request-assignment.service';
import { RequestCancellation } from './request-cancellation.service';
import { RequestDenial } from './request-denial.service';
import { RequestNotes } from './request-notes.service';
import { RequestStates } from './request-states.service';

/** The decisions officers take on a request: assign, note, approve, deny, cancel, retry, re-send. */
export const DECISION_SERVICES = [
  AccessLinkResend,
  BulkDecisions,
  ExecutionRetry,
  RequestApproval,
  RequestAssignment,
  RequestCancellation,
  RequestDenial,
  RequestNotes,
  RequestStates,
];
