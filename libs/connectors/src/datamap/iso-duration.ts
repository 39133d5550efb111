// ISO 8601 durations as retention periods are written: P90D, P3Y, PT12H, P1Y6M, P2W. Fractions are
// left out on purpose: "P0.5Y" has no single meaning across calendars, and nobody writes retention so.
const DURATION =
  /^P(?:(\d+)W|(?=\d|T\d)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?)$/;

export function isIsoDuration(text: string): boolean {
  return DURATION.test(text);
}

/** Why `text` is not a usable retention period, or undefined when it is one. */
export function isoDurationProblem(text: string): string | undefined {
  const match = DURATION.exec(text);
  if (!match) {
    return `"${text}" is not an ISO 8601 duration such as P90D, P3Y, PT12H or P1Y6M`;
  }
  if (match.slice(1).every((part) => part === undefined || Number(part) === 0)) {
    return `"${text}" is zero; a period must be longer than that`;
  }
  return undefined;
}
