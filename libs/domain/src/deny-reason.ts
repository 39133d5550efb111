// Why a request was refused, as stable codes: the requester's email explains each one, and the
// metrics count denials by them. GDPR Art. 12(4) requires telling the person why, and that they
// may complain to a supervisory authority; CCPA §7024(e) and §7022(f) likewise require the basis.
export const DENY_REASONS = [
  // The person's identity could not be verified (GDPR Art. 12(6), 11 CCR §7060).
  'identity_not_verified',
  // Manifestly unfounded or excessive, in particular repetitive (GDPR Art. 12(5)(b)).
  'manifestly_unfounded',
  'excessive',
  // An exception to erasure applies: a legal obligation to keep the data, or legal claims
  // (GDPR Art. 17(3)(b) and (e), Cal. Civ. Code §1798.105(d)).
  'legal_obligation',
  'legal_claims',
  // Disclosure would adversely affect the rights and freedoms of others (GDPR Art. 15(4)).
  'rights_of_others',
  // The right asked for does not apply to this data or this company (e.g. outside the law's scope).
  'not_covered',
  // For a child's data: the filer could not show they are the child's parent or guardian.
  'not_parent_or_guardian',
  'other',
] as const;

export type DenyReason = (typeof DENY_REASONS)[number];

export function isDenyReason(value: unknown): value is DenyReason {
  return typeof value === 'string' && (DENY_REASONS as readonly string[]).includes(value);
}
