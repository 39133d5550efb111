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
