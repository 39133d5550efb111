import { z } from 'zod';
import { RequestException } from '@rightsdesk/domain';
import { decodeCursor, encodeCursor } from './page-cursor';

describe('page cursors', () => {
  const schema = z.strictObject({ beforeId: z.string().regex(/^\d+$/) });

  it('round-trips a position as URL-safe text', () => {
    const cursor = encodeCursor({ beforeId: '12345' });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, schema)).toEqual({ beforeId: '12345' });
  });

  it.each([
    ['not base64 JSON', 'nonsense!'],
    ['JSON of another shape', encodeCursor({ beforeId: 7 })],
    ['extra fields', encodeCursor({ beforeId: '1', sql: 'drop' })],
    ['empty', ''],
  ])('refuses %s as a field error on cursor', (_label, cursor) => {
    let error: unknown;
    try {
      decodeCursor(cursor, schema);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RequestException);
    expect(error).toMatchObject({
      code: 'validation_failed',
      details: { fieldErrors: [{ path: 'cursor', code: 'invalid_value' }] },
    });
  });
});
