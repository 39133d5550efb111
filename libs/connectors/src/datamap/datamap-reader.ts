import type { z } from 'zod';
import { UNKNOWN_KEY_PARAM } from './datamap.schema';
import type { ConfigValue, DataMapIssue, FieldRef } from './datamap.types';
import { didYouMean } from './did-you-mean';
import { formatPath, type PathStep, type Position } from './yaml-locator';

function describe(value: unknown): string {
  if (value === null) {
    return 'an empty value';
  }
  if (Array.isArray(value)) {
    return 'a list';
  }
  if (typeof value === 'object') {
    return 'a map';
  }
  return `a ${typeof value}`;
}

const EXPECTED: Record<string, string> = {
  object: 'a map',
  record: 'a map',
  array: 'a list',
  int: 'a whole number',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
};

// Messages for the issues the schema leaves to zod's defaults, in the data map's words.
function dataMapErrorMap(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) {
        return `required key "${String(issue.path?.at(-1) ?? '')}" is missing`;
      }
      return `must be ${EXPECTED[issue.expected] ?? issue.expected}, not ${describe(issue.input)}`;
    }
    case 'too_small':
      if (issue.origin === 'string') {
        return 'must not be empty';
      }
      if (issue.origin === 'array') {
        return `must list at least ${Number(issue.minimum)}`;
      }
      return `must be at least ${Number(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'string' || issue.origin === 'array'
        ? `must have at most ${Number(issue.maximum)}`
        : `must be at most ${Number(issue.maximum)}`;
    case 'invalid_value': {
      if (issue.input === undefined) {
        return `required key "${String(issue.path?.at(-1) ?? '')}" is missing`;
      }
      const values = issue.values.map((value) => JSON.stringify(value));
      const hint = typeof issue.input === 'string' ? didYouMean(issue.input, issue.values.map(String)) : '';
      return `must be ${values.join(' or ')}${hint}`;
    }
    default:
      return undefined;
  }
}

function isContainer(value: unknown): boolean {
  return value !== null && typeof value === 'object';
}

function isUnknownKeyIssue(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'custom' && issue.params?.[UNKNOWN_KEY_PARAM] === true;
}

/** Postgres fields a key template or webhook identity names, checked once every system is read. */
export interface PendingFieldRef {
  ref: FieldRef;
  path: PathStep[];
  /** What names the field, for the message: `key template`, `identity`. */
  usedAs: string;
}

/**
 * Reads pieces of the raw data map with the schema and collects every issue with its place in the
 * file, so one run reports all problems rather than the first.
 */
export class DataMapReader {
  readonly issues: DataMapIssue[] = [];
  readonly fieldRefs: PendingFieldRef[] = [];

  constructor(
    readonly file: string,
    readonly root: unknown,
    private readonly locate: (path: readonly PathStep[]) => Position,
    private readonly env?: Record<string, string | undefined>,
  ) {}

  valueAt(path: readonly PathStep[]): unknown {
    let value: unknown = this.root;
    for (const step of path) {
      if (!isContainer(value)) {
        return undefined;
      }
      value = (value as Record<PathStep, unknown>)[step];
    }
    return value;
  }

  report(path: readonly PathStep[], message: string): void {
    const { line, column } = this.locate(path);
    this.issues.push({ file: this.file, line, column, path: formatPath(path), message });
  }

  /** The value at `path` checked with `schema`, or undefined (and issues) when it does not fit. */
  parse<S extends z.ZodType>(schema: S, path: readonly PathStep[]): z.output<S> | undefined {
    const result = schema.safeParse(this.valueAt(path), { error: dataMapErrorMap });
    if (result.success) {
      return result.data;
    }
    for (const issue of result.error.issues) {
      this.convert(issue, path);
    }
    return undefined;
  }

  /** When an environment was given, every `{ env: NAME }` must be set in it. */
  checkEnv(value: ConfigValue | undefined, path: readonly PathStep[]): void {
    if (this.env && value && 'env' in value && (this.env[value.env] ?? '') === '') {
      this.report(path, `environment variable ${value.env} is not set`);
    }
  }

  private convert(issue: z.core.$ZodIssue, base: readonly PathStep[]): void {
    const path = [...base, ...(issue.path as PathStep[])];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // A union fails as a whole; when exactly one branch agrees with the input's shape (a map
      // where a map is wanted, no key that branch does not know), its issues say what is wrong.
      const input = this.valueAt(path);
      const fitting = issue.errors.filter(
        (branch) =>
          !branch.some(
            (inner) =>
              (inner.path.length === 0 &&
                (inner.code === 'invalid_type' || (inner.code === 'invalid_value' && isContainer(input)))) ||
              (inner.path.length === 1 && isUnknownKeyIssue(inner)),
          ),
      );
      if (fitting.length === 1) {
        fitting[0].forEach((inner) => this.convert(inner, path));
        return;
      }
    }
    if (issue.code === 'invalid_key') {
      const key = String(issue.path.at(-1));
      this.report(path, `name "${key}" ${issue.issues[0]?.message ?? 'is not valid'}`);
      return;
    }
    this.report(path, issue.message);
  }
}
