/**
 * Global Privacy Control: a request carries the signal only when `Sec-GPC` is exactly `1` (the GPC
 * proposal, §3). `true`, `1, 1`, a padded or repeated header are not the signal: guessing would
 * record opt-outs nobody sent.
 */
export function isGpcSignal(header: string | readonly string[] | undefined): boolean {
  return header === '1';
}

/**
 * `lastUpdate` of /.well-known/gpc.json: the day Rightsdesk's handling of the signal last changed.
 * Change it with that handling, not with releases.
 */
export const GPC_SUPPORT_LAST_UPDATE = '2026-12-07';
