import { randomBytes } from 'node:crypto';

// Crockford's base32 leaves out I, L, O and U, so a reference read aloud or copied by hand survives.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const REFERENCE_BYTES = 10;
const BODY_LENGTH = 16;
const PREFIX = 'RD';
const CANONICAL =
  /^RD-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;
const SEPARATORS = /[\s\-–—_.]/g;
// Anything longer cannot be a reference even with generous separators; stop before doing work on it.
const MAX_INPUT_LENGTH = 64;

function group(body: string): string {
  return `${PREFIX}-${body.slice(0, 4)}-${body.slice(4, 8)}-${body.slice(8, 12)}-${body.slice(12, 16)}`;
}

// 80 random bits: guessing a live reference is hopeless, and it still fits on a phone screen.
export function formatReference(bytes: Uint8Array): string {
  if (bytes.length !== REFERENCE_BYTES) {
    throw new RangeError(`A reference needs exactly ${REFERENCE_BYTES} bytes, got ${bytes.length}`);
  }
  let body = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      body += ALPHABET[(buffer >> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  return group(body);
}

export function generateReference(): string {
  return formatReference(randomBytes(REFERENCE_BYTES));
}

export function isReference(value: unknown): value is string {
  return typeof value === 'string' && CANONICAL.test(value);
}

// Accepts what people type: any case, missing or extra dashes and spaces, with or without "RD", and
// Crockford's look-alikes (O for 0, I and L for 1). Returns the canonical form, or null.
export function normalizeReference(input: string): string | null {
  if (typeof input !== 'string' || input.length > MAX_INPUT_LENGTH) {
    return null;
  }
  let compact = input.toUpperCase().replace(SEPARATORS, '');
  if (compact.length === BODY_LENGTH + PREFIX.length && compact.startsWith(PREFIX)) {
    compact = compact.slice(PREFIX.length);
  }
  if (compact.length !== BODY_LENGTH) {
    return null;
  }
  const body = compact.replace(/O/g, '0').replace(/[IL]/g, '1');
  return /^[0-9A-HJKMNP-TV-Z]{16}$/.test(body) ? group(body) : null;
}

export function referenceBytes(reference: string): Uint8Array {
  const normalized = normalizeReference(reference);
  if (normalized === null) {
    throw new RangeError(`Not a request reference: ${JSON.stringify(reference)}`);
  }
  const body = normalized.slice(PREFIX.length).replace(/-/g, '');
  const bytes = new Uint8Array(REFERENCE_BYTES);
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const char of body) {
    buffer = (buffer << 5) | ALPHABET.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes[index++] = (buffer >> bits) & 0xff;
    }
    buffer &= (1 << bits) - 1;
  }
  return bytes;
}
