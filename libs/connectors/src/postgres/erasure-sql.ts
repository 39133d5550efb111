import type { FieldSpec } from '../datamap/datamap.types';
import type { ColumnInfo } from './pg-catalog';
import { PostgresConnectorError } from './postgres-connector.error';
import { column, quoteIdent } from './quote-ident';
import type { SqlParams } from './sql-params';

/** Marks a value the `hash` action produced, so a second run leaves it alone. */
export const HASH_PREFIX = 'rdh1:';
/** Length of `rdh1:` + 64 hex digits: the column must be able to take it. */
export const HASHED_LENGTH = HASH_PREFIX.length + 64;

/** One field's part of an erasure UPDATE. */
export interface FieldErasure {
  /** `"name" = …` for the SET list. */
  assignment: string;
  /** True while the row's value still needs erasing: a second run finds no such row and changes 0. */
  pending: string;
  /** e.g. `hash:email`. */
  action: string;
}

// Strict forms only: a cast of anything else to inet would abort the whole erasure, and PostgreSQL
// 15 has no pg_input_is_valid. A value that is no address (or an IPv4-mapped IPv6 one) is left as it is.
const IPV4 = `((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])[.]){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(/([0-9]|[12][0-9]|3[0-2]))?`;
const H = '[0-9a-f]{1,4}';
const IPV6 =
  `((${H}:){7}${H}|(${H}:){1,7}:|(${H}:){1,6}:${H}|(${H}:){1,5}(:${H}){1,2}|(${H}:){1,4}(:${H}){1,3}|` +
  `(${H}:){1,3}(:${H}){1,4}|(${H}:){1,2}(:${H}){1,5}|${H}:(:${H}){1,6}|:((:${H}){1,7}|:))` +
  '(/([0-9]|[1-9][0-9]|1[01][0-9]|12[0-8]))?';
const IP_TEXT = `^(${IPV4}|${IPV6})$`;

/** `where` names the collection in errors, e.g. `shop.orders`. */
export function fieldErasure(
  where: string,
  field: FieldSpec,
  info: ColumnInfo,
  params: SqlParams,
  salt: string,
): FieldErasure | null {
  const ref = column('t0', field.name);
  const target = quoteIdent(field.name);
  const erasure = field.erasure;
  switch (erasure.action) {
    case 'keep':
    case 'delete_row':
      return null;
    case 'set_null':
      return { assignment: `${target} = NULL`, pending: `${ref} IS NOT NULL`, action: `set_null:${field.name}` };
    case 'replace': {
      // NULL holds nothing to erase: leave it, so rows without the value do not count as changed.
      const value = `${params.add(String(erasure.value))}::${info.castType}`;
      return {
        assignment: `${target} = CASE WHEN ${ref} IS NULL THEN NULL ELSE ${value} END`,
        pending: `${ref} <> ${value}`,
        action: `replace:${field.name}`,
      };
    }
    case 'hash': {
      if (info.category !== 'S') {
        throw new PostgresConnectorError(`${where}: field ${field.name}: hash needs a text column, not ${info.type}`);
      }
      const hashed = `'${HASH_PREFIX}' || encode(sha256(convert_to(${params.add(salt)}::text || ${ref}::text, 'UTF8')), 'hex')`;
      const done = `starts_with(${ref}::text, '${HASH_PREFIX}')`;
      return {
        assignment: `${target} = CASE WHEN ${done} THEN ${ref} ELSE ${hashed} END`,
        pending: `NOT ${done}`,
        action: `hash:${field.name}`,
      };
    }
    case 'anonymize_ip':
      return { ...anonymizeIp(ref, target, info, `${where}: field ${field.name}`), action: `anonymize_ip:${field.name}` };
  }
}

// IPv4 keeps its /24 network, IPv6 its /48. set_masklen alone keeps the host bits (STACK.md 14),
// network() zeroes them. Already anonymized: the mask is no longer than that and the host bits are
// zero; such a value is left as it is (never widened back to /24).
function anonymizeIp(ref: string, target: string, info: ColumnInfo, name: string): Omit<FieldErasure, 'action'> {
  const prefix = (ip: string): string => `CASE WHEN family(${ip}) = 4 THEN 24 ELSE 48 END`;
  if (info.category === 'I') {
    const done = `(masklen(${ref}) <= ${prefix(ref)} AND ${ref} = network(${ref}))`;
    return {
      assignment: `${target} = CASE WHEN ${done} THEN ${ref} ELSE network(set_masklen(${ref}, ${prefix(ref)})) END`,
      pending: `${ref} IS NOT NULL AND NOT ${done}`,
    };
  }
  if (info.category === 'S') {
    // Text column: parse, zero the host bits, store host() text ("10.1.2.0"). CASE, not AND:
    // PostgreSQL may evaluate AND operands in any order, and the cast must only see valid text.
    // The pattern holds no quote or backslash, so it is a safe literal.
    const valid = `${ref} ~* '${IP_TEXT}'`;
    const ip = `${ref}::inet`;
    const anonymized = `host(network(set_masklen(${ip}, ${prefix(ip)})))`;
    return {
      assignment: `${target} = CASE WHEN NOT (${valid}) THEN ${ref} WHEN ${anonymized} <> host(${ip}) THEN ${anonymized} ELSE ${ref} END`,
      pending: `CASE WHEN ${valid} THEN ${anonymized} <> host(${ip}) ELSE false END`,
    };
  }
  throw new PostgresConnectorError(`${name}: anonymize_ip needs an inet or text column, not ${info.type}`);
}
