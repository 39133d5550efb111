// Typos in a data map are the most common mistake; naming the likely intended word saves a trip to the docs.

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps cost 1. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => {
    const row = new Array<number>(cols).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j < cols; j++) {
    d[0][j] = j;
  }
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[rows - 1][cols - 1];
}

/** The candidate closest to `input`, if one is close enough to be a plausible typo. */
export function closestMatch(input: string, candidates: Iterable<string>): string | undefined {
  const wanted = input.toLowerCase();
  const limit = Math.max(1, Math.floor(wanted.length / 3));
  let best: { candidate: string; distance: number; exact: number } | undefined;
  for (const candidate of candidates) {
    if (candidate === input) {
      continue;
    }
    // Case is compared last so `primarykey` finds `primaryKey` before anything one letter away.
    const lower = candidate.toLowerCase();
    // A cut-short word (`delete` for `delete_row`) is as plausible as a typo.
    const prefix = wanted.length >= 3 && (lower.startsWith(wanted) || wanted.startsWith(lower));
    const distance = prefix ? Math.min(limit, editDistance(wanted, lower)) : editDistance(wanted, lower);
    const exact = editDistance(input, candidate);
    if (distance > limit) {
      continue;
    }
    if (!best || distance < best.distance || (distance === best.distance && exact < best.exact)) {
      best = { candidate, distance, exact };
    }
  }
  return best?.candidate;
}

/** ` (did you mean "x"?)` or an empty string. */
export function didYouMean(input: string, candidates: Iterable<string>): string {
  const match = closestMatch(input, candidates);
  return match === undefined ? '' : ` (did you mean "${match}"?)`;
}
