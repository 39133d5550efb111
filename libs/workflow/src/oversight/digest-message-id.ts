import { createHash } from 'node:crypto';
import type { CalendarDate } from '@rightsdesk/domain';

/**
 * The outbox id (and so the Message-ID) of one officer's digest for one day: a UUID derived from
 * both (RFC 9562 version 8, name-based with SHA-256), so a second run the same day finds it taken.
 */
export function digestMessageId(officerId: string, day: CalendarDate): string {
  const bytes = createHash('sha256').update(`rightsdesk:officer-digest:${officerId}:${day}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x80;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
