import path from 'node:path';
import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@rightsdesk/config';
import { DataAccessModule } from '@rightsdesk/data-access';
import { MailTransport } from '@rightsdesk/mail';
import { QueueModule } from '@rightsdesk/queue';
import { PackageStore } from './access-package';
import { AccessPackageDelivery } from './access-delivery/access-package-delivery.service';
import { ApiKeyService } from './api-keys/api-key.service';
import { AuditTrail } from './audit/audit-trail.service';
import { AgentFilings } from './drp/agent-filing.service';
import { DrpAgentService } from './drp/drp-agent.service';
import { DrpCallbacks } from './drp/drp-callbacks.service';
import { DrpRequests } from './drp/drp-requests.service';
import { DataMapProvider } from './execution/data-map.provider';
import { ErasurePlanService } from './execution/erasure-plan.service';
import { ExecutionReconciler } from './execution/execution-reconciler.service';
import { ExecutionService } from './execution/execution.service';
import { GpcSignals } from './gpc/gpc-signals.service';
import { ExecutionFinalizer } from './execution/finalizer.service';
import { ProviderCallbackService } from './execution/provider-callback.service';
import { SuppressionStoreAdapter } from './execution/suppression-store.adapter';
import { SystemExecutor } from './execution/system-executor.service';
import { SuppressionLookup } from './suppression/suppression-lookup.service';
import { UnverifiedExpiryService } from './expiry/unverified-expiry.service';
import { IntakeService } from './intake/intake.service';
import { OpenDsrCallbackService, OpenDsrCancellation, OpenDsrOutcomes, OpenDsrStatusPoller } from './opendsr';
import { ConsoleSignIn } from './officers/console-sign-in.service';
import { OfficerAccounts } from './officers/officer-accounts.service';
import { OutboxService } from './outbox/outbox.service';
import { OfficerDigestService } from './oversight/officer-digest.service';
import { RateLimiter } from './rate-limit/rate-limiter';
import { FieldCipher } from './security/field-cipher';
import { KeyedHash } from './security/keyed-hash';
import { PasswordHasher } from './security/password-hasher';
import { RETENTION_SERVICES } from './retention/retention-services';
import { RequestStatusService } from './status/request-status.service';
import { Clock } from './time/clock';
import { AutoApproval } from './triage/auto-approval.service';
import { CLOCK_ACTION_SERVICES } from './triage/clock-actions/clock-action-services';
import { ConsoleSettingsService } from './triage/console-settings.service';
import { DECISION_SERVICES } from './triage/decisions/decision-services';
import { QUEUE_SERVICES } from './triage/queue/queue-services';
import { RequestLock } from './triage/request-lock.service';
import { RequesterContactService } from './triage/requester-contact.service';
import { VerificationService } from './verification/verification.service';

const services = [
  AccessPackageDelivery,
  ApiKeyService,
  AuditTrail,
  AutoApproval,
  DataMapProvider,
  DrpAgentService,
  DrpRequests,
  DrpCallbacks,
  AgentFilings,
  ErasurePlanService,
  ExecutionFinalizer,
  ExecutionReconciler,
  ExecutionService,
  ProviderCallbackService,
  OpenDsrCallbackService,
  OpenDsrOutcomes,
  OpenDsrStatusPoller,
  OpenDsrCancellation,
  SuppressionLookup,
  SuppressionStoreAdapter,
  SystemExecutor,
  Clock,
  ConsoleSettingsService,
  ConsoleSignIn,
  FieldCipher,
  GpcSignals,
  IntakeService,
  KeyedHash,
  OfficerAccounts,
  OfficerDigestService,
  OutboxService,
  PasswordHasher,
  RateLimiter,
  RequestLock,
  RequestStatusService,
  RequesterContactService,
  UnverifiedExpiryService,
  VerificationService,
  ...DECISION_SERVICES,
  ...CLOCK_ACTION_SERVICES,
  ...QUEUE_SERVICES,
  ...RETENTION_SERVICES,
];

@Module({
  imports: [DataAccessModule, QueueModule],
  providers: [
    ...services,
    {
      provide: PackageStore,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new PackageStore(path.resolve(config.execution.packageDir), config.secretKey),
    },
    {
      provide: MailTransport,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new MailTransport({ smtpUrl: config.mail.smtpUrl, from: config.mail.from }),
    },
  ],
  exports: [...services, PackageStore],
})
export class WorkflowModule {}
