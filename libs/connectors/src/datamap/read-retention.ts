import { type RawRetentionRule, retentionRuleSchema } from './datamap.schema';
import type { DataMapReader } from './datamap-reader';
import type { RetentionRule } from './datamap.types';
import { didYouMean } from './did-you-mean';
import { type ErasureTarget, erasureActionProblem } from './erasure-rules';
import { CHILDREN_RULE_NAME } from './rule-id';
import type { PathStep } from './yaml-locator';

export type RetentionTarget =
  | { kind: 'postgres'; collection: string; fields: Map<string, ErasureTarget> }
  // Objects carry one time stamp and cannot be partly anonymized.
  | { kind: 's3'; keyTemplate: string };

export const S3_TIMESTAMP_FIELD = 'last_modified';

/**
 * Reads `retention:` — one rule or a list of them — rule by rule, so each problem is reported at
 * its own rule. Returns the rules that parsed (none when the key is absent).
 */
export function readRetentionRules(reader: DataMapReader, path: PathStep[], target: RetentionTarget): RetentionRule[] {
  const value = reader.valueAt(path);
  if (value === undefined) {
    return [];
  }
  if (Array.isArray(value) && value.length === 0) {
    reader.report(path, 'must list at least one rule; leave retention out when nothing is deleted on a schedule');
    return [];
  }
  if (target.kind === 's3' && target.keyTemplate.startsWith('{')) {
    // The run lists the bucket under the template's fixed part; with none, that is the whole bucket.
    reader.report(path, 'an S3 retention rule needs a key template that starts with a fixed folder, e.g. avatars/{shop.customers.id}/');
    return [];
  }
  const rulePaths = Array.isArray(value) ? value.map((_, index) => [...path, index]) : [path];
  const rules: RetentionRule[] = [];
  for (const rulePath of rulePaths) {
    const raw = reader.parse(retentionRuleSchema, rulePath);
    if (!raw) {
      continue;
    }
    const rule = readRetention(reader, rulePath, raw, target);
    checkName(reader, rulePath, raw, rule.name, rules);
    rules.push(rule);
  }
  return rules;
}

// A rule's name is part of its id (system.collection.name), which runs and audit events record.
function checkName(
  reader: DataMapReader,
  path: PathStep[],
  raw: RawRetentionRule,
  name: string,
  earlier: RetentionRule[],
): void {
  if (name === CHILDREN_RULE_NAME) {
    reader.report([...path, 'name'], `"${CHILDREN_RULE_NAME}" is the id of the collection's children: block; give this rule another name`);
    return;
  }
  if (!earlier.some((rule) => rule.name === name)) {
    return;
  }
  if (raw.name === undefined) {
    reader.report(
      path,
      `another rule of this collection is already named "${name}" (a rule without name: is named after its action); give each rule a name: of its own`,
    );
  } else {
    reader.report([...path, 'name'], `another rule of this collection is already named "${name}"; rule names must be unique`);
  }
}

/** Checks what the schema cannot see in one retention rule and returns it normalized. */
function readRetention(
  reader: DataMapReader,
  path: PathStep[],
  raw: RawRetentionRule,
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
    name: raw.name ?? raw.action,
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
