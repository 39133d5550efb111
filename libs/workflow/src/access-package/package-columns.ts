import type { Collection } from '@rightsdesk/connectors';

/** What the S3 connector writes per object (`ExportedFileMeta`). */
export const OBJECT_COLUMNS = ['key', 'size', 'contentType', 'lastModified'] as const;

/**
 * The columns a collection's files carry: only what the data map declares and does not mark secret.
 * Declared, not discovered: the first record cannot tell the header of a file that is streamed, and
 * a part that somehow holds a secret column (a connector bug) must not leak it into the package.
 */
export function exportColumns(collection: Collection): string[] {
  const secret = new Set(collection.fields.filter((field) => field.secret).map((field) => field.name));
  const declared = collection.fields.filter((field) => !field.secret).map((field) => field.name);
  let columns: string[];
  switch (collection.kind) {
    case 'postgres':
      columns = [collection.primaryKey, ...declared];
      break;
    case 's3':
      columns = [...OBJECT_COLUMNS, ...declared];
      break;
    case 'webhook':
    case 'suppression':
      columns = declared;
      break;
  }
  return [...new Set(columns)].filter((column) => !secret.has(column));
}

/** The record cut down to `columns`, in their order; columns the record lacks are left out. */
export function projectRecord(
  record: Record<string, unknown>,
  columns: readonly string[],
): Record<string, unknown> {
  // fromEntries defines own properties, so a column named `__proto__` stays data.
  return Object.fromEntries(
    columns.filter((column) => Object.hasOwn(record, column)).map((column) => [column, record[column]]),
  );
}
