import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@rightsdesk/config';
import { DatabaseTransactions, type DrpAgentEntity, DrpAgentRepository } from '@rightsdesk/data-access';
import { RequestException } from '@rightsdesk/domain';
import { AuditTrail } from '../audit/audit-trail.service';
import type { AccountActor } from '../officers/officer-actor';
import { KeyedHash, newToken } from '../security/keyed-hash';
import { Clock } from '../time/clock';
import { isEd25519PublicKey } from './ed25519-key';
import { signedBytesDigest, type SignedMessageClaims, type SignedMessageFailure, verifySignedMessage } from './signed-message';

/** An agent-id as the DRP directory lists them (e.g. `CR_AA_DRP_ID_001`). */
export const DRP_AGENT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

export interface NewDrpAgentInput {
  id: string;
  name: string;
  /** base64 of the raw 32-byte Ed25519 public key. */
  verifyKey: string;
  technicalContact: string;
}

/** An agent as the console lists it. */
export interface DrpAgentView {
  id: string;
  name: string;
  verifyKey: string;
  technicalContact: string;
  createdAt: string;
  disabledAt: string | null;
}

/** The pair-wise key setup's answer (DRP 1.0 §2.05.1): exactly these keys. */
export interface DrpPairing {
  'agent-id': string;
  token: string;
}

export type DrpPairingFailure = SignedMessageFailure | 'drp_off' | 'unknown_agent' | 'replayed';

/** The agent a bearer token binds a call to. */
export interface AuthenticatedDrpAgent {
  id: string;
  verifyKey: Buffer;
}

/** The raw 32 bytes of a base64 verify key, or null when it is not an Ed25519 public key. */
export function decodeVerifyKey(base64: string): Buffer | null {
  const text = base64.trim();
  if (!/^[A-Za-z0-9+/]{43}=?$/.test(text)) {
    return null;
  }
  const raw = Buffer.from(text, 'base64');
  return isEd25519PublicKey(raw) ? raw : null;
}

// The authorized-agent registry (admins add agents from the DRP directory) and the pair-wise key
// setup that turns an agent's signature into a bearer token. Tokens are stored as keyed hashes and
// stop working when their agent is disabled.
@Injectable()
export class DrpAgentService {
  private readonly logger = new Logger(DrpAgentService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly agents: DrpAgentRepository,
    private readonly transactions: DatabaseTransactions,
    private readonly audit: AuditTrail,
    private readonly hash: KeyedHash,
    private readonly clock: Clock,
  ) {}

  /** Our covered-business id; null while DRP is off. */
  get businessId(): string | null {
    return this.config.drp.businessId;
  }

  async register(input: NewDrpAgentInput, actor: AccountActor): Promise<DrpAgentView> {
    const verifyKey = decodeVerifyKey(input.verifyKey);
    if (!verifyKey) {
      throw new RequestException('validation_failed', 'The verify key is not a base64 Ed25519 public key.', {
        fieldErrors: [{ path: 'verifyKey', code: 'invalid_key', message: 'Give the base64 of the 32-byte Ed25519 public key.' }],
      });
    }
    await this.transactions.run(async (tx) => {
      const added = await this.agents.add({ id: input.id, name: input.name, verifyKey, technicalContact: input.technicalContact }, tx);
      if (!added) {
        throw new RequestException('conflict', 'An agent with this id is registered already.');
      }
      await this.audit.record(tx, { requestId: null, actorType: actor.type, actorId: actor.id, action: 'drp_agent_registered', data: { agentId: input.id } });
    });
    return this.get(input.id);
  }

  async list(): Promise<DrpAgentView[]> {
    return (await this.agents.list()).map(view);
  }

  async get(id: string): Promise<DrpAgentView> {
    const agent = await this.agents.findById(id);
    if (!agent) {
      throw new RequestException('not_found', 'No such agent.');
    }
    return view(agent);
  }

  /** Its tokens stop working at once. Disabling twice changes nothing and is audited once. */
  async disable(id: string, actor: AccountActor): Promise<DrpAgentView> {
    await this.transactions.run(async (tx) => {
      if (await this.agents.disable(id, this.clock.now(), tx)) {
        await this.audit.record(tx, { requestId: null, actorType: actor.type, actorId: actor.id, action: 'drp_agent_disabled', data: { agentId: id } });
      }
    });
    return this.get(id);
  }

  /**
   * The pair-wise key setup (DRP 1.0 §2.05): a message signed with the registered key of the agent
   * named in the URL gets a new bearer token. The reason for a refusal is logged, never answered.
   */
  async pair(agentId: string, body: string): Promise<{ ok: true; pairing: DrpPairing } | { ok: false; failure: DrpPairingFailure }> {
    const businessId = this.businessId;
    if (businessId === null) {
      return { ok: false, failure: 'drp_off' };
    }
    const agent = DRP_AGENT_ID_PATTERN.test(agentId) ? await this.agents.findById(agentId) : null;
    if (!agent || agent.disabledAt !== null) {
      this.logger.warn({ failure: 'unknown_agent' }, 'DRP pairing refused');
      return { ok: false, failure: 'unknown_agent' };
    }
    const verified = this.verify(body, agent);
    if (!verified.ok) {
      this.logger.warn({ agentId: agent.id, failure: verified.failure }, 'DRP pairing refused');
      return verified;
    }
    const token = newToken();
    const tokenId = randomUUID();
    const issued = await this.transactions.run(async (tx) => {
      // One token per signed message: a captured pairing body cannot mint more while it is valid.
      if (!(await this.agents.addToken({ id: tokenId, agentId: agent.id, tokenHash: this.hash.drpToken(token), pairingSha256: signedBytesDigest(body) }, tx))) {
        return false;
      }
      await this.audit.record(tx, {
        requestId: null,
        actorType: 'agent',
        actorId: agent.id,
        action: 'drp_agent_paired',
        data: { agentId: agent.id, tokenId, drpVersion: verified.claims['drp.version'] },
      });
      return true;
    });
    if (!issued) {
      this.logger.warn({ agentId: agent.id, failure: 'replayed' }, 'DRP pairing refused');
      return { ok: false, failure: 'replayed' };
    }
    return { ok: true, pairing: { 'agent-id': agent.id, token } };
  }

  /** The agent behind `Authorization: Bearer <token>`; null for an unknown token or a disabled agent. */
  async authenticate(token: string): Promise<AuthenticatedDrpAgent | null> {
    if (this.businessId === null || !/^[A-Za-z0-9_-]{16,200}$/.test(token)) {
      return null;
    }
    const found = await this.agents.findActiveAgentByTokenHash(this.hash.drpToken(token));
    if (!found) {
      return null;
    }
    await this.agents.touchToken(found.tokenId, this.clock.now());
    return { id: found.agent.id, verifyKey: found.agent.verifyKey };
  }

  /**
   * A signed body from an authenticated agent (the exercise, status and revoke endpoints): checked
   * against that agent's key and id, our business id and the clock, in the order of §3.07.
   */
  verify(body: string, agent: AuthenticatedDrpAgent): { ok: true; claims: SignedMessageClaims } | { ok: false; failure: SignedMessageFailure | 'drp_off' } {
    const businessId = this.businessId;
    if (businessId === null) {
      return { ok: false, failure: 'drp_off' };
    }
    return verifySignedMessage(body, { verifyKey: agent.verifyKey, agentId: agent.id, businessId, now: this.clock.now() });
  }
}

function view(agent: DrpAgentEntity): DrpAgentView {
  return {
    id: agent.id,
    name: agent.name,
    verifyKey: agent.verifyKey.toString('base64'),
    technicalContact: agent.technicalContact,
    createdAt: agent.createdAt.toISOString(),
    disabledAt: agent.disabledAt?.toISOString() ?? null,
  };
}
