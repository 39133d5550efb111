import { executionErrorCode } from '../execution/execution-error';

// Connector errors are rebuilt to name places (collection, column, SQLSTATE), never values, so their
// message is what an officer needs to fix the data map. Anything else is reduced to its code: a
// database or store message may quote the row it choked on.
const PLACE_ONLY_ERRORS = new Set(['PostgresConnectorError', 'S3ConnectorError', 'RetentionRuleError']);

export function retentionErrorText(error: unknown): string {
  if (error instanceof Error && PLACE_ONLY_ERRORS.has(error.name)) {
    return error.message.slice(0, 500);
  }
  return executionErrorCode(error);
}

/** A rule that cannot run as written (its system is gone, its kind cannot do this). */
export class RetentionRuleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RetentionRuleError';
  }
}
