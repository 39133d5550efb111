import { AccessPackageEntity } from './access-package.entity';
import { ApiKeyEntity } from './api-key.entity';
import { AuditChainLinkEntity } from './audit-chain-link.entity';
import { AuditEventEntity } from './audit-event.entity';
import { OutboxMessageEntity } from './outbox-message.entity';
import { PrivacyRequestEntity } from './privacy-request.entity';
import { RequestExecutionEntity } from './request-execution.entity';
import { SuppressionEntryEntity } from './suppression-entry.entity';
import { SystemExecutionEntity } from './system-execution.entity';
import { VerificationTokenEntity } from './verification-token.entity';

export {
  AccessPackageEntity,
  ApiKeyEntity,
  AuditChainLinkEntity,
  AuditEventEntity,
  OutboxMessageEntity,
  PrivacyRequestEntity,
  RequestExecutionEntity,
  SuppressionEntryEntity,
  SystemExecutionEntity,
  VerificationTokenEntity,
};
export { SYSTEM_EXECUTION_STATUSES, type SystemExecutionStatus, type SystemOutcomeRecord } from './system-execution.entity';

export const ENTITIES = [
  PrivacyRequestEntity,
  VerificationTokenEntity,
  OutboxMessageEntity,
  AuditEventEntity,
  AuditChainLinkEntity,
  RequestExecutionEntity,
  SystemExecutionEntity,
  AccessPackageEntity,
  SuppressionEntryEntity,
  ApiKeyEntity,
];
