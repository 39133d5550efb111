import { Logger } from '@nestjs/common';
import type { PrivacyRequestEntity } from '@rightsdesk/data-access';
import { errorSummary } from '@rightsdesk/queue';
import type { AutoApproval } from '../triage/auto-approval.service';

const logger = new Logger('AutoApproveAfterFiling');

/**
 * A request filed verified gets the auto-approval policy a confirmed email link gets. After commit:
 * the filing stands whatever happens here, and a request not approved waits for an officer.
 */
export async function autoApproveAfterFiling(autoApproval: AutoApproval, request: Pick<PrivacyRequestEntity, 'id' | 'type'>): Promise<boolean> {
  return autoApproval.afterVerified(request.id, request.type).catch((error: unknown) => {
    logger.warn({ requestId: request.id, error: errorSummary(error) }, 'auto-approval check failed; the request waits for an officer');
    return false;
  });
}
