import { generateKeyPairSync } from 'node:crypto';
import { DrpAgentClient } from '@rightsdesk/testing';
import { isEd25519PublicKey } from './ed25519-key';
import { parseTimestamp, verifySignedMessage } from './signed-message';

const now = new Date('2026-12-07T10:00:00.000Z');
const agent = new DrpAgentClient('aa-test');
const expected = { verifyKey: Buffer.from(agent.verifyKey, 'base64'), agentId: 'aa-test', businessId: 'cb-test', now };

function failure(body: string, overrides: Partial<typeof expected> = {}): string | null {
  const result = verifySignedMessage(body, { ...expected, ...overrides });
  return result.ok ? null : result.failure;
}

describe('verifySignedMessage', () => {
  it('accepts a message signed by the agent and returns its claims', () => {
    const result = verifySignedMessage(agent.pairingBody('cb-test', now), expected);
    expect(result).toMatchObject({ ok: true, claims: { 'agent-id': 'aa-test', 'business-id': 'cb-test', 'drp.version': '1.0' } });
  });

  it('accepts the Permission Slip profile and a trailing newline', () => {
    expect(failure(`${agent.pairingBody('cb-test', now, { 'drp.version': '1.0.PS' })}\n`)).toBeNull();
  });

  it('refuses text that is not base64, or too short to hold a signature', () => {
    expect(failure('not base64!')).toBe('not_base64');
    expect(failure(Buffer.alloc(64).toString('base64'))).toBe('not_base64');
  });

  it("refuses another key's signature and a tampered body", () => {
    expect(failure(new DrpAgentClient('aa-test').pairingBody('cb-test', now))).toBe('bad_signature');
    const bytes = Buffer.from(agent.pairingBody('cb-test', now), 'base64');
    bytes[bytes.length - 3] ^= 1;
    expect(failure(bytes.toString('base64'))).toBe('bad_signature');
  });

  it('checks the signature before parsing: signed garbage is not_json, unsigned garbage bad_signature', () => {
    expect(failure(agent.signText('{"agent-id": '))).toBe('not_json');
    expect(failure(agent.signText('[1,2]'))).toBe('not_json');
    expect(failure(Buffer.concat([Buffer.alloc(64), Buffer.from('{')]).toString('base64'))).toBe('bad_signature');
  });

  it('checks the claims in the order of DRP 1.0 §3.07', () => {
    const future = new Date(now.getTime() + 60_000).toISOString();
    const past = new Date(now.getTime() - 60_000).toISOString();
    // Every claim wrong at once: the first in the spec's order is named.
    const allWrong = { 'agent-id': 'aa-other', 'business-id': 'cb-other', 'issued-at': future, 'expires-at': past, 'drp.version': '0.9' };
    expect(failure(agent.pairingBody('cb-test', now, allWrong))).toBe('agent_id_mismatch');
    expect(failure(agent.pairingBody('cb-test', now, { ...allWrong, 'agent-id': 'aa-test' }))).toBe('business_id_mismatch');
    expect(failure(agent.pairingBody('cb-test', now, { ...allWrong, 'agent-id': 'aa-test', 'business-id': 'cb-test' }))).toBe('issued_in_future');
    expect(failure(agent.pairingBody('cb-test', now, { 'issued-at': past, 'expires-at': past, 'drp.version': '0.9' }))).toBe('expired');
    expect(failure(agent.pairingBody('cb-test', now, { 'drp.version': '0.9' }))).toBe('unsupported_version');
    expect(failure(agent.pairingBody('cb-test', now, { 'drp.version': 1 }))).toBe('unsupported_version');
  });

  it('treats unparseable or missing timestamps as failures', () => {
    expect(failure(agent.pairingBody('cb-test', now, { 'issued-at': 'yesterday' }))).toBe('issued_in_future');
    expect(failure(agent.pairingBody('cb-test', now, { 'expires-at': undefined }))).toBe('expired');
    // expires-at equal to now is no longer in the future
    expect(failure(agent.pairingBody('cb-test', now, { 'expires-at': now.toISOString() }))).toBe('expired');
  });
});

describe('parseTimestamp', () => {
  it('reads ISO 8601 with Z, offsets, microseconds, or no offset (UTC)', () => {
    expect(parseTimestamp('2026-12-07T10:00:00Z')).toBe(now.getTime());
    expect(parseTimestamp('2026-12-07T11:00:00+01:00')).toBe(now.getTime());
    expect(parseTimestamp('2026-12-07T05:00:00.000000-0500')).toBe(now.getTime());
    expect(parseTimestamp('2026-12-07T10:00:00.250')).toBe(now.getTime() + 250);
  });

  it('refuses what is not a date and time', () => {
    for (const value of ['2026-12-07', '2026-02-30T10:00:00Z', '2026-12-07T24:00:00Z', 'Mon, 07 Dec 2026 10:00:00 GMT', 1765101600000, null]) {
      expect(parseTimestamp(value)).toBeNull();
    }
  });
});

describe('isEd25519PublicKey', () => {
  it('accepts a real key and refuses wrong lengths and bytes that are no curve point', () => {
    expect(isEd25519PublicKey(Buffer.from(agent.verifyKey, 'base64'))).toBe(true);
    expect(isEd25519PublicKey(Buffer.alloc(31))).toBe(false);
    // y = p (not reduced) and y = 2 (x² has no square root) are not points.
    const yP = Buffer.from('edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f', 'hex');
    expect(isEd25519PublicKey(yP)).toBe(false);
    const y2 = Buffer.alloc(32);
    y2[0] = 2;
    expect(isEd25519PublicKey(y2)).toBe(false);
  });

  it('accepts every key node:crypto generates', () => {
    for (let i = 0; i < 50; i++) {
      const x = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }).x ?? '';
      expect(isEd25519PublicKey(Buffer.from(x, 'base64url'))).toBe(true);
    }
  });
});
