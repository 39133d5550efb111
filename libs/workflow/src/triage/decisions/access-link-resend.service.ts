import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@rightsdesk/config';
import { AccessPackageRepository, DatabaseTransactions, ExecutionRepository, PrivacyRequestRepository } from '@rightsdesk/data-access';
import { isUuid, RequestException, toCalendarDate } from '@rightsdesk/domain';
import { AuditTrail } from '../../audit/audit-trail.service';
import { OutboxService } from '../../outbox/outbox.service';
import { KeyedHash, newToken } from '../../security/keyed-hash';
import { Clock } from '../../time/clock';
import { RequesterContactService } from '../requester-contact.service';
import { downloadPageUrl } from '../../requester-links';

export interface ResentLink {
  packageId: string;
  expiresAt: string;
  downloadsRemaining: number;
}

const UNAVAILABLE = 'This request has no access package that can still be downloaded.';

// The requester lost the email, or it never arrived: a new link to the same package. Only the hash
// of a link token is stored, so the old link cannot be sent again; a new token replaces it (the old
// link stops working) and the package keeps its expiry and remaining downloads.
@Injectable()
export class AccessLinkResend {
  constructor(
    private readonly transactions: DatabaseTransactions,
    private readonly requests: PrivacyRequestRepository,
    private readonly packages: AccessPackageRepository,
    private readonly executions: ExecutionRepository,
    private readonly contact: RequesterContactService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditTrail,
    private readonly hash: KeyedHash,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async resend(requestId: string, officerId: string): Promise<ResentLink> {
    if (!isUuid(requestId)) {
      throw new RequestException('not_found', 'No such request.');
    }
    const request = await this.requests.findById(requestId);
    if (!request) {
      throw new RequestException('not_found', 'No such request.');
    }
    if (request.type !== 'access' || request.status !== 'completed' || request.minimizedAt !== null) {
      throw new RequestException('package_unavailable', UNAVAILABLE);
    }
    const systems = (await this.executions.view(requestId))?.systems.length ?? 0;
    const token = newToken();
    const now = this.clock.now();
    return this.transactions.run(async (tx) => {
      const live = await this.packages.replaceLiveToken(tx, requestId, this.hash.token(token), now);
      if (!live) {
        throw new RequestException('package_unavailable', UNAVAILABLE);
      }
      const { email, locale } = this.contact.contact(request);
      await this.outbox.addEmail(tx, requestId, email, {
        template: 'request_completed',
        locale,
        params: {
          companyName: this.config.company.name,
          reference: request.reference,
          requestType: 'access',
          summary: { systems },
          downloadUrl: downloadPageUrl(this.config.http.publicUrl, token),
          downloadExpiresOn: toCalendarDate(live.expiresAt),
          maxDownloads: live.downloadsRemaining,
          linkReplaced: true,
        },
      });
      await this.audit.record(tx, {
        requestId,
        actorType: 'officer',
        actorId: officerId,
        action: 'access_link_resent',
        data: { packageId: live.id, downloadsRemaining: live.downloadsRemaining },
      });
      return { packageId: live.id, expiresAt: live.expiresAt.toISOString(), downloadsRemaining: live.downloadsRemaining };
    });
  }
}
