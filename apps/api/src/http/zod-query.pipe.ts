import { type PipeTransform } from '@nestjs/common';
import { z } from 'zod';
import { intakeFieldErrors, isCalendarDate, RequestException } from '@rightsdesk/domain';

/** Validates a query string against a zod schema; field-level errors come back as `validation_failed`. */
export class ZodQuery<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.infer<S> {
    // Fastify hands over an object without a prototype; a plain copy is what zod expects.
    const parsed = this.schema.safeParse({ ...((value ?? {}) as Record<string, unknown>) });
    if (!parsed.success) {
      throw new RequestException('validation_failed', 'The query string is not valid.', {
        fieldErrors: intakeFieldErrors(parsed.error),
      });
    }
    return parsed.data;
  }
}

/** Building blocks for query-string schemas: every value arrives as a string. */
export const queryParam = {
  date: () =>
    z
      .string()
      .refine(isCalendarDate, { message: 'Must be a date, YYYY-MM-DD.', params: { code: 'invalid_date' } }),
  flag: () => z.enum(['true', 'false']).transform((value) => value === 'true'),
  /** One value or several, comma-separated, each one of `values`. */
  list: <const T extends readonly [string, ...string[]]>(values: T) =>
    z
      .string()
      .min(1)
      .max(500)
      .transform((value) => [...new Set(value.split(',').map((item) => item.trim()))])
      .pipe(z.array(z.enum(values)).min(1)),
  limit: (max: number) =>
    z
      .string()
      .regex(/^\d{1,4}$/, 'Must be a whole number.')
      .transform(Number)
      .pipe(z.number().int().min(1).max(max)),
  cursor: () => z.string().min(1).max(500),
};
