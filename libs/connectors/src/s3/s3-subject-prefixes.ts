import { fieldRefKey, type ResolvedKeys, type Subject, type SubjectIdentities } from '../connector';
import { type S3Collection } from '../datamap/datamap.types';
import {
  expandKeyTemplate,
  keyTemplateProblems,
  keyValueProblem,
  placeholderText,
} from '../datamap/subject-keys';

// S3 keys are at most 1024 bytes of UTF-8: a longer prefix cannot match any object.
const MAX_KEY_BYTES = 1024;

export interface SubjectPrefixes {
  prefixes: string[];
  /** Why some of the subject's values were not used (names placeholders, never values). */
  notes: string[];
}

/**
 * The key prefixes of the subject's objects in one collection. A value that could widen its prefix
 * beyond its own path segment (a slash, "..", a control character) is left out rather than used:
 * it cannot name an object of this subject under a one-segment placeholder, and used it would reach
 * someone else's. Each skip is noted so an officer sees it.
 */
export function subjectPrefixes(where: string, collection: S3Collection, subject: Subject): SubjectPrefixes {
  // The parser refuses these templates already; checked again because a wrong prefix here deletes
  // someone else's files.
  const problems = keyTemplateProblems(collection.keyTemplate);
  if (problems.length > 0) {
    throw new Error(problems.map((problem) => `${where}: key template ${problem}`).join('; '));
  }
  const notes: string[] = [];
  const identities: SubjectIdentities = { ...subject.identities };
  const keys: ResolvedKeys = { ...subject.keys };
  for (const placeholder of collection.placeholders) {
    const values =
      placeholder.kind === 'identity'
        ? identities[placeholder.identity]
        : (keys[fieldRefKey(placeholder.ref)] ?? []);
    const usable = values.filter((value) => keyValueProblem(value) === undefined);
    const skipped = values.length - usable.length;
    if (skipped > 0) {
      notes.push(
        `${where}: ${skipped} value${skipped === 1 ? '' : 's'} for {${placeholderText(placeholder)}} cannot be part of an object key and ${skipped === 1 ? 'was' : 'were'} skipped`,
      );
    }
    if (placeholder.kind === 'identity') {
      identities[placeholder.identity] = usable;
    } else {
      keys[fieldRefKey(placeholder.ref)] = usable;
    }
  }
  const prefixes = expandKeyTemplate(
    collection.keyTemplate,
    collection.placeholders,
    identities,
    keys,
  ).filter((prefix) => Buffer.byteLength(prefix, 'utf8') <= MAX_KEY_BYTES);
  return { prefixes, notes };
}
