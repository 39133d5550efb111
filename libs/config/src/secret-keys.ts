import { hkdfSync } from 'node:crypto';

export type SecretKeyPurpose =
  | 'field-encryption'
  | 'email-lookup'
  | 'token-hash'
  | 'dedup-key'
  | 'rate-limit-label'
  | 'access-package'
  | 'erasure-hash'
  | 'webhook-signing'
  | 'child-finding'
  | 'drp-token';

// One operator-managed secret; each use gets its own key by HKDF so a leak of one derived key
// (say, the lookup key in a log) does not expose the encryption key.
export function deriveKey(secret: Buffer, purpose: SecretKeyPurpose): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), `rightsdesk:${purpose}:v1`, 32));
}
