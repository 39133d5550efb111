import { base32Decode, base32Encode, matchTotp, otpauthUri, totpCode, totpStep } from './totp';

// RFC 6238 Appendix B, SHA-1 rows, with the RFC's 20-byte ASCII secret; the RFC prints 8 digits,
// and the 6-digit code is their last six.
const SECRET = Buffer.from('12345678901234567890', 'ascii');
const VECTORS: Array<[number, string]> = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('totp', () => {
  it.each(VECTORS)('matches RFC 6238 at t=%i', (seconds, expected) => {
    const step = totpStep(new Date(seconds * 1000));
    expect(totpCode(SECRET, step, 8)).toBe(expected);
    expect(totpCode(SECRET, step)).toBe(expected.slice(2));
  });

  it('round-trips base32 (RFC 4648 test vectors)', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Encode(Buffer.from('f'))).toBe('MY');
    expect(base32Decode('MZXW6YTBOI======').toString()).toBe('foobar');
    expect(base32Decode('mzxw 6ytb oi').toString()).toBe('foobar');
    expect(() => base32Decode('M1')).toThrow(RangeError);
  });

  it('accepts one step of drift either way and nothing further', () => {
    const at = new Date(1_800_000_000_000);
    const step = totpStep(at);
    expect(matchTotp(SECRET, totpCode(SECRET, step - 1), at, null)).toBe(step - 1);
    expect(matchTotp(SECRET, totpCode(SECRET, step + 1), at, null)).toBe(step + 1);
    expect(matchTotp(SECRET, totpCode(SECRET, step - 2), at, null)).toBeNull();
    expect(matchTotp(SECRET, totpCode(SECRET, step + 2), at, null)).toBeNull();
    expect(matchTotp(SECRET, 'abcdef', at, null)).toBeNull();
    expect(matchTotp(SECRET, '1234567', at, null)).toBeNull();
  });

  it('refuses a code of a step already used', () => {
    const at = new Date(1_800_000_000_000);
    const step = totpStep(at);
    const code = totpCode(SECRET, step);
    expect(matchTotp(SECRET, code, at, step - 1)).toBe(step);
    expect(matchTotp(SECRET, code, at, step)).toBeNull();
  });

  it('writes an otpauth URI authenticator apps read', () => {
    const uri = new URL(otpauthUri(SECRET, 'ada@example.com', 'Rightsdesk'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Rightsdesk:ada@example.com');
    expect(uri.searchParams.get('secret')).toBe(base32Encode(SECRET));
    expect(uri.searchParams.get('issuer')).toBe('Rightsdesk');
  });
});
