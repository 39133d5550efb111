import {
  formatReference,
  generateReference,
  isReference,
  normalizeReference,
  referenceBytes,
} from './reference';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);

describe('formatReference', () => {
  it.each([
    [bytes(0, 0, 0, 0, 0, 0, 0, 0, 0, 0), 'RD-0000-0000-0000-0000'],
    [bytes(255, 255, 255, 255, 255, 255, 255, 255, 255, 255), 'RD-ZZZZ-ZZZZ-ZZZZ-ZZZZ'],
    [bytes(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), 'RD-000G-40R4-0M30-E209'],
    [bytes(0x08, 0, 0, 0, 0, 0, 0, 0, 0, 0), 'RD-1000-0000-0000-0000'],
    [bytes(0, 0, 0, 0, 0, 0, 0, 0, 0, 1), 'RD-0000-0000-0000-0001'],
  ])('encodes %p as %s', (input, expected) => {
    expect(formatReference(input)).toBe(expected);
  });

  it('needs exactly 80 bits', () => {
    expect(() => formatReference(new Uint8Array(9))).toThrow(RangeError);
    expect(() => formatReference(new Uint8Array(11))).toThrow(RangeError);
  });

  it('never uses I, L, O or U', () => {
    for (let i = 0; i < 200; i += 1) {
      const reference = generateReference();
      expect(reference).toMatch(/^RD-[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
      expect(isReference(reference)).toBe(true);
    }
  });

  it('round-trips through referenceBytes', () => {
    const input = bytes(0x9f, 0x12, 0x00, 0xff, 0x7a, 0x33, 0xc4, 0x01, 0x80, 0x5e);
    expect(referenceBytes(formatReference(input))).toEqual(input);
    expect(() => referenceBytes('nope')).toThrow(RangeError);
  });
});

describe('normalizeReference', () => {
  it.each([
    ['RD-7K2M-9QXW-4HTN-P3VA', 'RD-7K2M-9QXW-4HTN-P3VA'],
    ['rd-7k2m-9qxw-4htn-p3va', 'RD-7K2M-9QXW-4HTN-P3VA'],
    ['RD7K2M9QXW4HTNP3VA', 'RD-7K2M-9QXW-4HTN-P3VA'],
    ['7K2M9QXW4HTNP3VA', 'RD-7K2M-9QXW-4HTN-P3VA'],
    ['7k2m-9qxw-4htn-p3va', 'RD-7K2M-9QXW-4HTN-P3VA'],
    ['  RD 7K2M 9QXW 4HTN P3VA  ', 'RD-7K2M-9QXW-4HTN-P3VA'],
    ['RD--7K2M9QXW-4HTNP3VA', 'RD-7K2M-9QXW-4HTN-P3VA'],
    ['RD-OOOO-IIII-LLLL-oil0', 'RD-0000-1111-1111-0110'],
    ['RDRD-0000-0000-0000', 'RD-RDRD-0000-0000-0000'],
  ])('normalises %p to %s', (input, expected) => {
    expect(normalizeReference(input)).toBe(expected);
  });

  it.each([
    [''],
    ['RD-'],
    ['RD-7K2M-9QXW-4HTN'],
    ['RD-7K2M-9QXW-4HTN-P3VA-0000'],
    ['RD-7K2M-9QXW-4HTN-P3VU'],
    ['RD-7K2M-9QXW-4HTN-P3V!'],
    ['XX-7K2M-9QXW-4HTN-P3VA'],
    ['RD-7K2M-9QXW-4HTN-P3VAA'],
    ['-'.repeat(1000)],
    [`RD-7K2M-9QXW-4HTN-P3VA${' '.repeat(100)}`],
  ])('returns null for %p', (input) => {
    expect(normalizeReference(input)).toBeNull();
  });
});

describe('isReference', () => {
  it('accepts only the canonical form', () => {
    expect(isReference('RD-7K2M-9QXW-4HTN-P3VA')).toBe(true);
    expect(isReference('rd-7k2m-9qxw-4htn-p3va')).toBe(false);
    expect(isReference('RD7K2M9QXW4HTNP3VA')).toBe(false);
    expect(isReference('RD-7K2M-9QXW-4HTN-P3VO')).toBe(false);
    expect(isReference('RD-7K2M-9QXW-4HTN-P3VA\n')).toBe(false);
    expect(isReference(42)).toBe(false);
    expect(isReference(null)).toBe(false);
  });
});
