import { Injectable } from '@nestjs/common';
import { DatabaseTransactions, type PrivacyRequestEntity, PrivacyRequestRepository, type Tx } from '@rightsdesk/data-access';
import { isUuid, RequestException } from '@rightsdesk/domain';

// How every officer action on one request starts: one transaction holding the request's row lock,
// so two officers acting at once are serialized and each decides on what the other left. An id
// that is malformed or unknown is the same not_found (ids come from URLs).
@Injectable()
export class RequestLock {
  constructor(
    private readonly transactions: DatabaseTransactions,
    private readonly requests: PrivacyRequestRepository,
  ) {}

  run<T>(requestId: string, work: (tx: Tx, request: PrivacyRequestEntity) => Promise<T>): Promise<T> {
    if (!isUuid(requestId)) {
      return Promise.reject(notFound());
    }
    return this.transactions.run(async (tx) => {
      const request = await this.requests.findByIdForUpdate(tx, requestId);
      if (!request) {
        throw notFound();
      }
      // Retention erased what identifies the requester; nothing may be added to the record again.
      if (request.minimizedAt !== null) {
        throw new RequestException('conflict', 'This request was minimized by retention: it can no longer be changed.');
      }
      return work(tx, request);
    });
  }
}

function notFound(): RequestException {
  return new RequestException('not_found', 'No such request.');
}
