import type { PrivacyRequestEntity } from '@rightsdesk/data-access';
import { type Deadline, REGIME_RULES } from '@rightsdesk/domain';

/** Why the deadline cannot be extended today, in words an officer can act on; null when it can. */
export function extensionRefusal(request: Pick<PrivacyRequestEntity, 'regime' | 'type' | 'extended'>, deadline: Deadline): string | null {
  if (deadline.canExtend) {
    return null;
  }
  const rule = REGIME_RULES[request.regime];
  if (request.extended) {
    return `The deadline was already extended (it is now ${deadline.dueOn}); the law allows one extension.`;
  }
  if (request.type === 'opt_out' && rule.optOut) {
    return `Opt-out requests under ${rule.name} must be honoured within ${rule.optOut.businessDays} business days (${rule.optOut.legalBasis}); there is no extension.`;
  }
  if (deadline.extendedDueOn === null) {
    return `${rule.name} allows no extension of the response period (${rule.legalBasis}).`;
  }
  const lastDay = deadline.extensionNoticeBy ?? deadline.originalDueOn;
  return `Too late: an extension had to be taken, and the requester told, by ${lastDay}.`;
}
