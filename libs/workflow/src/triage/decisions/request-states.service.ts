import { Injectable } from '@nestjs/common';
import { PrivacyRequestRepository } from '@rightsdesk/data-access';
import { isUuid, RequestException } from '@rightsdesk/domain';
import { type RequestState, requestState } from './request-state';

// Reads the state an action answers with, after the action has committed.
@Injectable()
export class RequestStates {
  constructor(private readonly requests: PrivacyRequestRepository) {}

  async read(requestId: string): Promise<RequestState> {
    const request = isUuid(requestId) ? await this.requests.findById(requestId) : null;
    if (!request) {
      throw new RequestException('not_found', 'No such request.');
    }
    return requestState(request);
  }
}
