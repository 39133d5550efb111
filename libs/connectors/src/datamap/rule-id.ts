import type { RetentionRule } from './datamap.types';

/** The children check's rule name, so no retention rule may take it. */
export const CHILDREN_RULE_NAME = 'children';

type Named = string | { name: string };
type Keyed = string | { key: string };

function text(part: Named | Keyed): string {
  if (typeof part === 'string') {
    return part;
  }
  return 'key' in part ? part.key : part.name;
}

/**
 * The id runs, holds and audit events know a rule by: `system.collection.rule`, e.g.
 * `shop.page_views.anonymize`. Takes names or the data map's objects.
 */
export function retentionRuleId(system: Keyed, collection: Named, rule: string | Pick<RetentionRule, 'name'>): string {
  return `${text(system)}.${text(collection)}.${text(rule)}`;
}

/** The id of a collection's children check: `system.collection.children`. */
export function childRuleId(system: Keyed, collection: Named): string {
  return `${text(system)}.${text(collection)}.${CHILDREN_RULE_NAME}`;
}
