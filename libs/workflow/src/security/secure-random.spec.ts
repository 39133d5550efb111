import { secureRandomBytes } from './secure-random';

describe('secureRandomBytes', () => {
  it('never hands out the same bytes twice, across pool refills', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const bytes = secureRandomBytes(16);
      expect(bytes).toHaveLength(16);
      seen.add(bytes.toString('hex'));
    }
    expect(seen.size).toBe(2000);
  });

  it('returns copies, unaffected by later draws', () => {
    const first = secureRandomBytes(32);
    const copy = Buffer.from(first);
    for (let i = 0; i < 300; i++) {
      secureRandomBytes(32);
    }
    expect(first.equals(copy)).toBe(true);
  });

  it('serves sizes beyond the pool directly', () => {
    expect(secureRandomBytes(10_000)).toHaveLength(10_000);
  });
});
