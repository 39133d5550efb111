import { randomBytes } from 'node:crypto';
import type { AppConfig } from '@rightsdesk/config';
import { FieldCipher } from './field-cipher';

function cipherWith(secretKey: Buffer): FieldCipher {
  return new FieldCipher({ secretKey } as AppConfig);
}

describe('FieldCipher', () => {
  const sut = cipherWith(randomBytes(32));

  it('round-trips bytes, including ones that are not UTF-8', () => {
    const plain = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0x00, 0xfe]), randomBytes(4096)]);

    const sealed = sut.encryptBytes(plain);

    expect(sut.decryptBytes(sealed).equals(plain)).toBe(true);
    expect(sealed.includes(plain.subarray(0, 64))).toBe(false);
    expect(sealed).toHaveLength(1 + 12 + 16 + plain.length);
  });

  it('seals the same bytes differently every time (fresh IV)', () => {
    const plain = Buffer.from('%PDF-1.7 proof of age');

    expect(sut.encryptBytes(plain).equals(sut.encryptBytes(plain))).toBe(false);
  });

  it('round-trips empty content', () => {
    expect(sut.decryptBytes(sut.encryptBytes(Buffer.alloc(0)))).toHaveLength(0);
  });

  it('refuses tampered content, another key and an unknown format', () => {
    const sealed = sut.encryptBytes(Buffer.from('birth certificate'));
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] ^= 0x01;

    expect(() => sut.decryptBytes(tampered)).toThrow();
    expect(() => cipherWith(randomBytes(32)).decryptBytes(sealed)).toThrow();
    expect(() => sut.decryptBytes(Buffer.from([2, ...sealed.subarray(1)]))).toThrow(/unknown format/);
    expect(() => sut.decryptBytes(Buffer.alloc(10))).toThrow(/unknown format/);
  });

  it('keeps JSON fields readable in the same format', () => {
    const value = { email: 'ada@example.com', name: 'Ada', details: null };

    const sealed = sut.encryptJson(value);

    expect(sut.decryptJson(sealed)).toEqual(value);
    expect(JSON.parse(sut.decryptBytes(sealed).toString('utf8'))).toEqual(value);
  });
});
