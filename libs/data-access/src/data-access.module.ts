import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@rightsdesk/config';
import { DatabaseTransactions } from './database-transactions';
import { createDataSourceOptions } from './data-source-options';
import { AccessPackageRepository } from './repositories/access-package.repository';
import { ApiKeyRepository } from './repositories/api-key.repository';
import { AuditRepository } from './repositories/audit.repository';
import { ConsoleAuditRepository } from './repositories/console-audit.repository';
import { ConsoleMetricsRepository } from './repositories/console-metrics.repository';
import { ConsoleQueueRepository } from './repositories/console-queue.repository';
import { ConsoleSettingRepository } from './repositories/console-setting.repository';
import { DrpAgentRepository } from './repositories/drp-agent.repository';
import { DrpRequestRepository } from './repositories/drp-request.repository';
import { ExecutionRepository } from './repositories/execution.repository';
import { IntakeRepository } from './repositories/intake.repository';
import { OfficerDigestRepository } from './repositories/officer-digest.repository';
import { OfficerSessionRepository } from './repositories/officer-session.repository';
import { OfficerRepository } from './repositories/officer.repository';
import { OutboxRepository } from './repositories/outbox.repository';
import { OwnDataRetentionRepository } from './repositories/own-data-retention.repository';
import { PrivacyRequestRepository } from './repositories/privacy-request.repository';
import { RequestAttachmentRepository } from './repositories/request-attachment.repository';
import { RequestMessageRepository } from './repositories/request-message.repository';
import { ChildFindingRepository } from './repositories/child-finding.repository';
import { RetentionHoldRepository } from './repositories/retention-hold.repository';
import { RetentionRunRepository } from './repositories/retention-run.repository';
import { GpcSignalRepository } from './repositories/gpc-signal.repository';
import { SuppressionRepository } from './repositories/suppression.repository';
import { VerificationTokenRepository } from './repositories/verification-token.repository';
import { MigrationRunner } from './migration-runner';

const repositories = [
  IntakeRepository,
  PrivacyRequestRepository,
  VerificationTokenRepository,
  OutboxRepository,
  AuditRepository,
  ExecutionRepository,
  AccessPackageRepository,
  SuppressionRepository,
  GpcSignalRepository,
  ApiKeyRepository,
  OfficerRepository,
  OfficerSessionRepository,
  OfficerDigestRepository,
  RequestMessageRepository,
  RequestAttachmentRepository,
  ConsoleSettingRepository,
  ConsoleQueueRepository,
  ConsoleAuditRepository,
  ConsoleMetricsRepository,
  OwnDataRetentionRepository,
  RetentionRunRepository,
  RetentionHoldRepository,
  ChildFindingRepository,
  DrpAgentRepository,
  DrpRequestRepository,
];

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createDataSourceOptions(config.database),
    }),
  ],
  providers: [DatabaseTransactions, MigrationRunner, ...repositories],
  exports: [DatabaseTransactions, ...repositories],
})
export class DataAccessModule {}
