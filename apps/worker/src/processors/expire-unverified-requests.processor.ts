import { Injectable } from '@nestjs/common';
import type { JobHandler } from '@rightsdesk/queue';
import { UnverifiedExpiryService } from '@rightsdesk/workflow';

@Injectable()
export class ExpireUnverifiedRequestsProcessor implements JobHandler<'expire-unverified-requests'> {
  readonly jobName = 'expire-unverified-requests';

  constructor(private readonly expiry: UnverifiedExpiryService) {}

  async handle(): Promise<void> {
    await this.expiry.expireDue();
  }
}
