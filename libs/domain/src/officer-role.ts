// Who may do what in the console. Every console route names the roles it admits; anything not named
// is refused (default deny). `auditor` reads everything and changes nothing.
export const OFFICER_ROLES = ['admin', 'officer', 'auditor'] as const;

export type OfficerRole = (typeof OFFICER_ROLES)[number];

export function isOfficerRole(value: unknown): value is OfficerRole {
  return typeof value === 'string' && (OFFICER_ROLES as readonly string[]).includes(value);
}

/** Roles that may act on requests (triage, decide, execute). */
export const ACTING_ROLES = ['admin', 'officer'] as const satisfies readonly OfficerRole[];

/** Every role: reading the queue, a request, the audit trail and the metrics. */
export const READING_ROLES = OFFICER_ROLES;
