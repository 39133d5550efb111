import type { IntakeInput } from '@rightsdesk/domain';

/** What the requester told us about themselves; stored only encrypted (`personal_data`). */
export interface SubjectRecord {
  email: string;
  name: string | null;
  details: IntakeInput['details'] | null;
}
