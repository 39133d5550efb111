import { AccessPackageEntity } from './access-package.entity';
import { ApiKeyEntity } from './api-key.entity';
import { AuditChainLinkEntity } from './audit-chain-link.entity';
import { AuditEventEntity } from './audit-event.entity';
import { ChildFindingEntity } from './child-finding.entity';
import { ConsoleSettingEntity } from './console-setting.entity';
import { DrpAgentTokenEntity } from './drp-agent-token.entity';
import { DrpAgentEntity } from './drp-agent.entity';
import { GpcSignalEntity } from './gpc-signal.entity';
import { DrpRequestEntity } from './drp-request.entity';
import { OfficerSessionEntity } from './officer-session.entity';
import { OfficerEntity } from './officer.entity';
import { OutboxMessageEntity } from './outbox-message.entity';
import { PrivacyRequestEntity } from './privacy-request.entity';
import { RequestAttachmentEntity } from './request-attachment.entity';
import { RequestExecutionEntity } from './request-execution.entity';
import { RequestMessageEntity } from './request-message.entity';
import { RetentionHoldEntity } from './retention-hold.entity';
import { RetentionRunEntity } from './retention-run.entity';
import { SuppressionEntryEntity } from './suppression-entry.entity';
import { SystemExecutionEntity } from './system-execution.entity';
import { VerificationTokenEntity } from './verification-token.entity';

export {
  AccessPackageEntity,
  ApiKeyEntity,
  AuditChainLinkEntity,
  AuditEventEntity,
  ChildFindingEntity,
  ConsoleSettingEntity,
  DrpAgentEntity,
  DrpAgentTokenEntity,
  DrpRequestEntity,
  GpcSignalEntity,
  OfficerEntity,
  OfficerSessionEntity,
  OutboxMessageEntity,
  PrivacyRequestEntity,
  RequestAttachmentEntity,
  RequestExecutionEntity,
  RequestMessageEntity,
  RetentionHoldEntity,
  RetentionRunEntity,
  SuppressionEntryEntity,
  SystemExecutionEntity,
  VerificationTokenEntity,
};
export { type DrpFinalStatus } from './drp-request.entity';
export { SUPPRESSION_LISTS, type SuppressionList } from './suppression-entry.entity';
export { REQUEST_MESSAGE_KINDS, type RequestMessageKind } from './request-message.entity';
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
  OfficerEntity,
  OfficerSessionEntity,
  RequestMessageEntity,
  RequestAttachmentEntity,
  ConsoleSettingEntity,
  RetentionRunEntity,
  RetentionHoldEntity,
  ChildFindingEntity,
  DrpAgentEntity,
  DrpAgentTokenEntity,
  DrpRequestEntity,
  GpcSignalEntity,
];
