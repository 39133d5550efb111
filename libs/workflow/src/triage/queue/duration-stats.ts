/** Days to close of several requests: how many, median and mean to one decimal (null when none). */
export interface DurationSummary {
  count: number;
  medianDays: number | null;
  meanDays: number | null;
}

/** Whole days, each with how many requests took that long. */
export interface DayCount {
  days: number;
  count: number;
}

function oneDecimal(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Median (mean of the two middle values for an even count) and mean over a histogram of days. */
export function summarizeDays(histogram: readonly DayCount[]): DurationSummary {
  const buckets = histogram.filter((bucket) => bucket.count > 0).sort((a, b) => a.days - b.days);
  const count = buckets.reduce((sum, bucket) => sum + bucket.count, 0);
  if (count === 0) {
    return { count: 0, medianDays: null, meanDays: null };
  }
  const total = buckets.reduce((sum, bucket) => sum + bucket.days * bucket.count, 0);
  const lower = valueAt(buckets, Math.floor((count - 1) / 2));
  const upper = valueAt(buckets, Math.ceil((count - 1) / 2));
  // Integer inputs keep the sums exact; only the final division is rounded.
  return {
    count,
    medianDays: oneDecimal((lower + upper) / 2),
    meanDays: Math.round((total * 10) / count) / 10,
  };
}

// The value at a 0-based position of the sorted list the histogram stands for.
function valueAt(buckets: readonly DayCount[], position: number): number {
  let seen = 0;
  for (const bucket of buckets) {
    seen += bucket.count;
    if (position < seen) {
      return bucket.days;
    }
  }
  throw new RangeError(`position ${position} is beyond ${seen} values`);
}
