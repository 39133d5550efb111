import { randomBytes } from 'node:crypto';

const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let offset = 0;

/**
 * Cryptographically secure random bytes, drawn from the OS a page at a time. Each draw is a system
 * call, the most expensive thing an intake does on these machines after its one SQL statement,
 * and an intake needs several (reference, token, two IVs). Node's randomUUID pools the same way.
 * Every byte is handed out once, as a copy.
 */
export function secureRandomBytes(size: number): Buffer {
  if (size > POOL_BYTES) {
    return randomBytes(size);
  }
  if (offset + size > pool.length) {
    pool = randomBytes(POOL_BYTES);
    offset = 0;
  }
  const bytes = Buffer.from(pool.subarray(offset, offset + size));
  pool.fill(0, offset, offset + size);
  offset += size;
  return bytes;
}
