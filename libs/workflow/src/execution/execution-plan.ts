import type { DataMap, DataSystem, FieldCorrection } from '@rightsdesk/connectors';
import { DATA_CATEGORIES, type DataCategory, type OptOutChannel, optOutScope, type RequestType } from '@rightsdesk/domain';

export interface RequestedCorrection {
  field: string;
  newValue: string;
}

export interface ResolvedCorrections {
  /** Per system: the rectifiable fields a correction names, with the new value. */
  bySystem: Map<string, FieldCorrection[]>;
  /** Corrections that name no rectifiable field anywhere (the requester's words, not values). */
  unmatched: string[];
}

/**
 * The systems an approved request of this type acts on. An opt-out's channels decide whether the
 * marketing preference columns (`optOut.set`) take part: an opt-out of sale/sharing alone leaves them.
 */
export function participatingSystems(
  map: DataMap,
  type: RequestType,
  corrections?: ResolvedCorrections,
  optOutChannels?: readonly OptOutChannel[],
): DataSystem[] {
  const scope = optOutScope(optOutChannels);
  const marketing = scope.marketing;
  return map.systems.filter((system) => {
    switch (type) {
      case 'access':
        return true;
      case 'erasure':
      case 'child_data_removal':
        // The suppression list only holds hashes of people who opted out, kept to honour that
        // opt-out; erasing it would let marketing resume.
        return system.kind !== 'suppression';
      case 'opt_out':
        return (
          system.kind === 'suppression' ||
          (system.kind === 'webhook' && ((marketing && system.optOuts.includes('marketing')) || (scope.saleSharing && system.optOuts.includes('sale_sharing')))) ||
          (marketing && system.kind === 'postgres' && system.collections.some((c) => c.optOut !== undefined))
        );
      case 'rectification':
        return system.kind === 'webhook' || (corrections?.bySystem.get(system.key)?.length ?? 0) > 0;
      default:
        return false;
    }
  });
}

/**
 * Matches the requester's corrections to rectifiable fields. A correction may name a data category
 * ("billing.address" or its label, "Billing address"), a field, `collection.field` or
 * `system.collection.field`; it applies to every rectifiable field it names, so a changed address is
 * changed everywhere the company keeps it.
 */
export function resolveCorrections(map: DataMap, corrections: RequestedCorrection[]): ResolvedCorrections {
  const bySystem = new Map<string, FieldCorrection[]>();
  const unmatched: string[] = [];
  for (const correction of corrections) {
    const wanted = correction.field.trim().toLowerCase();
    let matched = false;
    for (const system of map.systems) {
      if (system.kind !== 'postgres') {
        continue;
      }
      for (const collection of system.collections) {
        for (const field of collection.fields) {
          if (!field.rectifiable || !names(system.key, collection.name, field.name, field.category).includes(wanted)) {
            continue;
          }
          matched = true;
          const list = bySystem.get(system.key) ?? [];
          list.push({ collection: collection.name, field: field.name, value: correction.newValue });
          bySystem.set(system.key, list);
        }
      }
    }
    if (!matched) {
      unmatched.push(correction.field.trim().slice(0, 100));
    }
  }
  for (const system of map.systems) {
    if (system.kind === 'webhook') {
      // Providers receive the corrections as asked; they map them to their own fields.
      bySystem.set(
        system.key,
        corrections.map((c) => ({ collection: '', field: c.field.trim(), value: c.newValue })),
      );
    }
  }
  return { bySystem, unmatched };
}

function names(system: string, collection: string, field: string, category: DataCategory): string[] {
  return [
    `${system}.${collection}.${field}`,
    `${collection}.${field}`,
    field,
    category,
    DATA_CATEGORIES[category].toLowerCase(),
  ].map((name) => name.toLowerCase());
}
