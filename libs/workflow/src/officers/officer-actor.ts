import type { OfficerRole } from '@rightsdesk/domain';

/** The signed-in officer a console call acts as. */
export interface SignedInOfficer {
  id: string;
  email: string;
  displayName: string;
  role: OfficerRole;
  totpEnabled: boolean;
  sessionId: string;
  /** The session may only set up a second factor (an admin who must have one, see ConsoleSignIn). */
  enrolmentOnly: boolean;
}

/** Who changed an account: a signed-in admin, or the command line on the server. */
export type AccountActor = { type: 'officer'; id: string } | { type: 'system'; id: 'cli' | 'demo' };
