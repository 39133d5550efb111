import type { FieldError } from '@rightsdesk/domain';
import type { IntakeProblemMessages, ProblemField } from './intake-problems.messages';

/** One problem with the form: where it is shown, the control the summary links to, and its words. */
export interface IntakeProblem {
  /** The path whose control shows the message (a group's path for errors inside a group). */
  path: string;
  /** The id of the control the error summary links to and focuses. */
  id: string;
  /** The message beside the control. */
  message: string;
  /** The message in the summary at the top, which also says which correction it is about. */
  summary: string;
}

interface Placement {
  path: string;
  id: string;
  field: ProblemField;
  row: number | null;
}

const CORRECTION_PARTS: Record<string, { field: ProblemField; id: string }> = {
  field: { field: 'correctionField', id: 'field' },
  currentValue: { field: 'correctionCurrent', id: 'current' },
  newValue: { field: 'correctionNew', id: 'new' },
};

const CHILD_PARTS: Record<string, { field: ProblemField; id: string }> = {
  name: { field: 'childName', id: 'child-name' },
  email: { field: 'childEmail', id: 'child-email' },
  username: { field: 'childUsername', id: 'child-username' },
  dateOfBirth: { field: 'childDateOfBirth', id: 'child-date-of-birth' },
};

const SIMPLE: Record<string, { field: ProblemField; id: string }> = {
  email: { field: 'email', id: 'email' },
  name: { field: 'name', id: 'name' },
  country: { field: 'country', id: 'country' },
  region: { field: 'region', id: 'region' },
  'details.note': { field: 'note', id: 'note' },
  'details.explanation': { field: 'explanation', id: 'explanation' },
  'details.corrections': { field: 'corrections', id: 'correction-0-field' },
  // Groups of choices: the summary links to the first choice.
  'details.channels': { field: 'channels', id: 'channel-email' },
  'details.child': { field: 'child', id: 'child-name' },
  'details.relationship': { field: 'relationship', id: 'relationship-parent' },
  'details.childAge': { field: 'childAge', id: 'child-age' },
};

/** Where an error of the shared schema (a dotted path such as details.corrections.1.newValue) belongs in the form. */
export function placeOf(path: string): Placement {
  const simple = SIMPLE[path];
  if (simple) {
    return { path, ...simple, row: null };
  }
  const channel = /^details\.channels\.\d+$/.exec(path);
  if (channel) {
    return { path: 'details.channels', ...SIMPLE['details.channels'], row: null };
  }
  const correction = /^details\.corrections\.(\d+)(?:\.(\w+))?/.exec(path);
  if (correction) {
    const row = Number(correction[1]);
    const part = CORRECTION_PARTS[correction[2] ?? ''];
    return part
      ? { path, field: part.field, id: `correction-${row}-${part.id}`, row }
      : { path, field: 'other', id: `correction-${row}-field`, row };
  }
  const child = /^details\.child\.(\w+)$/.exec(path);
  const childPart = child ? CHILD_PARTS[child[1]] : undefined;
  if (childPart) {
    return { path, ...childPart, row: null };
  }
  return { path, field: 'other', id: 'request-form', row: null };
}

// The schema's messages carry its limits ("Must be at most 200 characters."); the sentences here
// take the number from there, so the limits live only in the schema.
function sentence(texts: IntakeProblemMessages['texts'], field: ProblemField, error: FieldError): string {
  const template = texts[field][error.code] ?? texts[field].default;
  if (!template.includes('{limit}')) {
    return template;
  }
  const limit = /\d+/.exec(error.message)?.[0];
  return limit ? template.replace('{limit}', limit) : texts[field].default;
}

/** The schema's (or the server's) field errors in the person's language, one per place, in form order. */
export function intakeProblems(errors: FieldError[], m: IntakeProblemMessages): IntakeProblem[] {
  const seen = new Set<string>();
  const problems: IntakeProblem[] = [];
  for (const error of errors) {
    const place = placeOf(error.path);
    if (seen.has(place.path)) {
      continue;
    }
    seen.add(place.path);
    const message = sentence(m.texts, place.field, error);
    problems.push({ path: place.path, id: place.id, message, summary: place.row === null ? message : m.inCorrection(place.row + 1, message) });
  }
  return problems;
}
