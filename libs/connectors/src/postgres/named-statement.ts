import { createHash } from 'node:crypto';
import type { QueryConfig } from 'pg';

/**
 * A named prepared statement for SQL built from the data map: the text of a system's statements
 * never changes while the process runs, so PostgreSQL parses and plans each once per connection
 * instead of on every request. The name derives from the text, so two texts never share a name.
 */
export function namedStatement(text: string, values: unknown[]): QueryConfig {
  return { name: `rdc_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`, text, values };
}
