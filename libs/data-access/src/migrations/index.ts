import { InitialSchema1795605512791 } from './1795605512791-initial-schema.migration';
import { AuditChainAndChecks1795605512792 } from './1795605512792-audit-chain-and-checks.migration';

// Append-only, in order. Imports only `typeorm` so the Jest global setup can load it without aliases.
export const MIGRATIONS = [InitialSchema1795605512791, AuditChainAndChecks1795605512792];
