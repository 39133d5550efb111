import { Pool, types, type CustomTypesConfig } from 'pg';

export interface PostgresConnectorOptions {
  /** Resolved connection URL of the company's database. */
  url: string;
  /** Connections this connector may hold at once (default 2). */
  poolSize?: number;
  /** Per statement, set on every connection (default 60 s). */
  statementTimeoutMs?: number;
}

export const CONNECTOR_APPLICATION_NAME = 'rightsdesk-connector';
const DEFAULT_POOL_SIZE = 2;
const DEFAULT_STATEMENT_TIMEOUT_MS = 60_000;

// A `date` parsed into a JS Date lands at local midnight and can print as the previous day; a
// `timestamp` without zone has no instant at all. Both are exported as PostgreSQL writes them.
const AS_WRITTEN = new Set<number>([types.builtins.DATE, types.builtins.TIMESTAMP]);

function parserFor(id: number, format?: string): (value: string) => unknown {
  if (AS_WRITTEN.has(id) && format !== 'binary') {
    return (value) => value;
  }
  return types.getTypeParser(id, format === 'binary' ? 'binary' : 'text') as (value: string) => unknown;
}

const connectorTypes = { getTypeParser: parserFor } as CustomTypesConfig;

export function createConnectorPool(options: PostgresConnectorOptions): Pool {
  const pool = new Pool({
    connectionString: options.url,
    max: options.poolSize ?? DEFAULT_POOL_SIZE,
    statement_timeout: options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS,
    application_name: CONNECTOR_APPLICATION_NAME,
    connectionTimeoutMillis: 10_000,
    types: connectorTypes,
  });
  // An idle connection dropped by the server (restart, failover) must not crash the worker; the
  // next checkout opens a new one.
  pool.on('error', () => undefined);
  return pool;
}
