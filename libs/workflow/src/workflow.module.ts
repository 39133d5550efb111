import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@rightsdesk/config';
import { DataAccessModule } from '@rightsdesk/data-access';
import { MailTransport } from '@rightsdesk/mail';
import { QueueModule } from '@rightsdesk/queue';
import { AuditTrail } from './audit/audit-trail.service';
import { UnverifiedExpiryService } from './expiry/unverified-expiry.service';
import { IntakeService } from './intake/intake.service';
import { OutboxService } from './outbox/outbox.service';
import { RateLimiter } from './rate-limit/rate-limiter';
import { FieldCipher } from './security/field-cipher';
import { KeyedHash } from './security/keyed-hash';
import { RequestStatusService } from './status/request-status.service';
import { Clock } from './time/clock';
import { VerificationService } from './verification/verification.service';

const services = [
  AuditTrail,
  Clock,
  FieldCipher,
  IntakeService,
  KeyedHash,
  OutboxService,
  RateLimiter,
  RequestStatusService,
  UnverifiedExpiryService,
  VerificationService,
];

@Module({
  imports: [DataAccessModule, QueueModule],
  providers: [
    ...services,
    {
      provide: MailTransport,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new MailTransport({ smtpUrl: config.mail.smtpUrl, from: config.mail.from }),
    },
  ],
  exports: services,
})
export class WorkflowModule {}
