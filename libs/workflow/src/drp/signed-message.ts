import { createHash, verify } from 'node:crypto';
import { ed25519PublicKey } from './ed25519-key';

/** `drp.version` values we accept: DRP 1.0 and its Permission Slip profile. */
export const DRP_VERSIONS = ['1.0', '1.0.PS'] as const;
export type DrpVersion = (typeof DRP_VERSIONS)[number];

/** Why a signed message was refused, in the order the checks run (DRP 1.0 §3.07). For logs, never for the agent. */
export type SignedMessageFailure =
  | 'not_base64'
  | 'bad_signature'
  | 'not_json'
  | 'agent_id_mismatch'
  | 'business_id_mismatch'
  | 'issued_in_future'
  | 'expired'
  | 'window_too_long'
  | 'unsupported_version';

export interface SignedMessageClaims {
  'agent-id': string;
  'business-id': string;
  'issued-at': string;
  'expires-at': string;
  'drp.version': DrpVersion;
  /** The whole object as signed, for the exercise endpoint's own keys. */
  raw: Record<string, unknown>;
}

export interface SignedMessageExpectations {
  /** The agent's raw 32-byte Ed25519 verify key, from the registry. */
  verifyKey: Buffer;
  /** The URL's agent-id for pairing; the bearer token's agent for every later call. */
  agentId: string;
  /** Our covered-business id. */
  businessId: string;
  now: Date;
}

export type SignedMessageResult = { ok: true; claims: SignedMessageClaims } | { ok: false; failure: SignedMessageFailure };

const SIGNATURE_BYTES = 64;
/**
 * The longest a signed message may be valid (expires-at − issued-at). The spec recommends at most
 * ten minutes (§2.01); a message valid for a year would be a year-long credential for whoever
 * captured it, so past this it is refused. Half an hour leaves agents room for queueing.
 */
export const MAX_MESSAGE_VALIDITY_MS = 30 * 60_000;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2,3})?$/;
// ISO 8601 date and time; without an offset it is read as UTC.
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * Verifies a DRP signed body: base64 text of (64-byte Ed25519 signature ‖ the JSON bytes). The
 * signature is checked over the exact bytes before anything is parsed; then, in the order §3.07
 * sets, agent-id, business-id, issued-at (in the past) and expires-at (in the future); last the
 * protocol version.
 */
export function verifySignedMessage(body: string, expected: SignedMessageExpectations): SignedMessageResult {
  const text = body.replace(/\s+/g, '');
  if (!BASE64.test(text)) {
    return { ok: false, failure: 'not_base64' };
  }
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length <= SIGNATURE_BYTES) {
    return { ok: false, failure: 'not_base64' };
  }
  const signature = bytes.subarray(0, SIGNATURE_BYTES);
  const json = bytes.subarray(SIGNATURE_BYTES);
  if (!signatureValid(json, signature, expected.verifyKey)) {
    return { ok: false, failure: 'bad_signature' };
  }
  const raw = parseObject(json);
  if (!raw) {
    return { ok: false, failure: 'not_json' };
  }
  if (raw['agent-id'] !== expected.agentId) {
    return { ok: false, failure: 'agent_id_mismatch' };
  }
  if (raw['business-id'] !== expected.businessId) {
    return { ok: false, failure: 'business_id_mismatch' };
  }
  const issuedAt = parseTimestamp(raw['issued-at']);
  if (issuedAt === null || issuedAt > expected.now.getTime()) {
    return { ok: false, failure: 'issued_in_future' };
  }
  const expiresAt = parseTimestamp(raw['expires-at']);
  if (expiresAt === null || expiresAt <= expected.now.getTime()) {
    return { ok: false, failure: 'expired' };
  }
  if (expiresAt - issuedAt > MAX_MESSAGE_VALIDITY_MS) {
    return { ok: false, failure: 'window_too_long' };
  }
  const version = raw['drp.version'];
  if (!DRP_VERSIONS.includes(version as DrpVersion)) {
    return { ok: false, failure: 'unsupported_version' };
  }
  return {
    ok: true,
    claims: {
      'agent-id': expected.agentId,
      'business-id': expected.businessId,
      'issued-at': raw['issued-at'] as string,
      'expires-at': raw['expires-at'] as string,
      'drp.version': version as DrpVersion,
      raw,
    },
  };
}

/** Milliseconds since the epoch, or null for anything that is not an ISO 8601 date and time. */
export function parseTimestamp(value: unknown): number | null {
  if (typeof value !== 'string') {
    return null;
  }
  const m = TIMESTAMP.exec(value.trim());
  if (!m) {
    return null;
  }
  const [, year, month, day, hour, minute, second = '0', fraction = '0', zone = 'Z'] = m;
  const ms = Number(`0.${fraction}`) * 1000;
  const utc = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), Math.floor(ms));
  const check = new Date(utc);
  // Date.UTC rolls 2024-02-30 over into March: a date that does not exist is no timestamp.
  if (check.getUTCDate() !== Number(day) || check.getUTCMonth() !== Number(month) - 1 || Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) {
    return null;
  }
  return utc - offsetMinutes(zone) * 60_000;
}

function offsetMinutes(zone: string): number {
  if (zone.toUpperCase() === 'Z') {
    return 0;
  }
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
  return zone.startsWith('-') ? -minutes : minutes;
}

function signatureValid(json: Buffer, signature: Buffer, verifyKey: Buffer): boolean {
  try {
    return verify(null, json, ed25519PublicKey(verifyKey), signature);
  } catch {
    return false;
  }
}

function parseObject(json: Buffer): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(json.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * A digest of the signed bytes, for telling a replayed message from a new one. Ed25519 signatures
 * are deterministic, so the same JSON signed again is the same bytes; whitespace in the base64 text
 * does not count.
 */
export function signedBytesDigest(body: string): Buffer {
  return createHash('sha256').update(Buffer.from(body.replace(/\s+/g, ''), 'base64')).digest();
}
