import { AuditChainLinkEntity } from './audit-chain-link.entity';
import { AuditEventEntity } from './audit-event.entity';
import { OutboxMessageEntity } from './outbox-message.entity';
import { PrivacyRequestEntity } from './privacy-request.entity';
import { VerificationTokenEntity } from './verification-token.entity';

export { AuditChainLinkEntity, AuditEventEntity, OutboxMessageEntity, PrivacyRequestEntity, VerificationTokenEntity };

export const ENTITIES = [PrivacyRequestEntity, VerificationTokenEntity, OutboxMessageEntity, AuditEventEntity, AuditChainLinkEntity];
