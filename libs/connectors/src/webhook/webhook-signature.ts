import { createHmac, timingSafeEqual } from 'node:crypto';

export const WEBHOOK_TIMESTAMP_HEADER = 'Rightsdesk-Timestamp';
export const WEBHOOK_SIGNATURE_HEADER = 'Rightsdesk-Signature';
/** How far a signed timestamp may lie from the receiver's clock, either way, by default. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

const SCHEME = 'v1=';
const HEX_DIGEST = /^[0-9a-f]{64}$/;
const UNIX_SECONDS = /^\d{1,12}$/;

type Secret = string | Buffer;

/**
 * `v1=<hex HMAC-SHA256 of "<timestamp>.<body>">`. Signing the timestamp with the body means a
 * captured request cannot be replayed with a fresh timestamp.
 */
export function signWebhook(secret: Secret, timestamp: number, body: string): string {
  return `${SCHEME}${digest(secret, timestamp, body).toString('hex')}`;
}

export interface VerifyWebhookInput {
  /** Several while a secret is being rotated: any one of them may have signed. */
  secret: Secret | readonly Secret[];
  /** The `Rightsdesk-Timestamp` header as received (unix seconds). */
  timestamp: string | string[] | null | undefined;
  /** The `Rightsdesk-Signature` header: one or more `v1=<hex>`, comma-separated. */
  signature: string | string[] | null | undefined;
  /** The raw body, exactly as received: re-serialized JSON would not match. */
  body: string;
  now: Date;
  toleranceSeconds?: number;
}

export type WebhookVerification =
  { ok: true } | { ok: false; reason: 'missing' | 'malformed' | 'expired' | 'mismatch' };

export function verifyWebhookSignature(input: VerifyWebhookInput): WebhookVerification {
  const timestampHeader = single(input.timestamp);
  const signatureHeader = Array.isArray(input.signature) ? input.signature.join(',') : input.signature;
  if (!timestampHeader || !signatureHeader) {
    return { ok: false, reason: timestampHeader === null ? 'malformed' : 'missing' };
  }
  if (!UNIX_SECONDS.test(timestampHeader)) {
    return { ok: false, reason: 'malformed' };
  }
  // Signers that rotate send a v1 per secret; other schemes are left for future versions.
  const entries = signatureHeader.split(',').map((entry) => entry.trim());
  const candidates = entries
    .filter((entry) => entry.startsWith(SCHEME))
    .map((entry) => entry.slice(SCHEME.length));
  if (candidates.length === 0 || candidates.some((candidate) => !HEX_DIGEST.test(candidate))) {
    return { ok: false, reason: 'malformed' };
  }
  const timestamp = Number(timestampHeader);
  const tolerance = input.toleranceSeconds ?? WEBHOOK_TOLERANCE_SECONDS;
  // Both ways: a timestamp far in the future would keep a captured request valid for longer.
  if (Math.abs(Math.floor(input.now.getTime() / 1000) - timestamp) > tolerance) {
    return { ok: false, reason: 'expired' };
  }
  const secrets: readonly Secret[] = Array.isArray(input.secret) ? input.secret : [input.secret as Secret];
  const expected = secrets.map((secret) => digest(secret, timestamp, input.body));
  // Every comparison runs, so the time taken does not tell which secret or entry matched.
  let matched = false;
  for (const candidate of candidates) {
    const given = Buffer.from(candidate, 'hex');
    for (const digestOfSecret of expected) {
      matched = timingSafeEqual(given, digestOfSecret) || matched;
    }
  }
  return matched ? { ok: true } : { ok: false, reason: 'mismatch' };
}

function digest(secret: Secret, timestamp: number, body: string): Buffer {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest();
}

/** A repeated header (two timestamps) is malformed, reported as null. */
function single(value: string | string[] | null | undefined): string | null | undefined {
  if (Array.isArray(value)) {
    return value.length === 1 ? value[0] : null;
  }
  return value;
}
