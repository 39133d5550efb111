import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { type AppConfig, ConfigModule } from '@rightsdesk/config';
import { HealthModule, loggerParams } from '@rightsdesk/platform';
import { JOB_HANDLERS, JobRunner } from '@rightsdesk/queue';
import { WorkflowModule } from '@rightsdesk/workflow';
import { ExpireUnverifiedRequestsProcessor } from './processors/expire-unverified-requests.processor';
import { RecoverOutboxProcessor } from './processors/recover-outbox.processor';
import { SendEmailProcessor } from './processors/send-email.processor';
import { OutboxRelayLoop } from './outbox-relay.loop';
import { Schedules } from './schedules';

const processors = [SendEmailProcessor, RecoverOutboxProcessor, ExpireUnverifiedRequestsProcessor];

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
        OutboxRelayLoop,
      ],
    };
  }
}
