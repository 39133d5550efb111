import type { RawRetention } from './datamap.schema';
import type { DataMapReader } from './datamap-reader';
import type { RetentionRule } from './datamap.types';
import { didYouMean } from './did-you-mean';
import { type ErasureTarget, erasureActionProblem } from './erasure-rules';
import type { PathStep } from './yaml-locator';

export type RetentionTarget =
  | { kind: 'postgres'; collection: string; fields: Map<string, ErasureTarget> }
  // Objects carry one time stamp and cannot be partly anonymized.
  | { kind: 's3' };

export const S3_TIMESTAMP_FIELD = 'last_modified';

/** Checks what the schema cannot see in a retention block and returns the rule. */
export function readRetention(
  reader: DataMapReader,
  path: PathStep[],
  raw: RawRetention,
  target: RetentionTarget,
): RetentionRule {
  if (raw.action === 'anonymize' && raw.anonymize === undefined && target.kind === 'postgres') {
    reader.report([...path, 'action'], 'action: anonymize needs an anonymize: map of field → erasure action');
  }
  if (raw.action === 'delete' && raw.anonymize !== undefined) {
    reader.report([...path, 'anonymize'], 'only used with action: anonymize');
  }
  if (target.kind === 's3') {
    if (raw.action === 'anonymize') {
      reader.report([...path, 'action'], 'objects cannot be anonymized; use action: delete');
    }
    if (raw.field !== S3_TIMESTAMP_FIELD) {
      reader.report([...path, 'field'], `an object's only time stamp is ${S3_TIMESTAMP_FIELD}`);
    }
    if (raw.condition !== undefined) {
      reader.report([...path, 'condition'], 'S3 retention takes no condition');
    }
  } else {
    for (const [field, action] of Object.entries(raw.anonymize ?? {})) {
      const fieldPath = [...path, 'anonymize', field];
      const spec = target.fields.get(field);
      if (!spec) {
        reader.report(
          fieldPath,
          `"${field}" is not a declared field of collection "${target.collection}"${didYouMean(field, target.fields.keys())}`,
        );
        continue;
      }
      if (action.action === 'delete_row') {
        reader.report(fieldPath, 'delete_row removes the whole row: use action: delete instead');
        continue;
      }
      const problem = erasureActionProblem(action, spec);
      if (problem) {
        reader.report(fieldPath, problem);
      }
    }
  }
  const rule: RetentionRule = {
    field: raw.field,
    period: raw.period,
    action: raw.action,
    legalHold: raw.legalHold,
  };
  if (raw.anonymize !== undefined) {
    rule.anonymize = raw.anonymize;
  }
  if (raw.condition !== undefined) {
    rule.condition = raw.condition;
  }
  if (raw.schedule !== undefined) {
    rule.schedule = raw.schedule;
  }
  return rule;
}
