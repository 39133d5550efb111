import { createCipheriv, createDecipheriv, hkdfSync } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { deriveKey } from '@rightsdesk/config';
import { secureRandomBytes } from '../security/secure-random';
import { ByteQueue } from './byte-queue';

// File format (STREAM construction, Hoang–Reyhanitabar–Rogaway–Vizár 2015):
//   header  = "RDPK" ‖ version 1 ‖ 7-byte random nonce prefix
//   chunk i = AES-256-GCM(plaintext[i·64 KiB … +64 KiB]) ‖ 16-byte tag,
//             nonce = prefix ‖ uint32be(i) ‖ last-chunk flag (0/1)
// Every chunk is authenticated on its own, so a reader releases plaintext 64 KiB at a time; the
// counter stops reordering and the flag on the (possibly empty) last chunk makes truncation fail.
const MAGIC = Buffer.from('RDPK', 'ascii');
const VERSION = 1;
const PREFIX_BYTES = 7;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const MAX_CHUNKS = 2 ** 32;

export const PACKAGE_HEADER_BYTES = MAGIC.length + 1 + PREFIX_BYTES;
export const PACKAGE_CHUNK_BYTES = 64 * 1024;
const SEALED_CHUNK_BYTES = PACKAGE_CHUNK_BYTES + TAG_BYTES;

export class PackageCipherError extends Error {
  override readonly name = 'PackageCipherError';
}

function chunkNonce(prefix: Buffer, counter: number, last: boolean): Buffer {
  if (counter >= MAX_CHUNKS) {
    throw new PackageCipherError('encrypted file is too large for its chunk counter');
  }
  const nonce = Buffer.alloc(PREFIX_BYTES + 5);
  prefix.copy(nonce, 0);
  nonce.writeUInt32BE(counter, PREFIX_BYTES);
  nonce[PREFIX_BYTES + 4] = last ? 1 : 0;
  return nonce;
}

function checkKey(key: Buffer): void {
  if (key.length !== KEY_BYTES) {
    throw new PackageCipherError(`package key must be ${KEY_BYTES} bytes`);
  }
}

function asBuffer(chunk: unknown, encoding: BufferEncoding): Buffer {
  if (Buffer.isBuffer(chunk)) {
    return chunk;
  }
  if (typeof chunk === 'string') {
    return Buffer.from(chunk, encoding);
  }
  if (chunk instanceof Uint8Array) {
    return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  }
  throw new PackageCipherError('package streams carry bytes only');
}

export function createEncryptStream(key: Buffer): Transform {
  checkKey(key);
  const prefix = secureRandomBytes(PREFIX_BYTES);
  const pending = new ByteQueue();
  let counter = 0;
  let headerSent = false;

  const seal = (plain: Buffer, last: boolean): Buffer => {
    const cipher = createCipheriv('aes-256-gcm', key, chunkNonce(prefix, counter, last));
    counter += 1;
    return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  };
  const sendHeader = (stream: Transform): void => {
    if (!headerSent) {
      headerSent = true;
      stream.push(Buffer.concat([MAGIC, Buffer.from([VERSION]), prefix]));
    }
  };

  return new Transform({
    transform(this: Transform, chunk: unknown, encoding: BufferEncoding, callback: TransformCallback) {
      try {
        sendHeader(this);
        pending.push(asBuffer(chunk, encoding));
        // Strictly more than one chunk: the last chunk is only known at the end, so hold it back.
        while (pending.length > PACKAGE_CHUNK_BYTES) {
          this.push(seal(pending.take(PACKAGE_CHUNK_BYTES), false));
        }
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
    flush(this: Transform, callback: TransformCallback) {
      try {
        sendHeader(this);
        this.push(seal(pending.take(pending.length), true));
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
  });
}

export function createDecryptStream(key: Buffer): Transform {
  checkKey(key);
  const pending = new ByteQueue();
  let prefix: Buffer | undefined;
  let counter = 0;

  const open = (sealed: Buffer, last: boolean): Buffer => {
    if (!prefix) {
      throw new PackageCipherError('encrypted file is truncated: header missing');
    }
    if (sealed.length < TAG_BYTES) {
      throw new PackageCipherError('encrypted file is truncated');
    }
    const body = sealed.subarray(0, sealed.length - TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', key, chunkNonce(prefix, counter, last));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    const plain = decipher.update(body);
    try {
      decipher.final();
    } catch {
      // One message for tampering, truncation, trailing bytes and a wrong key: GCM cannot tell them apart.
      throw new PackageCipherError(
        `encrypted file failed authentication at chunk ${counter} (damaged, truncated, extended or another key)`,
      );
    }
    counter += 1;
    return plain;
  };
  const readHeader = (): void => {
    if (prefix || pending.length < PACKAGE_HEADER_BYTES) {
      return;
    }
    const header = pending.take(PACKAGE_HEADER_BYTES);
    if (!header.subarray(0, MAGIC.length).equals(MAGIC)) {
      throw new PackageCipherError('not an encrypted package file (bad magic)');
    }
    if (header[MAGIC.length] !== VERSION) {
      throw new PackageCipherError(`unsupported encrypted package version ${header[MAGIC.length]}`);
    }
    prefix = Buffer.from(header.subarray(MAGIC.length + 1));
  };

  return new Transform({
    transform(this: Transform, chunk: unknown, encoding: BufferEncoding, callback: TransformCallback) {
      try {
        pending.push(asBuffer(chunk, encoding));
        readHeader();
        // A full sealed chunk followed by at least one more byte cannot be the last one.
        while (prefix && pending.length > SEALED_CHUNK_BYTES) {
          this.push(open(pending.take(SEALED_CHUNK_BYTES), false));
        }
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
    flush(this: Transform, callback: TransformCallback) {
      try {
        readHeader();
        if (!prefix) {
          throw new PackageCipherError('encrypted file is truncated: header missing');
        }
        this.push(open(pending.take(pending.length), true));
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
  });
}

/**
 * The key for one scope's files (a request id): HKDF over the `access-package` key with the scope in
 * `info`, so the files of two requests never share a key (and a 56-bit random nonce prefix is
 * plenty for the handful of files one request has).
 */
export function packageKey(secretKey: Buffer, scope: string): Buffer {
  if (scope.length === 0) {
    throw new PackageCipherError('package key scope must not be empty');
  }
  const base = deriveKey(secretKey, 'access-package');
  return Buffer.from(
    hkdfSync('sha256', base, Buffer.alloc(0), `rightsdesk:access-package:file:v1:${scope}`, KEY_BYTES),
  );
}
