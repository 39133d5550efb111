import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export type AuditActorType = 'requester' | 'officer' | 'system' | 'agent';

export interface AuditEventContent {
  requestId: string | null;
  actorType: AuditActorType;
  actorId: string | null;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string | null;
  data: Record<string, unknown> | null;
  // ISO-8601 UTC with milliseconds, e.g. 2026-11-25T10:42:00.000Z.
  occurredAt: string;
}

// A bigint sequence column arrives from PostgreSQL as a string.
export type AuditSequence = number | string;

export interface AuditChainLink {
  sequence: AuditSequence;
  prevHash: string;
  hash: string;
  content: AuditEventContent;
}

export type AuditBreakReason = 'hash_mismatch' | 'prev_hash_mismatch';

export type AuditChainResult =
  | { ok: true; checked: number }
  | { ok: false; checked: number; firstBroken: { sequence: AuditSequence; reason: AuditBreakReason } };

const HASH_PATTERN = /^[0-9a-f]{64}$/;

export function auditTimestamp(date: Date): string {
  return date.toISOString();
}

function canonicalize(value: unknown, ancestors: unknown[]): string | undefined {
  if (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
  ) {
    // Mirror JSON.stringify, so a Date hashes as the ISO string the database gives back.
    return canonicalize((value as { toJSON: () => unknown }).toJSON(), ancestors);
  }
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      // NaN and Infinity are stored as null by JSON, so they must hash as null too.
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'bigint':
      throw new TypeError('canonicalJson cannot encode a bigint; convert it to a string first');
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'object':
      break;
  }
  if (value === null) {
    return 'null';
  }
  if (ancestors.includes(value)) {
    throw new TypeError('canonicalJson cannot encode a circular structure');
  }
  const nested = [...ancestors, value];
  if (Array.isArray(value)) {
    return `[${Array.from(value as unknown[], (item) => canonicalize(item, nested) ?? 'null').join(',')}]`;
  }
  const record = value as Record<string, unknown>;
  const members: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const encoded = canonicalize(record[key], nested);
    if (encoded !== undefined) {
      members.push(`${JSON.stringify(key)}:${encoded}`);
    }
  }
  return `{${members.join(',')}}`;
}

// Deterministic JSON: keys sorted by UTF-16 code unit at every level, no whitespace, undefined
// members dropped. The same event must hash the same after a round trip through jsonb, which
// reorders keys.
export function canonicalJson(value: unknown): string {
  return canonicalize(value, []) ?? 'null';
}

// Only the known fields are hashed and a missing one counts as null, so passing a whole database row
// or leaving `reason` undefined does not produce a hash the stored row can never reproduce.
function normalizedContent(content: AuditEventContent): AuditEventContent {
  return {
    requestId: content.requestId ?? null,
    actorType: content.actorType,
    actorId: content.actorId ?? null,
    action: content.action,
    fromStatus: content.fromStatus ?? null,
    toStatus: content.toStatus ?? null,
    reason: content.reason ?? null,
    data: content.data ?? null,
    occurredAt: content.occurredAt,
  };
}

/**
 * The hash of one event's own content (hex sha256 of its canonical JSON). The application computes
 * it when it writes the event; PostgreSQL links it into the chain when the transaction commits
 * (see the audit migration), so the chain is sealed without a lock held across round trips.
 */
export function auditContentHash(content: AuditEventContent): string {
  return createHash('sha256').update(canonicalJson(normalizedContent(content)), 'utf8').digest('hex');
}

/** A link's hash: hex sha256 of the previous link's hash, a newline and the content hash. */
export function computeAuditHash(prevHash: string, content: AuditEventContent): string {
  if (!HASH_PATTERN.test(prevHash)) {
    throw new RangeError('prevHash must be 64 lowercase hex characters');
  }
  return createHash('sha256').update(`${prevHash}\n${auditContentHash(content)}`, 'utf8').digest('hex');
}

export function createAuditLink(
  sequence: AuditSequence,
  prevHash: string,
  content: AuditEventContent,
): AuditChainLink {
  return { sequence, prevHash, hash: computeAuditHash(prevHash, content), content };
}

// Verifies a chain in batches: feed links in sequence order, across as many calls as needed, and
// keep only this object between batches. After the first break every later link is ignored.
export class AuditChainVerifier {
  private expectedPrevHash: string;
  private checked = 0;
  private broken: { sequence: AuditSequence; reason: AuditBreakReason } | null = null;

  constructor(startPrevHash: string = GENESIS_HASH) {
    if (!HASH_PATTERN.test(startPrevHash)) {
      throw new RangeError('startPrevHash must be 64 lowercase hex characters');
    }
    this.expectedPrevHash = startPrevHash;
  }

  // The hash the next link must point to; compare it with an anchored copy to detect truncation.
  get lastHash(): string {
    return this.expectedPrevHash;
  }

  add(link: AuditChainLink): AuditChainResult {
    if (this.broken) {
      return this.result();
    }
    this.checked += 1;
    // The link's pointer is checked first: a deleted or reordered row shows up as the next row
    // pointing at the wrong predecessor, even when its own hash is intact.
    if (link.prevHash !== this.expectedPrevHash) {
      this.broken = { sequence: link.sequence, reason: 'prev_hash_mismatch' };
    } else if (
      !HASH_PATTERN.test(link.prevHash) ||
      computeAuditHash(link.prevHash, link.content) !== link.hash
    ) {
      this.broken = { sequence: link.sequence, reason: 'hash_mismatch' };
    } else {
      this.expectedPrevHash = link.hash;
    }
    return this.result();
  }

  addAll(links: Iterable<AuditChainLink>): AuditChainResult {
    for (const link of links) {
      if (!this.add(link).ok) {
        break;
      }
    }
    return this.result();
  }

  // `checked` counts links examined, including the broken one.
  result(): AuditChainResult {
    return this.broken
      ? { ok: false, checked: this.checked, firstBroken: { ...this.broken } }
      : { ok: true, checked: this.checked };
  }
}

export function verifyAuditChain(
  links: Iterable<AuditChainLink>,
  startPrevHash: string = GENESIS_HASH,
): AuditChainResult {
  return new AuditChainVerifier(startPrevHash).addAll(links);
}
