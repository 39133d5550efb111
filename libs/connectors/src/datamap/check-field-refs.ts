import { fieldRefKey } from '../connector';
import type { DataMapReader } from './datamap-reader';
import type { SystemKind } from './datamap.types';
import { didYouMean } from './did-you-mean';
import type { PostgresCatalogue } from './read-postgres-system';

/**
 * Key templates and webhook identities name fields of postgres systems; each must exist. A system
 * or collection that is there but could not be read is skipped: its own issues come first.
 */
export function checkFieldRefs(
  reader: DataMapReader,
  kinds: Map<string, SystemKind | undefined>,
  catalogues: Map<string, PostgresCatalogue>,
): void {
  for (const { ref, path, usedAs } of reader.fieldRefs) {
    const lead = `${usedAs} {${fieldRefKey(ref)}}:`;
    if (!kinds.has(ref.system)) {
      reader.report(
        path,
        `${lead} system "${ref.system}" does not exist${didYouMean(ref.system, catalogues.keys())}`,
      );
      continue;
    }
    const kind = kinds.get(ref.system);
    if (kind === undefined) {
      continue;
    }
    const catalogue = catalogues.get(ref.system);
    if (kind !== 'postgres' || !catalogue) {
      reader.report(
        path,
        `${lead} system "${ref.system}" is a ${kind} system; only fields of postgres systems can key other systems`,
      );
      continue;
    }
    if (!catalogue.has(ref.collection)) {
      reader.report(
        path,
        `${lead} collection "${ref.collection}" does not exist in system "${ref.system}"${didYouMean(ref.collection, catalogue.keys())}`,
      );
      continue;
    }
    const columns = catalogue.get(ref.collection)?.columns;
    if (columns && !columns.has(ref.field)) {
      reader.report(
        path,
        `${lead} "${ref.field}" is neither a declared field nor the primary key of ${ref.system}.${ref.collection}${didYouMean(ref.field, columns)}`,
      );
    }
  }
}
