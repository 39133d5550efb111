import { ConsolePage } from '../console-layout';

export function AuditPage() {
  return <ConsolePage title="Audit trail">{null}</ConsolePage>;
}
