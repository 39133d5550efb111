import { type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { RequestException, intakeFieldErrors } from '@rightsdesk/domain';

/** Validates a body against a zod schema; field-level errors come back as `validation_failed`. */
export class ZodBody<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.infer<S> {
    if (value === undefined || value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new RequestException('validation_failed', 'The request body must be a JSON object.', {
        fieldErrors: [{ path: '', code: 'invalid_type', message: 'Send a JSON object.' }],
      });
    }
    const parsed = this.schema.safeParse(value);
    if (!parsed.success) {
      throw new RequestException('validation_failed', 'The request body is not valid.', {
        fieldErrors: intakeFieldErrors(parsed.error),
      });
    }
    return parsed.data;
  }
}
