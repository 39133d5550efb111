// Identifiers come from the data map, which a company edits by hand: always quote them, never
// trust them to be plain names.
export function quoteIdent(name: string): string {
  if (name.length === 0) {
    throw new Error('An SQL identifier cannot be empty');
  }
  if (name.includes('\u0000')) {
    throw new Error('An SQL identifier cannot contain a NUL character');
  }
  return `"${name.replaceAll('"', '""')}"`;
}

export function quoteTable(schema: string, table: string): string {
  return `${quoteIdent(schema)}.${quoteIdent(table)}`;
}

/** `t0."email"`: every column reference is qualified by its table alias so nested subqueries never capture the wrong one. */
export function column(alias: string, name: string): string {
  return `${alias}.${quoteIdent(name)}`;
}
