import type { ChildRelationship, IntakeLanguage, OptOutChannel, RequestType } from '@rightsdesk/domain';

export interface CorrectionRow {
  /** A stable React key for the row, never sent. */
  key: number;
  field: string;
  currentValue: string;
  newValue: string;
}

/** What the form's controls hold: strings as typed, turned into the API's body only on submit. */
export interface IntakeFormState {
  email: string;
  name: string;
  country: string;
  region: string;
  note: string;
  corrections: CorrectionRow[];
  explanation: string;
  channels: OptOutChannel[];
  child: { name: string; email: string; username: string; dateOfBirth: string };
  relationship: ChildRelationship | '';
  childAge: string;
}

export const MAX_CORRECTIONS = 20;

let nextKey = 1;

export function aCorrectionRow(): CorrectionRow {
  nextKey += 1;
  return { key: nextKey, field: '', currentValue: '', newValue: '' };
}

export function emptyIntakeForm(): IntakeFormState {
  return {
    email: '',
    name: '',
    country: '',
    region: '',
    note: '',
    corrections: [aCorrectionRow()],
    explanation: '',
    channels: [],
    child: { name: '', email: '', username: '', dateOfBirth: '' },
    relationship: '',
    childAge: '',
  };
}

// An empty optional box means "not given": it is left out, as the API expects, rather than sent as ''.
function given(value: string): string | undefined {
  return value.trim() === '' ? undefined : value;
}

// Digits become a number; anything else is sent as typed so the shared schema names the problem.
function age(value: string): number | string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') {
    return undefined;
  }
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** A body as the person filled it in: not yet valid, so not yet typed as one. */
export type IntakeDraft = { type: RequestType } & Record<string, unknown>;

/**
 * The draft of the body for POST /api/v1/requests, for the caller to check with the server's own
 * schema. The region is sent only for the United States, the one country whose subdivisions change
 * the law.
 */
export function intakeDraft(type: RequestType, form: IntakeFormState, language: IntakeLanguage): IntakeDraft {
  const common = {
    email: given(form.email),
    name: given(form.name),
    country: given(form.country),
    region: form.country === 'US' ? given(form.region) : undefined,
    language,
  };
  switch (type) {
    case 'access':
    case 'erasure':
      return { type, ...common, details: given(form.note) === undefined ? undefined : { note: form.note } };
    case 'rectification':
      return {
        type,
        ...common,
        details: {
          corrections: form.corrections.map((row) => ({ field: row.field, currentValue: given(row.currentValue), newValue: row.newValue })),
          explanation: form.explanation,
        },
      };
    case 'opt_out':
      return { type, ...common, details: { channels: form.channels } };
    case 'child_data_removal':
      return {
        type,
        ...common,
        details: {
          child: {
            name: given(form.child.name),
            email: given(form.child.email),
            username: given(form.child.username),
            dateOfBirth: given(form.child.dateOfBirth),
          },
          relationship: form.relationship || undefined,
          childAge: age(form.childAge),
          note: given(form.note),
        },
      };
  }
}

/** What each part of the form gets: the state, a way to change it, and the message for a path. */
export interface IntakeSectionProps {
  form: IntakeFormState;
  update: (patch: Partial<IntakeFormState>) => void;
  errorFor: (path: string) => string | undefined;
}
