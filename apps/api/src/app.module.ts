import { type DynamicModule, Module } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { type AppConfig, ConfigModule } from '@rightsdesk/config';
import { HealthModule, loggerParams } from '@rightsdesk/platform';
import { WorkflowModule } from '@rightsdesk/workflow';
import { AuditController } from './console/audit.controller';
import { LoggedRequestsController } from './console/logged-requests.controller';
import { ApiKeysController } from './console/api-keys.controller';
import { AssigneesController } from './console/assignees.controller';
import { ErasurePlanController } from './console/erasure-plan.controller';
import { MeController } from './console/me.controller';
import { OfficersController } from './console/officers.controller';
import { SettingsController } from './console/settings.controller';
import { MetricsController } from './console/metrics.controller';
import { DataMapController } from './console/data-map.controller';
import { DrpAgentsController } from './console/drp-agents.controller';
import { QueueController } from './console/queue.controller';
import { RequestActionsController } from './console/request-actions.controller';
import { RequestClockController } from './console/request-clock.controller';
import { RetentionController } from './console/retention.controller';
import { SessionController } from './console/session.controller';
import { DrpAgentController } from './drp/drp-agent.controller';
import { DrpRequestController } from './drp/drp-request.controller';
import { GpcSignalsController } from './gpc/gpc-signals.controller';
import { GpcWellKnownController } from './gpc/gpc-well-known.controller';
import { AllExceptionsFilter } from './http/all-exceptions.filter';
import { DefaultDenyGuard } from './http/default-deny.guard';
import { MailboxController } from './mailbox/mailbox.controller';
import { AccessPackageLinkController } from './portal/access-package-link.controller';
import { DownloadController } from './portal/download.controller';
import { PrivacyCenterSettingsController } from './portal/privacy-center-settings.controller';
import { OpenDsrCallbacksController } from './opendsr/opendsr-callbacks.controller';
import { ProviderCallbacksController } from './providers/provider-callbacks.controller';
import { RepliesController } from './requests/replies.controller';
import { RequestsController } from './requests/requests.controller';
import { VerifiedRequestsController } from './requests/verified-requests.controller';
import { SuppressionsController } from './suppressions/suppressions.controller';
import { BrandingController } from './web/branding.controller';
import { WebAppController } from './web/web-app.controller';

@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    // The DRP endpoints live under DRP_BASE_PATH, known only once the config is read. @Controller()
    // is just this metadata on the class, and Nest reads it when the module is scanned, after this
    // call: setting it here gives the routes their configured prefix without a second controller.
    for (const controller of [DrpAgentController, DrpRequestController]) {
      Reflect.defineMetadata(PATH_METADATA, config.drp.basePath, controller);
    }
    return {
      module: ApiModule,
      imports: [ConfigModule.forRoot(config), LoggerModule.forRoot(loggerParams(config, 'api')), WorkflowModule, HealthModule],
      controllers: [
        BrandingController,
        WebAppController,
        RequestsController,
        PrivacyCenterSettingsController,
        DownloadController,
        AccessPackageLinkController,
        MailboxController,
        SuppressionsController,
        ProviderCallbacksController,
        OpenDsrCallbacksController,
        SessionController,
        MeController,
        OfficersController,
        AssigneesController,
        ApiKeysController,
        SettingsController,
        QueueController,
        RequestActionsController,
        AuditController,
        MetricsController,
        DataMapController,
        RetentionController,
        RequestClockController,
        ErasurePlanController,
        LoggedRequestsController,
        RepliesController,
        VerifiedRequestsController,
        GpcSignalsController,
        GpcWellKnownController,
        DrpAgentsController,
        DrpAgentController,
        DrpRequestController,
      ],
      providers: [
        { provide: APP_GUARD, useClass: DefaultDenyGuard },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
    };
  }
}
