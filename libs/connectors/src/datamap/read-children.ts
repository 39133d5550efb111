import type { RawChildren } from './datamap.schema';
import type { DataMapReader } from './datamap-reader';
import type { ChildrenRule, SubjectLink } from './datamap.types';
import type { PathStep } from './yaml-locator';

/**
 * Checks a `children:` block against how the collection finds people: a child found by birth date
 * becomes a child_data_removal request, and a request needs an email or username to name the child.
 */
export function readChildren(
  reader: DataMapReader,
  path: PathStep[],
  raw: RawChildren,
  subject: SubjectLink | undefined,
): ChildrenRule {
  const namesSomeone =
    subject?.by === 'identity' && subject.fields.some((field) => field.identity === 'email' || field.identity === 'username');
  // An unusable subject link has its own message already.
  if (subject && !namesSomeone) {
    reader.report(
      path,
      'a child found here could not be identified for the removal request: the collection needs identity: with an email or username column',
    );
  }
  const rule: ChildrenRule = { birthDate: raw.birthDate, under: raw.under };
  if (raw.schedule !== undefined) {
    rule.schedule = raw.schedule;
  }
  return rule;
}
