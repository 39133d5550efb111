import { fieldRefKey, type ResolvedKeys, type SubjectIdentities } from '../connector';
import {
  type DataMap,
  type FieldRef,
  IDENTITY_KINDS,
  type IdentityKind,
  type KeyPlaceholder,
} from './datamap.types';

const PLACEHOLDER = /\{([^{}]*)\}/g;
const NAME = '[a-z][a-z0-9_]{0,62}';
const COLUMN = '[A-Za-z_][A-Za-z0-9_]{0,62}';
const FIELD_REF = new RegExp(`^(${NAME})\\.(${NAME})\\.(${COLUMN})$`);

/** The placeholder names in a key template, in order of appearance: `a/{email}/` → `['email']`. */
export function placeholdersIn(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1]);
}

/** `email` → an identity; `shop.customers.id` → a field of another system; anything else → undefined. */
export function parseKeyPlaceholder(text: string): KeyPlaceholder | undefined {
  if ((IDENTITY_KINDS as readonly string[]).includes(text)) {
    return { kind: 'identity', identity: text as IdentityKind };
  }
  const match = FIELD_REF.exec(text);
  if (!match) {
    return undefined;
  }
  return { kind: 'field', ref: { system: match[1], collection: match[2], field: match[3] } };
}

export function placeholderText(placeholder: KeyPlaceholder): string {
  return placeholder.kind === 'identity' ? placeholder.identity : fieldRefKey(placeholder.ref);
}

/**
 * Why a key template is unsafe or malformed (empty when it is fine). Every object under the expanded
 * prefix is treated as the subject's, so each placeholder must fill a whole path segment that a `/`
 * closes: `avatars/{id}` would also match `avatars/42/` and `avatars/421/` alike.
 */
export function keyTemplateProblems(template: string): string[] {
  const problems: string[] = [];
  const stripped = template.replace(PLACEHOLDER, '');
  if (stripped.includes('{') || stripped.includes('}')) {
    problems.push('has an unbalanced "{" or "}"');
  }
  const names = placeholdersIn(template);
  if (names.length === 0) {
    problems.push(
      'has no placeholder; without one the prefix would hand every subject\'s objects to each request (e.g. "avatars/{user_id}/")',
    );
  }
  if (template.startsWith('/')) {
    problems.push('must not start with "/"; S3 keys have no leading slash');
  }
  const segments = template.split('/');
  const inner = segments.slice(template.startsWith('/') ? 1 : 0, -1);
  if (inner.some((segment) => segment === '' || segment === '.' || segment === '..')) {
    problems.push('has an empty, "." or ".." path segment');
  }
  for (const [index, segment] of segments.entries()) {
    for (const name of placeholdersIn(segment)) {
      if (segment !== `{${name}}`) {
        problems.push(`placeholder {${name}} must fill a whole path segment, e.g. "avatars/{${name}}/"`);
      } else if (index === segments.length - 1) {
        problems.push(
          `placeholder {${name}} must be followed by "/"; otherwise the prefix for 42 would also match 421`,
        );
      }
    }
  }
  return problems;
}

function isControl(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

/** Why a resolved value cannot go into a key prefix, or undefined when it can. */
export function keyValueProblem(value: string): string | undefined {
  if (value === '' || value === '.') {
    return 'is empty or "."';
  }
  if (value.includes('/') || value.includes('\\')) {
    return 'contains a slash';
  }
  if (value.includes('..')) {
    return 'contains ".."';
  }
  // Control characters (C0, DEL, C1) have no business in a key and confuse listing and logs.
  if ([...value].some((char) => isControl(char.codePointAt(0) ?? 0))) {
    return 'contains a control character';
  }
  return undefined;
}

function valuesOf(placeholder: KeyPlaceholder, identities: SubjectIdentities, keys: ResolvedKeys): string[] {
  const values =
    placeholder.kind === 'identity' ? identities[placeholder.identity] : keys[fieldRefKey(placeholder.ref)];
  return [...new Set(values ?? [])];
}

/**
 * Every prefix the subject's objects live under: the cartesian product of the values of the
 * template's placeholders. A placeholder without a value yields no prefix at all. A value that could
 * widen the prefix beyond its segment (a slash, "..", a control character) throws: erasing someone
 * else's objects is worse than failing the request. The error names the placeholder, not the value.
 */
export function expandKeyTemplate(
  template: string,
  placeholders: KeyPlaceholder[],
  identities: SubjectIdentities,
  keys: ResolvedKeys,
): string[] {
  const byText = new Map(placeholders.map((placeholder) => [placeholderText(placeholder), placeholder]));
  const names = [...new Set(placeholdersIn(template))];
  const choices: Array<{ name: string; values: string[] }> = [];
  for (const name of names) {
    const placeholder = byText.get(name);
    if (!placeholder) {
      throw new Error(`key template placeholder {${name}} is not among the collection's placeholders`);
    }
    const values = valuesOf(placeholder, identities, keys);
    for (const value of values) {
      const problem = keyValueProblem(value);
      if (problem) {
        throw new Error(
          `a value for key template placeholder {${name}} ${problem}; refusing to build an S3 prefix from it`,
        );
      }
    }
    choices.push({ name, values });
  }
  let combinations: Array<Record<string, string>> = [{}];
  for (const { name, values } of choices) {
    combinations = combinations.flatMap((combination) =>
      values.map((value) => ({ ...combination, [name]: value })),
    );
  }
  const prefixes = combinations.map((combination) =>
    template.replace(PLACEHOLDER, (_, name: string) => combination[name]),
  );
  return [...new Set(prefixes)];
}

/**
 * Fields of one system that other systems are keyed by (S3 key templates, webhook identities), each
 * once: the executor resolves them from their own system before it runs the systems that need them.
 */
export function crossSystemKeys(map: DataMap): FieldRef[] {
  const found = new Map<string, FieldRef>();
  const add = (placeholder: KeyPlaceholder): void => {
    if (placeholder.kind === 'field' && !found.has(fieldRefKey(placeholder.ref))) {
      found.set(fieldRefKey(placeholder.ref), placeholder.ref);
    }
  };
  for (const system of map.systems) {
    if (system.kind === 's3') {
      system.collections.forEach((collection) => collection.placeholders.forEach(add));
    } else if (system.kind === 'webhook') {
      system.identities.forEach(add);
    }
  }
  return [...found.values()];
}
