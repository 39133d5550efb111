import { createHmac } from 'node:crypto';

/**
 * The `subject_request_id` for one request, system and run: a lower case UUID v4 (spec 1.1) made
 * from a keyed hash, so a retried submission sends the same id (the processor can tell it is a
 * repeat) while a new run after a failure sends a new one, and the processor cannot link it to
 * our own request id.
 */
export function subjectRequestIdFor(hashSalt: Buffer, requestId: string, run: number): string {
  const bytes = createHmac('sha256', hashSalt).update(`opendsr-subject-request:${requestId}:${run}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
