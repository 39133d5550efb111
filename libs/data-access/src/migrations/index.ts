import { InitialSchema1795605512791 } from './1795605512791-initial-schema.migration';
import { AuditChain1795605512792 } from './1795605512792-audit-chain.migration';
import { ExecutionEngine1795608880584 } from './1795608880584-execution-engine.migration';
import { ConsoleOfficers1796587807710 } from './1796587807710-console-officers.migration';
import { RetentionRuns1796599581368 } from './1796599581368-retention-runs.migration';
import { DrpAgents1796604424465 } from './1796604424465-drp-agents.migration';
import { DrpRequests1796608152052 } from './1796608152052-drp-requests.migration';
import { SaleSharingOptOut1796608173774 } from './1796608173774-sale-sharing-opt-out.migration';

import { InteropMends1796611089677 } from './1796611089677-interop-mends.migration';
// Append-only, in order. Imports only `typeorm` so the Jest global setup can load it without aliases.
export const MIGRATIONS = [InitialSchema1795605512791, AuditChain1795605512792, ExecutionEngine1795608880584, ConsoleOfficers1796587807710, RetentionRuns1796599581368, DrpAgents1796604424465, DrpRequests1796608152052, SaleSharingOptOut1796608173774, InteropMends1796611089677];
