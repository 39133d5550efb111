import type { Collection, DataSystem, RetentionRule } from '@rightsdesk/connectors';

/** One English sentence for the console and the CLI: what the rule does, to what, after how long. */
export function describeRule(system: DataSystem, collection: Collection, rule: RetentionRule): string {
  const where = `${system.key}.${collection.name}`;
  const condition = rule.condition ? ` and ${rule.condition.field} is older than ${rule.condition.olderThan}` : '';
  if (rule.action === 'delete') {
    return `Delete ${where} ${system.kind === 's3' ? 'objects' : 'rows'} once ${rule.field} is older than ${rule.period}${condition}.`;
  }
  const fields = Object.entries(rule.anonymize ?? {})
    .map(([field, action]) => `${field} (${action.action})`)
    .join(', ');
  return `Anonymize ${fields} in ${where} once ${rule.field} is older than ${rule.period}${condition}.`;
}
