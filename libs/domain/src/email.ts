/**
 * The one normalization of email addresses, used for lookups, de-duplication, the suppression list
 * and matching in the company's systems: trim and lower-case, nothing more. Gmail ignores dots and
 * `+tags` in the local part, but other providers do not: stripping them would merge `j.smith@` and
 * `jsmith@` of some other domain (two people) into one. Mailers that query the suppression list
 * must normalize exactly like this.
 */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
