import { createHash } from 'node:crypto';
import { normalizeEmail } from '@rightsdesk/domain';

/** Hex SHA-256 of the normalized email: what the list holds and what the mailers look up. */
export function emailSha256(email: string): string {
  return createHash('sha256').update(normalizeEmail(email), 'utf8').digest('hex');
}
