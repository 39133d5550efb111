import { createPublicKey, type KeyObject } from 'node:crypto';

const P = 2n ** 255n - 19n;
// d = -121665 / 121666 mod p, the curve constant of edwards25519 (RFC 8032 §5.1).
const D = mod(-121665n * modPow(121666n, P - 2n));
const SQRT_MINUS_ONE = modPow(2n, (P - 1n) / 4n);

/**
 * Whether 32 bytes are an encoded edwards25519 point (RFC 8032 §5.1.3). OpenSSL takes any 32 bytes
 * as a public key and only fails at verification, so an admin's typo would pass registration and
 * every pairing would then fail; decoding the point catches it when the key is entered.
 */
export function isEd25519PublicKey(raw: Buffer): boolean {
  if (raw.length !== 32) {
    return false;
  }
  const bytes = Buffer.from(raw);
  const sign = bytes[31] >> 7;
  bytes[31] &= 0x7f;
  const y = BigInt(`0x${Buffer.from(bytes).reverse().toString('hex')}`);
  if (y >= P) {
    return false;
  }
  const y2 = mod(y * y);
  const u = mod(y2 - 1n);
  const v = mod(D * y2 + 1n);
  let x = mod(u * modPow(v, 3n) * modPow(mod(u * modPow(v, 7n)), (P - 5n) / 8n));
  const vx2 = mod(v * x * x);
  if (vx2 === mod(-u)) {
    x = mod(x * SQRT_MINUS_ONE);
  } else if (vx2 !== u) {
    return false;
  }
  return !(x === 0n && sign === 1);
}

/** A node:crypto key for a raw 32-byte Ed25519 public key (by JWK, which takes the raw bytes). */
export function ed25519PublicKey(raw: Buffer): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
}

function mod(a: bigint): bigint {
  const r = a % P;
  return r < 0n ? r + P : r;
}

function modPow(base: bigint, exponent: bigint): bigint {
  let result = 1n;
  let b = mod(base);
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) {
      result = (result * b) % P;
    }
    b = (b * b) % P;
    e >>= 1n;
  }
  return result;
}
