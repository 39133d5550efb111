// PostgreSQL's uuid input accepts this shape; ids arrive from URLs and bodies, and anything else
// would make a query fail, so callers answer not_found (or a field error) before it reaches SQL.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
