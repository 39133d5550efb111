import { createHash } from 'node:crypto';
import {
  type AuditChainLink,
  AuditChainVerifier,
  type AuditEventContent,
  auditContentHash,
  auditTimestamp,
  canonicalJson,
  computeAuditHash,
  createAuditLink,
  GENESIS_HASH,
  verifyAuditChain,
} from './audit-chain';

function anEvent(overrides: Partial<AuditEventContent> = {}): AuditEventContent {
  return {
    requestId: '7f1c2a64-3c0e-4c52-9a57-2b3f0f7f2d11',
    actorType: 'system',
    actorId: null,
    action: 'request.created',
    fromStatus: null,
    toStatus: 'pending_verification',
    reason: null,
    data: { type: 'access', regime: 'gdpr' },
    occurredAt: '2026-11-25T10:42:00.000Z',
    ...overrides,
  };
}

function aChain(length: number, startPrevHash = GENESIS_HASH, firstSequence = 1): AuditChainLink[] {
  const links: AuditChainLink[] = [];
  let prevHash = startPrevHash;
  for (let i = 0; i < length; i += 1) {
    const link = createAuditLink(
      firstSequence + i,
      prevHash,
      anEvent({
        action: `step.${i}`,
        occurredAt: `2026-11-25T10:${String(i % 60).padStart(2, '0')}:00.000Z`,
      }),
    );
    links.push(link);
    prevHash = link.hash;
  }
  return links;
}

describe('canonicalJson', () => {
  it('sorts keys at every level and leaves no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('gives the same text whatever order the keys were written in', () => {
    expect(canonicalJson({ x: 1, y: { p: 1, q: 2 } })).toBe(canonicalJson({ y: { q: 2, p: 1 }, x: 1 }));
  });

  it('drops undefined members like JSON, and writes null for undefined array items', () => {
    expect(canonicalJson({ a: undefined, b: 2, c: () => 1 })).toBe('{"b":2}');
    expect(canonicalJson([undefined, 1])).toBe('[null,1]');
    // eslint-disable-next-line no-sparse-arrays
    expect(canonicalJson([1, , 3])).toBe('[1,null,3]');
    expect(canonicalJson(undefined)).toBe('null');
  });

  it('escapes strings as JSON does and keeps non-ASCII text', () => {
    expect(canonicalJson({ 'key "q"': 'line\nbreak', name: 'Zoë 💡' })).toBe(
      '{"key \\"q\\"":"line\\nbreak","name":"Zoë 💡"}',
    );
  });

  it('encodes numbers, dates and non-finite values the way JSON stores them', () => {
    expect(canonicalJson({ n: 1.5, e: 1e21, z: -0, nan: Number.NaN, inf: Infinity })).toBe(
      '{"e":1e+21,"inf":null,"n":1.5,"nan":null,"z":0}',
    );
    expect(canonicalJson({ at: new Date('2026-11-25T10:42:00.000Z') })).toBe(
      '{"at":"2026-11-25T10:42:00.000Z"}',
    );
  });

  it('refuses bigint and circular structures', () => {
    expect(() => canonicalJson({ n: 10n })).toThrow(TypeError);
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(() => canonicalJson(circular)).toThrow(TypeError);
  });

  it('allows the same object twice when it is not its own ancestor', () => {
    const shared = { a: 1 };
    expect(canonicalJson({ x: shared, y: [shared] })).toBe('{"x":{"a":1},"y":[{"a":1}]}');
  });
});

describe('computeAuditHash', () => {
  it('is the hex sha256 of the previous hash, a newline and the hash of the canonical content', () => {
    const content = anEvent();
    const contentHash = createHash('sha256')
      .update(
        '{"action":"request.created","actorId":null,"actorType":"system","data":{"regime":"gdpr","type":"access"},"fromStatus":null,"occurredAt":"2026-11-25T10:42:00.000Z","reason":null,"requestId":"7f1c2a64-3c0e-4c52-9a57-2b3f0f7f2d11","toStatus":"pending_verification"}',
      )
      .digest('hex');
    expect(auditContentHash(content)).toBe(contentHash);
    const expected = createHash('sha256').update(`${GENESIS_HASH}\n${contentHash}`).digest('hex');
    expect(computeAuditHash(GENESIS_HASH, content)).toBe(expected);
    expect(computeAuditHash(GENESIS_HASH, content)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes with the previous hash and with any field', () => {
    const base = computeAuditHash(GENESIS_HASH, anEvent());
    expect(computeAuditHash('1'.repeat(64), anEvent())).not.toBe(base);
    expect(computeAuditHash(GENESIS_HASH, anEvent({ reason: 'typo' }))).not.toBe(base);
    expect(computeAuditHash(GENESIS_HASH, anEvent({ data: { type: 'access', regime: 'ccpa' } }))).not.toBe(
      base,
    );
  });

  it('hashes only the event fields, and a missing field as null', () => {
    const base = computeAuditHash(GENESIS_HASH, anEvent());
    const row = { ...anEvent(), id: 42, sequence: '7', hash: 'x' } as AuditEventContent;
    expect(computeAuditHash(GENESIS_HASH, row)).toBe(base);
    const withUndefined = { ...anEvent(), reason: undefined } as unknown as AuditEventContent;
    expect(computeAuditHash(GENESIS_HASH, withUndefined)).toBe(base);
  });

  it('rejects a malformed previous hash', () => {
    expect(() => computeAuditHash('abc', anEvent())).toThrow(RangeError);
    expect(() => computeAuditHash('A'.repeat(64), anEvent())).toThrow(RangeError);
  });

  it('formats timestamps as ISO-8601 UTC with milliseconds', () => {
    expect(auditTimestamp(new Date(Date.UTC(2026, 10, 25, 10, 42)))).toBe('2026-11-25T10:42:00.000Z');
  });
});

describe('verifyAuditChain', () => {
  it('accepts a valid chain and an empty one', () => {
    expect(verifyAuditChain(aChain(5))).toEqual({ ok: true, checked: 5 });
    expect(verifyAuditChain([])).toEqual({ ok: true, checked: 0 });
  });

  it('reports altered content as a hash mismatch on that row', () => {
    const links = aChain(5);
    links[2] = { ...links[2], content: { ...links[2].content, reason: 'covered up' } };
    expect(verifyAuditChain(links)).toEqual({
      ok: false,
      checked: 3,
      firstBroken: { sequence: 3, reason: 'hash_mismatch' },
    });
  });

  it('reports a rewritten row, hash recomputed, at the next row', () => {
    const links = aChain(5);
    links[2] = createAuditLink(3, links[2].prevHash, { ...links[2].content, actorId: 'someone-else' });
    expect(verifyAuditChain(links)).toEqual({
      ok: false,
      checked: 4,
      firstBroken: { sequence: 4, reason: 'prev_hash_mismatch' },
    });
  });

  it('reports a deleted middle row at the row after the gap', () => {
    const links = aChain(5);
    links.splice(2, 1);
    expect(verifyAuditChain(links)).toEqual({
      ok: false,
      checked: 3,
      firstBroken: { sequence: 4, reason: 'prev_hash_mismatch' },
    });
  });

  it('reports a deleted first row', () => {
    expect(verifyAuditChain(aChain(3).slice(1))).toEqual({
      ok: false,
      checked: 1,
      firstBroken: { sequence: 2, reason: 'prev_hash_mismatch' },
    });
  });

  it('reports reordered rows at the first row out of place', () => {
    const links = aChain(5);
    [links[1], links[2]] = [links[2], links[1]];
    expect(verifyAuditChain(links)).toEqual({
      ok: false,
      checked: 2,
      firstBroken: { sequence: 3, reason: 'prev_hash_mismatch' },
    });
  });

  it('reports an altered prev_hash on that row', () => {
    const links = aChain(5);
    links[3] = { ...links[3], prevHash: 'f'.repeat(64) };
    expect(verifyAuditChain(links)).toEqual({
      ok: false,
      checked: 4,
      firstBroken: { sequence: 4, reason: 'prev_hash_mismatch' },
    });
  });

  it('reports an altered stored hash on that row', () => {
    const links = aChain(3);
    links[0] = { ...links[0], hash: '0'.repeat(64) };
    expect(verifyAuditChain(links)).toEqual({
      ok: false,
      checked: 1,
      firstBroken: { sequence: 1, reason: 'hash_mismatch' },
    });
  });

  it('keeps string sequences from a bigint column', () => {
    const links = aChain(2).map((link) => ({ ...link, sequence: String(link.sequence) }));
    links[1] = { ...links[1], content: { ...links[1].content, action: 'forged' } };
    expect(verifyAuditChain(links)).toEqual({
      ok: false,
      checked: 2,
      firstBroken: { sequence: '2', reason: 'hash_mismatch' },
    });
  });

  it('verifies a later slice from the hash that precedes it', () => {
    const links = aChain(6);
    expect(verifyAuditChain(links.slice(3), links[2].hash)).toEqual({ ok: true, checked: 3 });
    expect(verifyAuditChain(links.slice(3))).toMatchObject({ ok: false, firstBroken: { sequence: 4 } });
  });

  it('accepts any iterable', () => {
    function* stream(): Generator<AuditChainLink> {
      yield* aChain(4);
    }
    expect(verifyAuditChain(stream())).toEqual({ ok: true, checked: 4 });
  });
});

describe('AuditChainVerifier', () => {
  it('verifies in batches with the same result as one pass', () => {
    const links = aChain(10);
    const sut = new AuditChainVerifier();
    expect(sut.addAll(links.slice(0, 4))).toEqual({ ok: true, checked: 4 });
    expect(sut.lastHash).toBe(links[3].hash);
    expect(sut.addAll(links.slice(4, 7))).toEqual({ ok: true, checked: 7 });
    for (const link of links.slice(7)) {
      expect(sut.add(link).ok).toBe(true);
    }
    expect(sut.result()).toEqual({ ok: true, checked: 10 });
    expect(sut.lastHash).toBe(links[9].hash);
  });

  it('finds a break that straddles two batches and stays broken', () => {
    const links = aChain(8);
    links.splice(4, 1);
    const sut = new AuditChainVerifier();
    expect(sut.addAll(links.slice(0, 4))).toEqual({ ok: true, checked: 4 });
    const broken = { ok: false, checked: 5, firstBroken: { sequence: 6, reason: 'prev_hash_mismatch' } };
    expect(sut.addAll(links.slice(4))).toEqual(broken);
    expect(sut.add(links[6])).toEqual(broken);
    expect(sut.result()).toEqual(broken);
  });

  it('starts from the genesis hash unless told otherwise', () => {
    expect(new AuditChainVerifier().lastHash).toBe(GENESIS_HASH);
    expect(GENESIS_HASH).toBe('0'.repeat(64));
    expect(() => new AuditChainVerifier('nope')).toThrow(RangeError);
  });
});
