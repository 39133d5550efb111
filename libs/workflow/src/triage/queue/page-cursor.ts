import type { z } from 'zod';
import { RequestException } from '@rightsdesk/domain';

// Cursors are opaque to clients: base64url JSON of where the last page ended. They are not secret
// (the key is an id and a date the client already saw), only validated on the way back in.
export function encodeCursor(position: unknown): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

/** The position a cursor holds, or a validation_failed on `cursor` when it is not one of ours. */
export function decodeCursor<T>(cursor: string, schema: z.ZodType<T>): T {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  const parsed = schema.safeParse(decoded);
  if (!parsed.success) {
    throw new RequestException('validation_failed', 'The cursor is not valid.', {
      fieldErrors: [
        {
          path: 'cursor',
          code: 'invalid_value',
          message: 'Use the nextCursor of a previous page with the same sort.',
        },
      ],
    });
  }
  return parsed.data;
}
