import { InitialSchema1795603543182 } from './1795603543182-initial-schema.migration';
import { AuditAppendOnly1795603600000 } from './1795603600000-audit-append-only.migration';

// Append-only, in order. Imports only `typeorm` so the Jest global setup can load it without aliases.
export const MIGRATIONS = [InitialSchema1795603543182, AuditAppendOnly1795603600000];
