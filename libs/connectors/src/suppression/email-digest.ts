import { createHash } from 'node:crypto';

/**
 * Trim and lower-case, nothing more. Gmail ignores dots and `+tags` in the local part, but other
 * providers do not: stripping them would put `j.smith@` and `jsmith@` of some other domain (two
 * people) on the list as one. Mailers that query the list must normalize exactly like this.
 */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Hex SHA-256 of the normalized email: what the list holds and what the mailers look up. */
export function emailSha256(email: string): string {
  return createHash('sha256').update(normalizeEmail(email), 'utf8').digest('hex');
}
