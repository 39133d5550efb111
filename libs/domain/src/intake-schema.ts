import { z } from 'zod';
import { isCalendarDate } from './calendar-date';
import { type FieldError, RequestException } from './request-exception';
import { type RequestType } from './request-type';

export const INTAKE_LANGUAGES = ['en', 'de'] as const;
export type IntakeLanguage = (typeof INTAKE_LANGUAGES)[number];

// `sale_sharing` is the CCPA opt-out of sale and sharing (Cal. Civ. Code §1798.120, 11 CCR §7026),
// which Global Privacy Control and authorized agents' `sale:opt-out` also record; the others stop
// promotional messages. `all` means every one of them.
export const OPT_OUT_CHANNELS = ['email', 'notifications', 'surveys', 'sale_sharing', 'all'] as const;
export type OptOutChannel = (typeof OPT_OUT_CHANNELS)[number];

export const CHILD_RELATIONSHIPS = ['parent', 'legal_guardian'] as const;
export type ChildRelationship = (typeof CHILD_RELATIONSHIPS)[number];

export type IntakeErrorCode =
  | 'required'
  | 'invalid_type'
  | 'too_long'
  | 'too_short'
  | 'too_big'
  | 'too_small'
  | 'invalid_email'
  | 'invalid_value'
  | 'invalid_date'
  | 'unknown_field'
  | 'duplicate';

const REQUIRED_MESSAGE = 'This field is required.';

// Zod drops the input from finished issues, so "missing" and "wrong type" would look alike; every
// intake schema marks a missing value with this message while the input is still at hand.
const requiredAware: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return REQUIRED_MESSAGE;
  }
  if (
    issue.code === 'invalid_union' &&
    (issue.input as Record<string, unknown> | undefined)?.type === undefined
  ) {
    return REQUIRED_MESSAGE;
  }
  return undefined;
};
const req = { error: requiredAware };

function customCode(code: IntakeErrorCode): { params: { code: IntakeErrorCode } } {
  return { params: { code } };
}

function text(min: number, max: number) {
  return z.string(req).trim().min(min).max(max);
}

// RFC 5321 limits a forward path to 256 octets including the angle brackets, leaving 254.
const email = z.string(req).trim().max(254).check(z.email());

const country = z
  .string(req)
  .trim()
  .regex(/^[A-Za-z]{2}$/, 'Must be a two-letter ISO 3166-1 country code, such as DE or US.')
  .toUpperCase();

const region = z
  .string(req)
  .trim()
  .regex(
    /^(?:[A-Za-z]{2}-)?[A-Za-z0-9]{1,3}$/,
    'Must be an ISO 3166-2 subdivision code, such as CA or US-CA.',
  )
  .toUpperCase()
  .optional();

const note = z.string(req).trim().max(2000).optional();

const common = {
  email,
  name: text(1, 200).optional(),
  country,
  region,
  language: z.enum(INTAKE_LANGUAGES, req).default('en'),
};

interface Located {
  country: string;
  region?: string | undefined;
}

function checkRegion<T extends Located>(value: T, ctx: z.core.$RefinementCtx<T>): void {
  const dash = value.region?.indexOf('-') ?? -1;
  if (value.region !== undefined && dash !== -1 && value.region.slice(0, dash) !== value.country) {
    ctx.addIssue({
      code: 'custom',
      path: ['region'],
      message: `Region ${value.region} is not in country ${value.country}.`,
      ...customCode('invalid_value'),
    });
  }
}

// The regime lookup wants the subdivision alone: 'US-CA' is stored as 'CA'.
function subdivisionOnly<T extends Located>(value: T): T {
  const dash = value.region?.indexOf('-') ?? -1;
  return value.region !== undefined && dash !== -1
    ? { ...value, region: value.region.slice(dash + 1) }
    : value;
}

const noteOnlyDetails = z.strictObject({ note }, req).optional();

const correction = z.strictObject(
  {
    field: text(1, 100),
    currentValue: z.string(req).trim().max(1000).optional(),
    newValue: text(1, 1000),
  },
  req,
);

const rectificationDetails = z.strictObject(
  {
    corrections: z.array(correction, req).min(1).max(20),
    explanation: text(1, 2000),
  },
  req,
);

const optOutDetails = z.strictObject(
  {
    channels: z
      .array(z.enum(OPT_OUT_CHANNELS, req), req)
      .min(1)
      .max(OPT_OUT_CHANNELS.length)
      .refine((channels) => new Set(channels).size === channels.length, {
        message: 'Each channel may be listed only once.',
        ...customCode('duplicate'),
      }),
  },
  req,
);

const child = z
  .strictObject(
    {
      name: text(1, 200).optional(),
      email: email.optional(),
      username: text(1, 100).optional(),
      dateOfBirth: z
        .string(req)
        .refine(isCalendarDate, {
          message: 'Must be a real date in the form YYYY-MM-DD.',
          ...customCode('invalid_date'),
        })
        .optional(),
    },
    req,
  )
  // 16 CFR 312.6: the operator must be able to tell which child the parent means.
  .refine((c) => [c.name, c.email, c.username, c.dateOfBirth].some((v) => v !== undefined), {
    message: "Give at least one of the child's name, email, username or date of birth.",
    ...customCode('required'),
  });

const childDataRemovalDetails = z.strictObject(
  {
    child,
    relationship: z.enum(CHILD_RELATIONSHIPS, req),
    childAge: z
      .number(req)
      .int()
      .min(0)
      // COPPA (15 U.S.C. §6501(1)) protects children under 13; older children use the ordinary rights.
      .refine((age) => age <= 12, {
        message: 'Must be 12 or under: this request covers children under 13 (COPPA).',
        ...customCode('too_big'),
      }),
    note,
  },
  req,
);

// Keyed by request type so a new type without an intake shape fails the type-check.
const variants = {
  access: z
    .strictObject({ type: z.literal('access'), ...common, details: noteOnlyDetails }, req)
    .superRefine(checkRegion)
    .overwrite(subdivisionOnly),
  rectification: z
    .strictObject({ type: z.literal('rectification'), ...common, details: rectificationDetails }, req)
    .superRefine(checkRegion)
    .overwrite(subdivisionOnly),
  erasure: z
    .strictObject({ type: z.literal('erasure'), ...common, details: noteOnlyDetails }, req)
    .superRefine(checkRegion)
    .overwrite(subdivisionOnly),
  opt_out: z
    .strictObject({ type: z.literal('opt_out'), ...common, details: optOutDetails }, req)
    .superRefine(checkRegion)
    .overwrite(subdivisionOnly),
  child_data_removal: z
    .strictObject({ type: z.literal('child_data_removal'), ...common, details: childDataRemovalDetails }, req)
    .superRefine(checkRegion)
    .overwrite(subdivisionOnly),
} satisfies Record<RequestType, z.ZodType>;

export const intakeSchema = z.discriminatedUnion(
  'type',
  [variants.access, variants.rectification, variants.erasure, variants.opt_out, variants.child_data_removal],
  req,
);

export type IntakeInput = z.infer<typeof intakeSchema>;
export type IntakeBody = z.input<typeof intakeSchema>;
export type IntakeInputOf<T extends RequestType> = Extract<IntakeInput, { type: T }>;

function joinPath(path: readonly PropertyKey[]): string {
  return path.map((segment) => String(segment)).join('.');
}

function describeExpected(expected: string): string {
  switch (expected) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'int':
      return 'a whole number';
    case 'array':
      return 'a list';
    case 'object':
      return 'an object';
    case 'boolean':
      return 'true or false';
    default:
      return `of type ${expected}`;
  }
}

function listValues(values: readonly unknown[]): string {
  return values.map((v) => String(v)).join(', ');
}

function toFieldErrors(issue: z.core.$ZodIssue): FieldError[] {
  const path = joinPath(issue.path);
  const one = (code: IntakeErrorCode, message: string): FieldError[] => [{ path, code, message }];
  switch (issue.code) {
    case 'invalid_type':
      return issue.message === REQUIRED_MESSAGE
        ? one('required', REQUIRED_MESSAGE)
        : one('invalid_type', `Must be ${describeExpected(issue.expected)}.`);
    case 'too_big':
      if (issue.origin === 'string') {
        return one('too_long', `Must be at most ${issue.maximum} characters.`);
      }
      if (issue.origin === 'array') {
        return one('too_long', `Must have at most ${issue.maximum} items.`);
      }
      return one('too_big', `Must be at most ${issue.maximum}.`);
    case 'too_small':
      if (issue.origin === 'string') {
        return one(
          'too_short',
          Number(issue.minimum) === 1
            ? 'Must not be empty.'
            : `Must be at least ${issue.minimum} characters.`,
        );
      }
      if (issue.origin === 'array') {
        return one(
          'too_short',
          Number(issue.minimum) === 1
            ? 'Must have at least one item.'
            : `Must have at least ${issue.minimum} items.`,
        );
      }
      return one('too_small', `Must be at least ${issue.minimum}.`);
    case 'invalid_format':
      return issue.format === 'email'
        ? one('invalid_email', 'Must be a valid email address.')
        : one('invalid_value', issue.message);
    case 'invalid_value':
      return one('invalid_value', `Must be one of: ${listValues(issue.values)}.`);
    case 'invalid_union':
      if (issue.message === REQUIRED_MESSAGE) {
        return one('required', REQUIRED_MESSAGE);
      }
      return 'options' in issue && issue.options
        ? one('invalid_value', `Must be one of: ${listValues(issue.options)}.`)
        : one('invalid_value', 'Does not match any accepted shape.');
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        path: joinPath([...issue.path, key]),
        code: 'unknown_field',
        message: 'This field is not accepted.',
      }));
    case 'custom': {
      const code: unknown = issue.params?.code;
      return one(typeof code === 'string' ? (code as IntakeErrorCode) : 'invalid_value', issue.message);
    }
    default:
      return one('invalid_value', issue.message);
  }
}

export function intakeFieldErrors(error: z.ZodError): FieldError[] {
  const errors = error.issues.flatMap(toFieldErrors);
  // Zod may still run size checks on a value of the wrong type (a string given for a list); once a
  // path is missing or mistyped, any further complaint about it is noise.
  const typeErrorPaths = new Set(
    errors.filter((e) => e.code === 'required' || e.code === 'invalid_type').map((e) => e.path),
  );
  return errors.filter(
    (e) => !typeErrorPaths.has(e.path) || e.code === 'required' || e.code === 'invalid_type',
  );
}

export function parseIntake(body: unknown): IntakeInput {
  const result = intakeSchema.safeParse(body);
  if (!result.success) {
    throw new RequestException('validation_failed', 'The request is not valid.', {
      fieldErrors: intakeFieldErrors(result.error),
    });
  }
  return result.data;
}
