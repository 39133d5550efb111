import {
  addMonthsClamped,
  type ChildRelationship,
  type FieldError,
  intakeFieldErrors,
  intakeSchema,
  isCalendarDate,
  type LoggedChannel,
  type OptOutChannel,
  type RequestType,
} from '@rightsdesk/domain';
import type { paths } from '../../api/schema';
import type { FieldProblem } from '../../components/form';
import type { NewRequestMessages } from './new-request.messages';

export type LoggedRequestBody = paths['/api/v1/console/requests']['post']['requestBody']['content']['application/json'];

export interface CorrectionDraft {
  field: string;
  currentValue: string;
  newValue: string;
}

/** What the form holds: strings as typed, turned into the api's body only on submit. */
export interface LoggedRequestDraft {
  type: RequestType;
  channel: LoggedChannel | '';
  receivedOn: string;
  identityVerified: boolean;
  email: string;
  name: string;
  country: string;
  region: string;
  language: 'en' | 'de';
  note: string;
  corrections: CorrectionDraft[];
  explanation: string;
  channels: OptOutChannel[];
  child: { name: string; email: string; username: string; dateOfBirth: string };
  relationship: ChildRelationship | '';
  childAge: string;
}

export function emptyDraft(today: string): LoggedRequestDraft {
  return {
    type: 'access',
    channel: '',
    receivedOn: today,
    identityVerified: false,
    email: '',
    name: '',
    country: '',
    region: '',
    language: 'en',
    note: '',
    corrections: [{ field: '', currentValue: '', newValue: '' }],
    explanation: '',
    channels: [],
    child: { name: '', email: '', username: '', dateOfBirth: '' },
    relationship: '',
    childAge: '',
  };
}

function optional(value: string): string | undefined {
  return value.trim() === '' ? undefined : value.trim();
}

/** The intake part of the body: only what the type takes, empty optional fields left out. */
export function intakeOf(draft: LoggedRequestDraft): Record<string, unknown> {
  // Empty required fields are left out too, so the schema says "required" rather than "invalid".
  const common = { type: draft.type, email: optional(draft.email), name: optional(draft.name), country: optional(draft.country), region: optional(draft.region), language: draft.language };
  switch (draft.type) {
    case 'access':
    case 'erasure':
      return { ...common, details: optional(draft.note) ? { note: optional(draft.note) } : undefined };
    case 'rectification':
      return {
        ...common,
        details: {
          corrections: draft.corrections.map((c) => ({ field: c.field.trim(), currentValue: optional(c.currentValue), newValue: c.newValue.trim() })),
          explanation: draft.explanation.trim(),
        },
      };
    case 'opt_out':
      return { ...common, details: { channels: draft.channels } };
    case 'child_data_removal':
      return {
        ...common,
        details: {
          child: {
            name: optional(draft.child.name),
            email: optional(draft.child.email),
            username: optional(draft.child.username),
            dateOfBirth: optional(draft.child.dateOfBirth),
          },
          relationship: draft.relationship || undefined,
          childAge: draft.childAge.trim() === '' ? undefined : Number(draft.childAge),
          note: optional(draft.note),
        },
      };
  }
}

/** The control that shows an error at an api path (`details.corrections.0.newValue` → its input). */
export function controlIdFor(path: string): string {
  switch (path) {
    case 'details':
    case 'details.corrections':
      return 'log-details-corrections-0-field';
    case 'details.channels':
      return 'log-details-channels-email';
    case 'details.child':
      return 'log-details-child-name';
    case 'details.relationship':
      return 'log-details-relationship-parent';
    case 'channel':
      return 'log-channel-post';
    case 'type':
      return 'log-type-access';
    default:
      return `log-${path.replace(/\./g, '-')}`;
  }
}

interface ProblemContext {
  m: NewRequestMessages;
  /** The label a person sees for the control at a path. */
  labelFor(path: string): string;
}

/** Field errors (from the shared intake schema, or the api) as problems in the officer's language. */
export function problemsFrom(errors: FieldError[], { m, labelFor }: ProblemContext): FieldProblem[] {
  return errors.map((error) => {
    const own = error.path === 'channel' ? m.problems.channelRequired : error.path === 'receivedOn' ? receivedOnProblem(error.code, m) : undefined;
    return { id: controlIdFor(error.path), message: own ?? m.problems.prefix(labelFor(error.path), m.problems.codes[error.code] ?? error.message) };
  });
}

function receivedOnProblem(code: string, m: NewRequestMessages): string | undefined {
  switch (code) {
    case 'required':
      return m.problems.receivedOnRequired;
    case 'too_big':
      return m.problems.receivedOnFuture;
    case 'too_small':
      return m.problems.receivedOnTooOld;
    default:
      return undefined;
  }
}

/**
 * The same checks the api runs — the intake schema both share, plus how and when it arrived — so
 * the officer sees every problem at once before anything is sent.
 */
export function validateDraft(draft: LoggedRequestDraft, today: string): FieldError[] {
  const errors: FieldError[] = [];
  const parsed = intakeSchema.safeParse(intakeOf(draft));
  if (!parsed.success) {
    errors.push(...intakeFieldErrors(parsed.error));
  }
  if (!draft.channel) {
    errors.push({ path: 'channel', code: 'required', message: 'This field is required.' });
  }
  if (!draft.receivedOn) {
    errors.push({ path: 'receivedOn', code: 'required', message: 'This field is required.' });
  } else if (!isCalendarDate(draft.receivedOn)) {
    errors.push({ path: 'receivedOn', code: 'invalid_date', message: 'Must be a real date in the form YYYY-MM-DD.' });
  } else if (draft.receivedOn > today) {
    errors.push({ path: 'receivedOn', code: 'too_big', message: `Must not be in the future (today is ${today}).` });
  } else if (draft.receivedOn < addMonthsClamped(today, -12)) {
    errors.push({ path: 'receivedOn', code: 'too_small', message: 'Must not be more than a year ago.' });
  }
  return errors;
}

/** The body for the api, once validateDraft found nothing. */
export function bodyOf(draft: LoggedRequestDraft): LoggedRequestBody {
  return { ...(intakeOf(draft) as LoggedRequestBody), channel: draft.channel as LoggedChannel, receivedOn: draft.receivedOn, identityVerified: draft.identityVerified };
}
