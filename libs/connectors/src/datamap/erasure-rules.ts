import type { DataCategory } from '@rightsdesk/domain';
import type { ErasureAction } from './datamap.types';

export interface ErasureTarget {
  category: DataCategory;
  isPrimaryKey: boolean;
  /** `orders.customer_id`, … for every reference that points at this field. */
  referencedBy: string[];
}

/** Why `action` cannot be applied to this field, or undefined when it can. */
export function erasureActionProblem(action: ErasureAction, target: ErasureTarget): string | undefined {
  if (action.action === 'anonymize_ip' && target.category !== 'device.ip') {
    return `anonymize_ip only applies to IP addresses (category device.ip), not ${target.category}`;
  }
  if (action.action === 'hash' && target.isPrimaryKey) {
    return 'hash is not allowed on the primary key; use delete_row or keep';
  }
  if (action.action === 'hash' && target.referencedBy.length > 0) {
    return `hash is not allowed on a field that ${target.referencedBy.join(', ')} references: those rows would point at nothing; use delete_row or keep`;
  }
  // Rewriting a key in place collides with other rows or strands the rows that point at it.
  if (target.isPrimaryKey && action.action !== 'delete_row' && action.action !== 'keep') {
    return `the primary key identifies the row: erase it with delete_row or keep it, not ${action.action}`;
  }
  return undefined;
}
