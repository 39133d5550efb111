import { emptyIdentities, type SubjectIdentities } from '@rightsdesk/connectors';
import { normalizeEmail, type RequestType } from '@rightsdesk/domain';
import type { SubjectRecord } from '../intake/subject-record';

/**
 * Who the connectors look for. Only identities the requester proved or gave for this purpose count:
 * the verified email — or, for a child's data, the child's email and username, never the parent's
 * own email (that would erase the parent). Names and birth dates are never identities: two people
 * share them.
 */
export function identitiesFor(type: RequestType, record: SubjectRecord): SubjectIdentities {
  const identities = emptyIdentities();
  if (type === 'child_data_removal') {
    const details = record.details as { child?: { email?: string; username?: string } } | null;
    if (details?.child?.email) {
      identities.email.push(normalizeEmail(details.child.email));
    }
    if (details?.child?.username) {
      identities.username.push(details.child.username.trim());
    }
    return identities;
  }
  identities.email.push(normalizeEmail(record.email));
  return identities;
}
