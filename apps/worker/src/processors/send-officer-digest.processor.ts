import { Injectable } from '@nestjs/common';
import type { JobHandler } from '@rightsdesk/queue';
import { OfficerDigestService } from '@rightsdesk/workflow';

@Injectable()
export class SendOfficerDigestProcessor implements JobHandler<'send-officer-digest'> {
  readonly jobName = 'send-officer-digest';

  constructor(private readonly digest: OfficerDigestService) {}

  async handle(): Promise<void> {
    await this.digest.sendDaily();
  }
}
