import type { OfficerRole } from './officer-role';
import { isTerminal, type RequestStatus } from './request-status';
import type { RequestType } from './request-type';
import { canTransition } from './status-machine';

// What an officer can do to a request from the console, named as the console names it. The status
// machine's own actions include steps only the system takes (start, complete, fail); these are the
// buttons, derived from it so the two can never disagree.
export const CONSOLE_ACTIONS = [
  'assign',
  'note',
  'approve',
  'deny',
  'extend',
  'request_information',
  'cancel',
  'retry',
  'resend_access_link',
] as const;

export type ConsoleAction = (typeof CONSOLE_ACTIONS)[number];

export interface ConsoleActionContext {
  role: OfficerRole;
  status: RequestStatus;
  type: RequestType;
  /** From the statutory clock for today (computeDeadline().canExtend). */
  canExtend: boolean;
}

export function consoleActionsFor(context: ConsoleActionContext): ConsoleAction[] {
  // Auditors read everything and change nothing.
  if (context.role === 'auditor') {
    return [];
  }
  const { status } = context;
  const actions: ConsoleAction[] = ['assign', 'note'];
  if (canTransition(status, 'approve')) {
    actions.push('approve');
  }
  if (canTransition(status, 'deny')) {
    actions.push('deny');
  }
  if (context.canExtend && !isTerminal(status)) {
    actions.push('extend');
  }
  if (canTransition(status, 'hold')) {
    actions.push('request_information');
  }
  if (canTransition(status, 'cancel')) {
    actions.push('cancel');
  }
  if (canTransition(status, 'retry')) {
    actions.push('retry');
  }
  if (status === 'completed' && context.type === 'access') {
    actions.push('resend_access_link');
  }
  return actions;
}
