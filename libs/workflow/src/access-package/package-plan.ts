import type { Collection, DataMap, DataSystem } from '@rightsdesk/connectors';
import type { PackageSystemInput, PackageSystemState } from './access-package.types';
import { exportColumns } from './package-columns';

export interface PlannedCollection {
  collection: Collection;
  found: number;
  /** Entry names inside the ZIP, or undefined when nothing of it is in the package. */
  jsonPath?: string;
  csvPath?: string;
  /** Folder of the objects themselves (object collections only). */
  filesPath?: string;
  columns: string[];
}

export interface PlannedSystem {
  system: DataSystem;
  state: PackageSystemState;
  /** Every declared collection, in data map order. */
  collections: PlannedCollection[];
}

/**
 * What goes into the package and where, decided once so the index (written first) and the entries
 * after it agree. Systems follow data map order; only a finished system's collections with records
 * get files, because a failed or pending system's counts describe no complete export.
 */
export function planPackage(dataMap: DataMap, systems: PackageSystemInput[]): PlannedSystem[] {
  const order = new Map(dataMap.systems.map((system, index) => [system.key, index]));
  const rank = (entry: PackageSystemInput) => order.get(entry.system.key) ?? Number.MAX_SAFE_INTEGER;
  return [...systems]
    .sort((a, b) => rank(a) - rank(b))
    .map((entry) => {
      const found = new Map(entry.collections.map((outcome) => [outcome.collection, outcome.found]));
      const collections = (entry.system.collections as Collection[]).map((collection): PlannedCollection => {
        const count = found.get(collection.name) ?? 0;
        const planned: PlannedCollection = { collection, found: count, columns: exportColumns(collection) };
        if (entry.state === 'done' && count > 0) {
          planned.jsonPath = `${entry.system.key}/${collection.name}.json`;
          planned.csvPath = `${entry.system.key}/${collection.name}.csv`;
          if (collection.kind === 's3') {
            planned.filesPath = `${entry.system.key}/files/`;
          }
        }
        return planned;
      });
      return { system: entry.system, state: entry.state, collections };
    });
}
