import { type PipeTransform } from '@nestjs/common';
import { z } from 'zod';
import { type FieldError, intakeFieldErrors, intakeSchema, isCalendarDate, LOGGED_CHANNELS, RequestException } from '@rightsdesk/domain';
import type { IntakeInput } from '@rightsdesk/domain';
import type { LoggedRequestFacts } from '@rightsdesk/workflow';

export const LOGGED_FIELDS = ['channel', 'receivedOn', 'identityVerified'] as const;

const factsSchema = z.strictObject({
  channel: z.enum(LOGGED_CHANNELS),
  receivedOn: z.string().refine(isCalendarDate, { message: 'Must be a real date in the form YYYY-MM-DD.', params: { code: 'invalid_date' } }),
  identityVerified: z.boolean(),
});

export interface LoggedRequestBody {
  intake: IntakeInput;
  facts: LoggedRequestFacts;
}

function required(path: string): FieldError {
  return { path, code: 'required', message: 'This field is required.' };
}

/**
 * The portal's intake fields, validated by the same schema, plus how and when the request arrived.
 * Both halves are checked so every field error comes back at once.
 */
export class LoggedRequestBodyPipe implements PipeTransform<unknown, LoggedRequestBody> {
  transform(value: unknown): LoggedRequestBody {
    if (value === undefined || value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new RequestException('validation_failed', 'The request body must be a JSON object.', {
        fieldErrors: [{ path: '', code: 'invalid_type', message: 'Send a JSON object.' }],
      });
    }
    const body = value as Record<string, unknown>;
    const intakePart = Object.fromEntries(Object.entries(body).filter(([key]) => !(LOGGED_FIELDS as readonly string[]).includes(key)));
    const factsPart = Object.fromEntries(Object.entries(body).filter(([key]) => (LOGGED_FIELDS as readonly string[]).includes(key)));
    const intake = intakeSchema.safeParse(intakePart);
    const facts = factsSchema.safeParse(factsPart);
    if (intake.success && facts.success) {
      return { intake: intake.data, facts: facts.data };
    }
    const errors = [...(intake.success ? [] : intakeFieldErrors(intake.error)), ...(facts.success ? [] : intakeFieldErrors(facts.error))];
    for (const field of LOGGED_FIELDS) {
      // Zod names a missing enum or boolean "invalid"; say "required" as the intake does.
      if (!(field in body)) {
        const at = errors.findIndex((e) => e.path === field);
        errors.splice(at === -1 ? errors.length : at, at === -1 ? 0 : 1, required(field));
      }
    }
    throw new RequestException('validation_failed', 'The request is not valid.', { fieldErrors: errors });
  }
}
