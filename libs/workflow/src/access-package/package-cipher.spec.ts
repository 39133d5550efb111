import { randomBytes } from 'node:crypto';
import { Readable, type Transform } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import {
  PACKAGE_CHUNK_BYTES,
  PACKAGE_HEADER_BYTES,
  createDecryptStream,
  createEncryptStream,
  packageKey,
} from './package-cipher';

const TAG = 16;

async function run(input: Buffer, stream: Transform, pieceSize = 10_000): Promise<Buffer> {
  const pieces: Buffer[] = [];
  for (let at = 0; at < input.length; at += pieceSize) {
    pieces.push(input.subarray(at, at + pieceSize));
  }
  const [, out] = await Promise.all([
    pipeline(Readable.from(pieces, { objectMode: false }), stream),
    buffer(stream),
  ]);
  return out;
}

const encrypt = (key: Buffer, plain: Buffer, pieceSize?: number) =>
  run(plain, createEncryptStream(key), pieceSize);
const decrypt = (key: Buffer, sealed: Buffer, pieceSize?: number) =>
  run(sealed, createDecryptStream(key), pieceSize);

describe('package cipher', () => {
  const key = randomBytes(32);

  it.each([
    ['0 bytes', 0],
    ['1 byte', 1],
    ['exactly 64 KiB', PACKAGE_CHUNK_BYTES],
    ['64 KiB + 1', PACKAGE_CHUNK_BYTES + 1],
    ['1 MiB', 1024 * 1024],
  ])('round-trips %s', async (_label, size) => {
    const plain = randomBytes(size);
    const sealed = await encrypt(key, plain);
    const chunks = Math.max(1, Math.ceil(size / PACKAGE_CHUNK_BYTES));
    expect(sealed).toHaveLength(PACKAGE_HEADER_BYTES + size + chunks * TAG);
    expect(sealed.subarray(0, 5).equals(Buffer.from('RDPK\x01', 'latin1'))).toBe(true);
    expect((await decrypt(key, sealed)).equals(plain)).toBe(true);
    // Chunk boundaries of the reader must not matter.
    expect((await decrypt(key, sealed, 7)).equals(plain)).toBe(true);
  });

  it('uses a fresh nonce prefix per file', async () => {
    const plain = Buffer.from('same text');
    const [a, b] = await Promise.all([encrypt(key, plain), encrypt(key, plain)]);
    expect(a.subarray(5, PACKAGE_HEADER_BYTES).equals(b.subarray(5, PACKAGE_HEADER_BYTES))).toBe(false);
    expect(a.equals(b)).toBe(false);
  });

  it('detects one flipped byte in the middle', async () => {
    const sealed = await encrypt(key, randomBytes(300_000));
    sealed[Math.floor(sealed.length / 2)] ^= 0x01;
    await expect(decrypt(key, sealed)).rejects.toThrow(/failed authentication/);
  });

  it('detects a file whose last chunk was cut off', async () => {
    const size = 3 * PACKAGE_CHUNK_BYTES + 500;
    const sealed = await encrypt(key, randomBytes(size));
    const withoutLastChunk = sealed.subarray(0, sealed.length - (500 + TAG));
    await expect(decrypt(key, withoutLastChunk)).rejects.toThrow(/failed authentication/);
    await expect(decrypt(key, sealed.subarray(0, sealed.length - 1))).rejects.toThrow(
      /failed authentication/,
    );
  });

  it('detects a file cut at a chunk boundary when the plaintext was an exact multiple', async () => {
    const sealed = await encrypt(key, randomBytes(2 * PACKAGE_CHUNK_BYTES));
    await expect(
      decrypt(key, sealed.subarray(0, PACKAGE_HEADER_BYTES + PACKAGE_CHUNK_BYTES + TAG)),
    ).rejects.toThrow(/failed authentication/);
  });

  it('detects trailing data and swapped chunks', async () => {
    const sealed = await encrypt(key, randomBytes(2 * PACKAGE_CHUNK_BYTES + 10));
    await expect(decrypt(key, Buffer.concat([sealed, Buffer.from([0])]))).rejects.toThrow(
      /failed authentication/,
    );
    const sealedChunk = PACKAGE_CHUNK_BYTES + TAG;
    const header = sealed.subarray(0, PACKAGE_HEADER_BYTES);
    const first = sealed.subarray(PACKAGE_HEADER_BYTES, PACKAGE_HEADER_BYTES + sealedChunk);
    const second = sealed.subarray(
      PACKAGE_HEADER_BYTES + sealedChunk,
      PACKAGE_HEADER_BYTES + 2 * sealedChunk,
    );
    const rest = sealed.subarray(PACKAGE_HEADER_BYTES + 2 * sealedChunk);
    await expect(decrypt(key, Buffer.concat([header, second, first, rest]))).rejects.toThrow(
      /failed authentication/,
    );
  });

  it('refuses a wrong key, a wrong magic and a missing header', async () => {
    const sealed = await encrypt(key, Buffer.from('hello'));
    await expect(decrypt(randomBytes(32), sealed)).rejects.toThrow(/failed authentication/);
    const badMagic = Buffer.from(sealed);
    badMagic[0] = 0x58;
    await expect(decrypt(key, badMagic)).rejects.toThrow(/bad magic/);
    await expect(decrypt(key, sealed.subarray(0, 6))).rejects.toThrow(/header missing/);
    await expect(decrypt(key, Buffer.alloc(0))).rejects.toThrow(/header missing/);
  });

  it('releases authenticated chunks before the end of a damaged file', async () => {
    const plain = randomBytes(4 * PACKAGE_CHUNK_BYTES);
    const sealed = await encrypt(key, plain);
    sealed[sealed.length - 3] ^= 0xff;
    const stream = createDecryptStream(key);
    const received: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => received.push(chunk));
    const failed = new Promise<Error>((resolve) => stream.on('error', resolve));
    stream.end(sealed);
    expect((await failed).message).toMatch(/failed authentication at chunk 3/);
    expect(Buffer.concat(received).equals(plain.subarray(0, 3 * PACKAGE_CHUNK_BYTES))).toBe(true);
  });

  it('derives a distinct 32-byte key per scope', async () => {
    const secret = randomBytes(32);
    const a = packageKey(secret, 'req_1');
    expect(a).toHaveLength(32);
    expect(packageKey(secret, 'req_1').equals(a)).toBe(true);
    expect(packageKey(secret, 'req_2').equals(a)).toBe(false);
    expect(packageKey(randomBytes(32), 'req_1').equals(a)).toBe(false);
    const sealed = await encrypt(a, Buffer.from('x'));
    await expect(decrypt(packageKey(secret, 'req_2'), sealed)).rejects.toThrow(/failed authentication/);
    expect(() => packageKey(secret, '')).toThrow(/scope/);
  });

  it('accepts string writes', async () => {
    const stream = createEncryptStream(key);
    stream.end('ünïcödé');
    const sealed = await buffer(stream);
    expect((await decrypt(key, sealed)).toString('utf8')).toBe('ünïcödé');
  });
});
