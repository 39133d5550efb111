import { Injectable } from '@nestjs/common';
import type { JobHandler } from '@rightsdesk/queue';
import { AccessPackageDelivery } from '@rightsdesk/workflow';

@Injectable()
export class ExpireAccessPackagesProcessor implements JobHandler<'expire-access-packages'> {
  readonly jobName = 'expire-access-packages';

  constructor(private readonly delivery: AccessPackageDelivery) {}

  async handle(): Promise<void> {
    await this.delivery.expire();
  }
}
