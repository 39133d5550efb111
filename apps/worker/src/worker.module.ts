import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { type AppConfig, ConfigModule } from '@rightsdesk/config';
import { HealthModule, loggerParams } from '@rightsdesk/platform';
import { JOB_HANDLERS, JobRunner } from '@rightsdesk/queue';
import { WorkflowModule } from '@rightsdesk/workflow';
import { ExpireUnverifiedRequestsProcessor } from './processors/expire-unverified-requests.processor';
import { RelayOutboxProcessor } from './processors/relay-outbox.processor';
import { SendEmailProcessor } from './processors/send-email.processor';
import { Schedules } from './schedules';

const processors = [SendEmailProcessor, RelayOutboxProcessor, ExpireUnverifiedRequestsProcessor];

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, options: { schedules?: boolean } = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), LoggerModule.forRoot(loggerParams(config, 'worker')), WorkflowModule, HealthModule],
      providers: [
        ...processors,
        { provide: JOB_HANDLERS, inject: processors, useFactory: (...handlers: unknown[]) => handlers },
        JobRunner,
        ...(options.schedules === false ? [] : [Schedules]),
      ],
    };
  }
}
