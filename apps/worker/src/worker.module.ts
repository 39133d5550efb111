import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { type AppConfig, ConfigModule } from '@rightsdesk/config';
import { HealthModule, loggerParams } from '@rightsdesk/platform';
import { JOB_HANDLERS, JobRunner } from '@rightsdesk/queue';
import { WorkflowModule } from '@rightsdesk/workflow';
import { DrpStatusCallbacksProcessor } from './processors/drp-status-callbacks.processor';
import { ExecuteSystemProcessor } from './processors/execute-system.processor';
import { ExpireAccessPackagesProcessor } from './processors/expire-access-packages.processor';
import { ExpireUnverifiedRequestsProcessor } from './processors/expire-unverified-requests.processor';
import { FinalizeRequestProcessor } from './processors/finalize-request.processor';
import { ReconcileExecutionsProcessor } from './processors/reconcile-executions.processor';
import { RecoverOutboxProcessor } from './processors/recover-outbox.processor';
import { RetentionReconcileProcessor } from './processors/retention-reconcile.processor';
import { RetentionRuleProcessor } from './processors/retention-rule.processor';
import { RetentionRunProcessor } from './processors/retention-run.processor';
import { SendEmailProcessor } from './processors/send-email.processor';
import { SendOfficerDigestProcessor } from './processors/send-officer-digest.processor';
import { StartExecutionProcessor } from './processors/start-execution.processor';
import { OutboxRelayLoop } from './outbox-relay.loop';
import { Schedules } from './schedules';
import { SystemQueues } from './system-queues';

const processors = [
  SendEmailProcessor,
  RecoverOutboxProcessor,
  ExpireUnverifiedRequestsProcessor,
  StartExecutionProcessor,
  ExecuteSystemProcessor,
  FinalizeRequestProcessor,
  ReconcileExecutionsProcessor,
  ExpireAccessPackagesProcessor,
  SendOfficerDigestProcessor,
  RetentionRuleProcessor,
  RetentionRunProcessor,
  RetentionReconcileProcessor,
  DrpStatusCallbacksProcessor,
];

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), LoggerModule.forRoot(loggerParams(config, 'worker')), WorkflowModule, HealthModule],
      providers: [
        ...processors,
        { provide: JOB_HANDLERS, inject: processors, useFactory: (...handlers: unknown[]) => handlers },
        JobRunner,
        Schedules,
        SystemQueues,
        OutboxRelayLoop,
      ],
    };
  }
}
