import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ApiKeyRepository } from '@rightsdesk/data-access';
import { KeyedHash, sameHash } from '../security/keyed-hash';
import { secureRandomBytes } from '../security/secure-random';
import { Clock } from '../time/clock';

export const API_KEY_SCOPES = ['suppressions:read'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export interface IssuedApiKey {
  id: string;
  prefix: string;
  /** Shown once; only its keyed hash is stored. */
  key: string;
}

// Keys look like `rdk_<prefix>_<secret>`: the prefix finds the row without scanning, the secret is
// compared by keyed hash in constant time.
@Injectable()
export class ApiKeyService {
  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly hash: KeyedHash,
    private readonly clock: Clock,
  ) {}

  async issue(name: string, scopes: ApiKeyScope[]): Promise<IssuedApiKey> {
    const id = randomUUID();
    const prefix = secureRandomBytes(6).toString('hex');
    const secret = secureRandomBytes(32).toString('base64url');
    await this.keys.add({ id, name: name.slice(0, 100), prefix, secretHash: this.hash.token(secret), scopes });
    return { id, prefix, key: `rdk_${prefix}_${secret}` };
  }

  /** The key's id when it is valid, unrevoked and carries the scope; null otherwise. */
  async authenticate(presented: string, scope: ApiKeyScope): Promise<string | null> {
    const match = /^rdk_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/.exec(presented);
    if (!match) {
      return null;
    }
    const row = await this.keys.findActiveByPrefix(match[1]);
    if (!row || !sameHash(row.secretHash, this.hash.token(match[2])) || !row.scopes.includes(scope)) {
      return null;
    }
    await this.keys.touch(row.id, this.clock.now());
    return row.id;
  }

  revoke(prefix: string): Promise<boolean> {
    return this.keys.revoke(prefix, this.clock.now());
  }
}
