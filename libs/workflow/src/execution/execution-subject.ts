import type { Subject } from '@rightsdesk/connectors';

/** What request_execution.subject holds, encrypted: the connectors' view of the data subject. */
export interface ExecutionSubjectRecord {
  version: 1;
  subject: Subject;
}
