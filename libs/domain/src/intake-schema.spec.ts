import { z } from 'zod';
import { type FieldError, RequestException } from './request-exception';
import { type IntakeInput, intakeFieldErrors, intakeSchema, parseIntake } from './intake-schema';

function errorsOf(body: unknown): FieldError[] {
  const result = intakeSchema.safeParse(body);
  if (result.success) {
    throw new Error(`expected ${JSON.stringify(body)} to be rejected`);
  }
  return intakeFieldErrors(result.error);
}

function accepted(body: unknown): IntakeInput {
  const result = intakeSchema.safeParse(body);
  if (!result.success) {
    throw new Error(`expected acceptance, got ${JSON.stringify(intakeFieldErrors(result.error))}`);
  }
  return result.data;
}

const base = { email: 'ada@example.com', country: 'DE' };

describe('intakeSchema: valid bodies', () => {
  it('accepts a minimal access request and fills in the language', () => {
    expect(accepted({ type: 'access', ...base })).toEqual({
      type: 'access',
      email: 'ada@example.com',
      country: 'DE',
      language: 'en',
    });
  });

  it('trims and normalises the common fields', () => {
    expect(
      accepted({
        type: 'access',
        email: '  ada@example.com ',
        name: '  Ada Lovelace ',
        country: 'us',
        region: 'us-ca',
        language: 'de',
        details: { note: ' all of it ' },
      }),
    ).toEqual({
      type: 'access',
      email: 'ada@example.com',
      name: 'Ada Lovelace',
      country: 'US',
      region: 'CA',
      language: 'de',
      details: { note: 'all of it' },
    });
  });

  it('keeps a region given without a country prefix', () => {
    expect(accepted({ type: 'erasure', ...base, country: 'BR', region: 'sp' })).toMatchObject({
      region: 'SP',
    });
    expect(accepted({ type: 'erasure', ...base, country: 'FR', region: '75' })).toMatchObject({
      region: '75',
    });
  });

  it('accepts an erasure request with or without a note', () => {
    expect(accepted({ type: 'erasure', ...base })).toMatchObject({ type: 'erasure' });
    expect(accepted({ type: 'erasure', ...base, details: {} })).toMatchObject({ details: {} });
    expect(accepted({ type: 'erasure', ...base, details: { note: 'close my account' } })).toMatchObject({
      details: { note: 'close my account' },
    });
  });

  it('accepts a rectification request', () => {
    const body = {
      type: 'rectification',
      ...base,
      details: {
        corrections: [
          { field: 'surname', currentValue: 'Byron', newValue: 'Lovelace' },
          { field: 'phone', newValue: '+44 20 7946 0000' },
        ],
        explanation: 'I married and moved.',
      },
    };
    expect(accepted(body)).toEqual({ ...body, language: 'en' });
  });

  it('infers a union that narrows on type', () => {
    const input = accepted({
      type: 'rectification',
      ...base,
      details: { corrections: [{ field: 'surname', newValue: 'Lovelace' }], explanation: 'Married.' },
    });
    if (input.type !== 'rectification') {
      throw new Error('expected a rectification');
    }
    const newValue: string = input.details.corrections[0].newValue;
    const language: 'en' | 'de' = input.language;
    expect([newValue, language]).toEqual(['Lovelace', 'en']);
  });

  it('accepts an opt-out request', () => {
    expect(accepted({ type: 'opt_out', ...base, details: { channels: ['email', 'surveys'] } })).toMatchObject(
      {
        details: { channels: ['email', 'surveys'] },
      },
    );
    expect(
      accepted({
        type: 'opt_out',
        ...base,
        details: { channels: ['email', 'notifications', 'surveys', 'all'] },
      }),
    ).toBeTruthy();
  });

  it('accepts a child data removal request with any one identifier', () => {
    const details = { relationship: 'parent', childAge: 9 };
    expect(
      accepted({
        type: 'child_data_removal',
        ...base,
        details: { ...details, child: { username: 'minecrafter9' } },
      }),
    ).toMatchObject({
      details: { child: { username: 'minecrafter9' }, relationship: 'parent', childAge: 9 },
    });
    expect(
      accepted({
        type: 'child_data_removal',
        ...base,
        details: { ...details, child: { dateOfBirth: '2016-02-29' } },
      }),
    ).toBeTruthy();
    expect(
      accepted({
        type: 'child_data_removal',
        ...base,
        details: {
          child: { name: 'Tim', email: 'tim@example.com', username: 'tim', dateOfBirth: '2017-05-01' },
          relationship: 'legal_guardian',
          childAge: 0,
          note: 'Please delete everything.',
        },
      }),
    ).toBeTruthy();
    expect(
      accepted({
        type: 'child_data_removal',
        ...base,
        details: { ...details, childAge: 12, child: { name: 'A' } },
      }),
    ).toBeTruthy();
  });

  it('accepts values at their size limits', () => {
    const local = 'a'.repeat(64);
    const domain = `${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(58)}.de`;
    const email = `${local}@${domain}`;
    expect(email).toHaveLength(254);
    expect(
      accepted({
        type: 'access',
        ...base,
        email,
        name: 'n'.repeat(200),
        details: { note: 'x'.repeat(2000) },
      }),
    ).toBeTruthy();
    expect(
      accepted({
        type: 'rectification',
        ...base,
        details: {
          corrections: Array.from({ length: 20 }, () => ({
            field: 'f'.repeat(100),
            currentValue: 'c'.repeat(1000),
            newValue: 'v'.repeat(1000),
          })),
          explanation: 'e'.repeat(2000),
        },
      }),
    ).toBeTruthy();
  });
});

describe('intakeSchema: field errors', () => {
  it('reports a missing type as required', () => {
    expect(errorsOf({ ...base })).toEqual([
      { path: 'type', code: 'required', message: 'This field is required.' },
    ]);
  });

  it('reports an unknown type as invalid_value, listing the accepted types', () => {
    expect(errorsOf({ type: 'deletion', ...base })).toEqual([
      {
        path: 'type',
        code: 'invalid_value',
        message: 'Must be one of: access, rectification, erasure, opt_out, child_data_removal.',
      },
    ]);
  });

  it('reports a body that is not an object', () => {
    expect(errorsOf(['access'])).toEqual([{ path: '', code: 'invalid_type', message: 'Must be an object.' }]);
    expect(errorsOf('access')).toEqual([{ path: '', code: 'invalid_type', message: 'Must be an object.' }]);
    expect(errorsOf(undefined)).toEqual([{ path: '', code: 'required', message: 'This field is required.' }]);
  });

  it('reports missing required fields', () => {
    expect(errorsOf({ type: 'access' })).toEqual([
      { path: 'email', code: 'required', message: 'This field is required.' },
      { path: 'country', code: 'required', message: 'This field is required.' },
    ]);
    expect(errorsOf({ type: 'rectification', ...base })).toEqual([
      { path: 'details', code: 'required', message: 'This field is required.' },
    ]);
    expect(errorsOf({ type: 'rectification', ...base, details: { corrections: [{ field: 'x' }] } })).toEqual([
      { path: 'details.corrections.0.newValue', code: 'required', message: 'This field is required.' },
      { path: 'details.explanation', code: 'required', message: 'This field is required.' },
    ]);
  });

  it('reports wrong types', () => {
    expect(errorsOf({ type: 'access', ...base, email: 42 })).toEqual([
      { path: 'email', code: 'invalid_type', message: 'Must be text.' },
    ]);
    expect(errorsOf({ type: 'access', ...base, name: null })).toEqual([
      { path: 'name', code: 'invalid_type', message: 'Must be text.' },
    ]);
    expect(errorsOf({ type: 'opt_out', ...base, details: { channels: 'email' } })).toEqual([
      { path: 'details.channels', code: 'invalid_type', message: 'Must be a list.' },
    ]);
    expect(errorsOf({ type: 'access', ...base, details: 'all' })).toEqual([
      { path: 'details', code: 'invalid_type', message: 'Must be an object.' },
    ]);
    expect(
      errorsOf({
        type: 'child_data_removal',
        ...base,
        details: { child: { name: 'A' }, relationship: 'parent', childAge: '9' },
      }),
    ).toEqual([{ path: 'details.childAge', code: 'invalid_type', message: 'Must be a number.' }]);
    expect(
      errorsOf({
        type: 'child_data_removal',
        ...base,
        details: { child: { name: 'A' }, relationship: 'parent', childAge: 9.5 },
      }),
    ).toEqual([{ path: 'details.childAge', code: 'invalid_type', message: 'Must be a whole number.' }]);
  });

  it('reports values that are too long', () => {
    expect(errorsOf({ type: 'access', ...base, email: `${'a'.repeat(250)}@x.de` })).toEqual([
      { path: 'email', code: 'too_long', message: 'Must be at most 254 characters.' },
    ]);
    expect(errorsOf({ type: 'access', ...base, name: 'n'.repeat(201) })).toEqual([
      { path: 'name', code: 'too_long', message: 'Must be at most 200 characters.' },
    ]);
    expect(errorsOf({ type: 'erasure', ...base, details: { note: 'x'.repeat(2001) } })).toEqual([
      { path: 'details.note', code: 'too_long', message: 'Must be at most 2000 characters.' },
    ]);
    expect(
      errorsOf({
        type: 'rectification',
        ...base,
        details: { corrections: [{ field: 'f', newValue: 'v'.repeat(1001) }], explanation: 'e' },
      }),
    ).toEqual([
      {
        path: 'details.corrections.0.newValue',
        code: 'too_long',
        message: 'Must be at most 1000 characters.',
      },
    ]);
    expect(
      errorsOf({
        type: 'rectification',
        ...base,
        details: {
          corrections: Array.from({ length: 21 }, () => ({ field: 'f', newValue: 'v' })),
          explanation: 'e',
        },
      }),
    ).toEqual([{ path: 'details.corrections', code: 'too_long', message: 'Must have at most 20 items.' }]);
  });

  it('reports values that are too short', () => {
    expect(errorsOf({ type: 'access', ...base, name: '   ' })).toEqual([
      { path: 'name', code: 'too_short', message: 'Must not be empty.' },
    ]);
    expect(
      errorsOf({ type: 'rectification', ...base, details: { corrections: [], explanation: 'why' } }),
    ).toEqual([{ path: 'details.corrections', code: 'too_short', message: 'Must have at least one item.' }]);
    expect(errorsOf({ type: 'opt_out', ...base, details: { channels: [] } })).toEqual([
      { path: 'details.channels', code: 'too_short', message: 'Must have at least one item.' },
    ]);
  });

  it('reports numbers out of range, with the COPPA reason for an older child', () => {
    const details = { child: { name: 'A' }, relationship: 'parent' };
    expect(errorsOf({ type: 'child_data_removal', ...base, details: { ...details, childAge: 13 } })).toEqual([
      {
        path: 'details.childAge',
        code: 'too_big',
        message: 'Must be 12 or under: this request covers children under 13 (COPPA).',
      },
    ]);
    expect(errorsOf({ type: 'child_data_removal', ...base, details: { ...details, childAge: -1 } })).toEqual([
      { path: 'details.childAge', code: 'too_small', message: 'Must be at least 0.' },
    ]);
  });

  it('reports invalid email addresses', () => {
    for (const email of [
      'ada',
      'ada@',
      '@example.com',
      'ada@example',
      'ada lovelace@example.com',
      'ada@exa mple.com',
    ]) {
      expect(errorsOf({ type: 'access', ...base, email })).toEqual([
        { path: 'email', code: 'invalid_email', message: 'Must be a valid email address.' },
      ]);
    }
    expect(
      errorsOf({
        type: 'child_data_removal',
        ...base,
        details: { child: { email: 'tim' }, relationship: 'parent', childAge: 9 },
      }),
    ).toEqual([
      { path: 'details.child.email', code: 'invalid_email', message: 'Must be a valid email address.' },
    ]);
  });

  it('reports invalid values', () => {
    expect(errorsOf({ type: 'access', ...base, country: 'DEU' })).toEqual([
      {
        path: 'country',
        code: 'invalid_value',
        message: 'Must be a two-letter ISO 3166-1 country code, such as DE or US.',
      },
    ]);
    expect(errorsOf({ type: 'access', ...base, country: 'D1' })).toMatchObject([
      { path: 'country', code: 'invalid_value' },
    ]);
    expect(errorsOf({ type: 'access', ...base, region: 'California' })).toEqual([
      {
        path: 'region',
        code: 'invalid_value',
        message: 'Must be an ISO 3166-2 subdivision code, such as CA or US-CA.',
      },
    ]);
    expect(errorsOf({ type: 'access', ...base, region: '' })).toMatchObject([
      { path: 'region', code: 'invalid_value' },
    ]);
    expect(errorsOf({ type: 'access', ...base, language: 'fr' })).toEqual([
      { path: 'language', code: 'invalid_value', message: 'Must be one of: en, de.' },
    ]);
    expect(errorsOf({ type: 'opt_out', ...base, details: { channels: ['sms'] } })).toEqual([
      {
        path: 'details.channels.0',
        code: 'invalid_value',
        message: 'Must be one of: email, notifications, surveys, sale_sharing, all.',
      },
    ]);
    expect(
      errorsOf({
        type: 'child_data_removal',
        ...base,
        details: { child: { name: 'A' }, relationship: 'aunt', childAge: 9 },
      }),
    ).toEqual([
      {
        path: 'details.relationship',
        code: 'invalid_value',
        message: 'Must be one of: parent, legal_guardian.',
      },
    ]);
  });

  it('reports a region that belongs to another country', () => {
    expect(errorsOf({ type: 'access', ...base, country: 'US', region: 'MX-CA' })).toEqual([
      { path: 'region', code: 'invalid_value', message: 'Region MX-CA is not in country US.' },
    ]);
  });

  it('reports unknown fields at every level', () => {
    expect(errorsOf({ type: 'access', ...base, admin: true })).toEqual([
      { path: 'admin', code: 'unknown_field', message: 'This field is not accepted.' },
    ]);
    expect(errorsOf({ type: 'access', ...base, details: { note: 'x', format: 'json' } })).toEqual([
      { path: 'details.format', code: 'unknown_field', message: 'This field is not accepted.' },
    ]);
    expect(
      errorsOf({
        type: 'rectification',
        ...base,
        details: { corrections: [{ field: 'f', newValue: 'v', id: 1, sql: 'x' }], explanation: 'e' },
      }),
    ).toEqual([
      { path: 'details.corrections.0.id', code: 'unknown_field', message: 'This field is not accepted.' },
      { path: 'details.corrections.0.sql', code: 'unknown_field', message: 'This field is not accepted.' },
    ]);
    expect(
      errorsOf({
        type: 'child_data_removal',
        ...base,
        details: { child: { name: 'A', ssn: '1' }, relationship: 'parent', childAge: 9 },
      }),
    ).toEqual([{ path: 'details.child.ssn', code: 'unknown_field', message: 'This field is not accepted.' }]);
  });

  it('reports details that belong to another type as unknown fields', () => {
    expect(errorsOf({ type: 'erasure', ...base, details: { channels: ['email'] } })).toEqual([
      { path: 'details.channels', code: 'unknown_field', message: 'This field is not accepted.' },
    ]);
  });

  it('reports an impossible date of birth', () => {
    for (const dateOfBirth of ['2017-02-29', '2017-13-01', '01/05/2017', '2017-5-1']) {
      expect(
        errorsOf({
          type: 'child_data_removal',
          ...base,
          details: { child: { dateOfBirth }, relationship: 'parent', childAge: 9 },
        }),
      ).toEqual([
        {
          path: 'details.child.dateOfBirth',
          code: 'invalid_date',
          message: 'Must be a real date in the form YYYY-MM-DD.',
        },
      ]);
    }
  });

  it('requires at least one way to identify the child', () => {
    expect(
      errorsOf({
        type: 'child_data_removal',
        ...base,
        details: { child: {}, relationship: 'parent', childAge: 9 },
      }),
    ).toEqual([
      {
        path: 'details.child',
        code: 'required',
        message: "Give at least one of the child's name, email, username or date of birth.",
      },
    ]);
  });

  it('reports a repeated opt-out channel', () => {
    expect(errorsOf({ type: 'opt_out', ...base, details: { channels: ['email', 'email'] } })).toEqual([
      { path: 'details.channels', code: 'duplicate', message: 'Each channel may be listed only once.' },
    ]);
  });

  it('reports several problems at once', () => {
    expect(errorsOf({ type: 'access', email: 'nope', country: 'Germany', extra: 1 })).toEqual([
      { path: 'email', code: 'invalid_email', message: 'Must be a valid email address.' },
      {
        path: 'country',
        code: 'invalid_value',
        message: 'Must be a two-letter ISO 3166-1 country code, such as DE or US.',
      },
      { path: 'extra', code: 'unknown_field', message: 'This field is not accepted.' },
    ]);
  });
});

describe('intakeSchema as JSON Schema', () => {
  it('describes the input of every request type for the API documentation', () => {
    const schema = z.toJSONSchema(intakeSchema, {
      target: 'openapi-3.0',
      io: 'input',
      unrepresentable: 'any',
    }) as {
      oneOf: Array<{
        properties: Record<string, { enum?: string[]; format?: string }>;
        additionalProperties: boolean;
      }>;
    };
    expect(schema.oneOf.map((variant) => variant.properties.type.enum)).toEqual([
      ['access'],
      ['rectification'],
      ['erasure'],
      ['opt_out'],
      ['child_data_removal'],
    ]);
    expect(schema.oneOf.every((variant) => variant.additionalProperties === false)).toBe(true);
    expect(schema.oneOf[0].properties.email.format).toBe('email');
  });
});

describe('parseIntake', () => {
  it('returns the parsed input', () => {
    expect(parseIntake({ type: 'access', ...base })).toMatchObject({ type: 'access', language: 'en' });
  });

  it('throws a validation_failed RequestException with field errors', () => {
    let thrown: unknown;
    try {
      parseIntake({ type: 'access', ...base, email: 'nope' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RequestException);
    expect((thrown as RequestException).code).toBe('validation_failed');
    expect((thrown as RequestException).details?.fieldErrors).toEqual([
      { path: 'email', code: 'invalid_email', message: 'Must be a valid email address.' },
    ]);
  });
});
