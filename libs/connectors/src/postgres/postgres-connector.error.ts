import { DatabaseError } from 'pg';

// PostgreSQL puts row values into error messages and details ("invalid input syntax for type
// date: …", "Failing row contains (…)", "Key (email)=(…)"). Errors leaving the connector are
// rebuilt from the SQLSTATE and constraint name only, so no personal data reaches a log.
const CONDITIONS: Record<string, string> = {
  '22001': 'value too long for the column',
  '22003': 'numeric value out of range',
  '22007': 'invalid date/time format',
  '22008': 'date/time field out of range',
  '22P02': 'invalid value for the column type',
  '23502': 'not-null violation',
  '23503': 'foreign key violation',
  '23505': 'unique violation',
  '23514': 'check constraint violation',
  '40001': 'serialization failure',
  '40P01': 'deadlock detected',
  '42501': 'permission denied',
  '42703': 'column does not exist',
  '42P01': 'table does not exist',
  '55P03': 'lock not available',
  '57014': 'statement canceled (statement timeout)',
  P0001: 'raised by a trigger or function',
};

// Worth another attempt later: the same statement may well succeed.
const TRANSIENT = /^(08|40|53|55P03|57014|57P)/;

export class PostgresConnectorError extends Error {
  constructor(
    message: string,
    readonly sqlState?: string,
  ) {
    super(message);
    this.name = 'PostgresConnectorError';
  }

  get transient(): boolean {
    return this.sqlState !== undefined && TRANSIENT.test(this.sqlState);
  }
}

/** A value-free description of a pg failure: SQLSTATE, condition and constraint name. */
export function describePgFailure(error: unknown): string {
  if (error instanceof DatabaseError) {
    const code = error.code ?? 'unknown';
    const condition = CONDITIONS[code] ?? 'database error';
    const constraint = error.constraint ? `, constraint ${error.constraint}` : '';
    return `${condition} (SQLSTATE ${code}${constraint})`;
  }
  // Connection-level failures (refused, reset, timeout) carry no row values.
  return error instanceof Error ? error.message : String(error);
}

/**
 * Rebuilds a database error of `where` (e.g. `shop.orders: erase`) without any value from the
 * database. Anything else (a sink's own error, an abort, a lost connection) passes through as is.
 */
export function connectorFailure(where: string, error: unknown): unknown {
  return error instanceof DatabaseError
    ? new PostgresConnectorError(`${where} failed: ${describePgFailure(error)}`, error.code)
    : error;
}
