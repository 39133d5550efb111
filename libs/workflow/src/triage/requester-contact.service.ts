import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@rightsdesk/config';
import { type PrivacyRequestEntity, PrivacyRequestRepository, type Tx } from '@rightsdesk/data-access';
import type { MailLocale } from '@rightsdesk/mail';
import type { SubjectRecord } from '../intake/subject-record';
import { FieldCipher } from '../security/field-cipher';
import { KeyedHash, newToken } from '../security/keyed-hash';
import { statusPageUrl } from '../requester-links';

export interface RequesterContact {
  email: string;
  locale: MailLocale;
}

// How officers' actions reach the requester: their address (decrypted only to write the email) and
// a status link. Only the hash of a status token is stored, so every email that carries a link
// carries a new token; the older links stop working and the pages say to use the newest email.
@Injectable()
export class RequesterContactService {
  constructor(
    private readonly requests: PrivacyRequestRepository,
    private readonly cipher: FieldCipher,
    private readonly hash: KeyedHash,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  contact(request: Pick<PrivacyRequestEntity, 'personalData' | 'language'>): RequesterContact {
    const subject = this.cipher.decryptJson<SubjectRecord>(request.personalData);
    return { email: subject.email, locale: request.language as MailLocale };
  }

  /** A status page link with a fresh token, stored (hashed) in the caller's transaction. */
  async newStatusUrl(tx: Tx, request: Pick<PrivacyRequestEntity, 'id' | 'reference'>): Promise<string> {
    const token = newToken();
    await this.requests.update(tx, request.id, { statusTokenHash: this.hash.token(token) });
    return statusPageUrl(this.config.http.publicUrl, request.reference, token);
  }
}
