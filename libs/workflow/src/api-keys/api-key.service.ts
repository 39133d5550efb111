import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type ApiKeyEntity, ApiKeyRepository, DatabaseTransactions } from '@rightsdesk/data-access';
import { RequestException } from '@rightsdesk/domain';
import { AuditTrail } from '../audit/audit-trail.service';
import type { AccountActor } from '../officers/officer-actor';
import { KeyedHash, sameHash } from '../security/keyed-hash';
import { secureRandomBytes } from '../security/secure-random';
import { Clock } from '../time/clock';

// suppressions:read for the company's mailers and ad-tech; requests:create for its app, filing for a
// signed-in user; gpc-signals:create for its website, forwarding a signed-in user's Global Privacy
// Control signal — a key that can only ever record an opt-out of sale/sharing, nothing else.
export const API_KEY_SCOPES = ['suppressions:read', 'requests:create', 'gpc-signals:create'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export interface IssuedApiKey {
  id: string;
  prefix: string;
  /** Shown once; only its keyed hash is stored. */
  key: string;
}

/** A key as lists show it: never its hash. */
export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

// Whoever runs the command line on the server already holds the database credentials.
const COMMAND_LINE: AccountActor = { type: 'system', id: 'cli' };

// Keys look like `rdk_<prefix>_<secret>`: the prefix finds the row without scanning, the secret is
// compared by keyed hash in constant time. Issuing and revoking are audited with ids and scopes.
@Injectable()
export class ApiKeyService {
  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly transactions: DatabaseTransactions,
    private readonly audit: AuditTrail,
    private readonly hash: KeyedHash,
    private readonly clock: Clock,
  ) {}

  async issue(name: string, scopes: ApiKeyScope[], actor: AccountActor = COMMAND_LINE): Promise<IssuedApiKey> {
    const id = randomUUID();
    const prefix = secureRandomBytes(6).toString('hex');
    const secret = secureRandomBytes(32).toString('base64url');
    await this.transactions.run(async (tx) => {
      await this.keys.add({ id, name: name.slice(0, 100), prefix, secretHash: this.hash.token(secret), scopes }, tx);
      await this.audit.record(tx, { requestId: null, actorType: actor.type, actorId: actor.id, action: 'api_key_created', data: { apiKeyId: id, scopes } });
    });
    return { id, prefix, key: `rdk_${prefix}_${secret}` };
  }

  async list(): Promise<ApiKeyView[]> {
    return (await this.keys.list()).map(view);
  }

  async get(id: string): Promise<ApiKeyView> {
    const key = await this.keys.findById(id);
    if (!key) {
      throw new RequestException('not_found', 'No such API key.');
    }
    return view(key);
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

  /** Revoking twice is no error: the second call changes nothing and is not audited again. */
  async revokeById(id: string, actor: AccountActor): Promise<ApiKeyView> {
    await this.transactions.run(async (tx) => {
      const revoked = await this.keys.revokeById(id, this.clock.now(), tx);
      if (revoked) {
        await this.audit.record(tx, { requestId: null, actorType: actor.type, actorId: actor.id, action: 'api_key_revoked', data: { apiKeyId: id, scopes: revoked.scopes } });
      }
    });
    return this.get(id);
  }

  /** By the public prefix, as the command line names keys. */
  async revoke(prefix: string, actor: AccountActor = COMMAND_LINE): Promise<boolean> {
    const key = await this.keys.findActiveByPrefix(prefix);
    if (!key) {
      return false;
    }
    const revoked = await this.revokeById(key.id, actor);
    return revoked.revokedAt !== null;
  }
}

function view(key: ApiKeyEntity): ApiKeyView {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    scopes: key.scopes,
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
  };
}
