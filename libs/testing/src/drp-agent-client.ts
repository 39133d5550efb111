import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';

// An authorized agent as the Data Rights Protocol 1.0 describes one (§2.05, §3.07.1), written from
// the spec and not from our server code: an Ed25519 key pair, messages signed in libsodium's
// "combined mode" (signature ‖ message) and sent as base64 text.

export interface DrpPairingClaims {
  'agent-id': string;
  'business-id': string;
  'issued-at': string;
  'expires-at': string;
  'drp.version': string;
}

export class DrpAgentClient {
  private readonly privateKey: KeyObject;
  /** The raw 32-byte public key, base64: what the agent lists in the DRP directory. */
  readonly verifyKey: string;

  constructor(readonly agentId: string) {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    this.privateKey = privateKey;
    const jwk = publicKey.export({ format: 'jwk' });
    this.verifyKey = Buffer.from(jwk.x ?? '', 'base64url').toString('base64');
  }

  /** base64(Ed25519 signature ‖ JSON bytes) of any JSON text. */
  signText(json: string): string {
    const bytes = Buffer.from(json, 'utf8');
    return Buffer.concat([sign(null, bytes, this.privateKey), bytes]).toString('base64');
  }

  sign(message: object): string {
    return this.signText(JSON.stringify(message));
  }

  /** The pair-wise key setup message (§2.05), valid from a minute ago for fifteen minutes. */
  pairingClaims(businessId: string, now: Date, overrides: Partial<Record<keyof DrpPairingClaims, unknown>> = {}): Record<string, unknown> {
    return {
      'agent-id': this.agentId,
      'business-id': businessId,
      'issued-at': new Date(now.getTime() - 60_000).toISOString(),
      'expires-at': new Date(now.getTime() + 15 * 60_000).toISOString(),
      'drp.version': '1.0',
      ...overrides,
    };
  }

  pairingBody(businessId: string, now: Date, overrides: Partial<Record<keyof DrpPairingClaims, unknown>> = {}): string {
    return this.sign(this.pairingClaims(businessId, now, overrides));
  }
}

/** The envelope every signed exercise and revoke carries (§2.01, §3.07). */
export interface DrpEnvelope {
  businessId: string;
  now: Date;
  /** How long the message stays valid; the spec recommends at most ten minutes. */
  validForMs?: number;
}

/** The identity claims of §3.04 an agent attaches. */
export interface DrpClaims {
  name?: string;
  email?: string;
  email_verified?: boolean;
  phone_number?: string;
  phone_number_verified?: boolean;
  address?: Record<string, string>;
  address_verified?: boolean;
}

export interface DrpStatus {
  request_id: string;
  status: string;
  reason?: string;
  received_at?: string;
  expected_by?: string;
  processing_details?: string;
  agent_request_id?: string;
  cb_request_id?: string;
  expires_at?: string;
}

export class DrpExerciseMessages {
  constructor(private readonly agent: DrpAgentClient) {}

  envelope(e: DrpEnvelope): Record<string, unknown> {
    return {
      'agent-id': this.agent.agentId,
      'business-id': e.businessId,
      'issued-at': new Date(e.now.getTime() - 1_000).toISOString(),
      'expires-at': new Date(e.now.getTime() + (e.validForMs ?? 10 * 60_000)).toISOString(),
    };
  }

  /** A Data Rights Exercise body (§2.01). */
  exercise(e: DrpEnvelope, exercise: string, claims: DrpClaims, extra: Record<string, unknown> = {}): string {
    return this.agent.sign({ ...this.envelope(e), 'drp.version': '1.0', exercise, regime: 'ccpa', ...claims, ...extra });
  }

  /** A Data Rights Revoke body (§2.04). */
  revoke(e: DrpEnvelope, reason?: string, extra: Record<string, unknown> = {}): string {
    return this.agent.sign({ ...this.envelope(e), 'drp.version': '1.0', ...(reason === undefined ? {} : { reason }), ...extra });
  }
}
