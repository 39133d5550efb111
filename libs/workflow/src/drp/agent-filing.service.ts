import { Injectable } from '@nestjs/common';
import { DrpAgentRepository, DrpRequestRepository } from '@rightsdesk/data-access';
import { FieldCipher } from '../security/field-cipher';
import type { DrpClaimsRecord, DrpIdentityClaims } from './drp-exercise';

/** How an authorized agent filed a request, for the officer deciding on it. */
export interface AgentFiling {
  agentId: string;
  agentName: string | null;
  drpRequestId: string;
  agentRequestId: string | null;
  exercise: string;
  drpVersion: string;
  /** `regime` as the agent sent it; null: a voluntary request. */
  regime: string | null;
  /** The identity claims as the agent sent them, `_verified` flags included; null once minimized. */
  claims: DrpIdentityClaims | null;
  relationships: string[];
  revokedAt: string | null;
}

// The officer sees that a request came from an agent and what the agent vouches for: DRP leaves
// the reliance on an agent's claims to the business (§3.04), so the claims are shown as sent.
@Injectable()
export class AgentFilings {
  constructor(
    private readonly drpRequests: DrpRequestRepository,
    private readonly agents: DrpAgentRepository,
    private readonly cipher: FieldCipher,
  ) {}

  async of(requestId: string): Promise<AgentFiling | null> {
    const drp = await this.drpRequests.findByRequestId(requestId);
    if (!drp) {
      return null;
    }
    const agent = await this.agents.findById(drp.agentId);
    const record = drp.claims.length === 0 ? null : this.cipher.decryptJson<DrpClaimsRecord>(drp.claims);
    return {
      agentId: drp.agentId,
      agentName: agent?.name ?? null,
      drpRequestId: drp.id,
      agentRequestId: drp.agentRequestId,
      exercise: drp.exercise,
      drpVersion: drp.drpVersion,
      regime: drp.drpRegime,
      claims: record?.claims ?? null,
      relationships: record?.relationships ?? [],
      revokedAt: drp.revokedAt?.toISOString() ?? null,
    };
  }
}
