// Small helpers shared by the execution benchmark: order statistics and markdown tables.

/** Nearest-rank percentile (p in 0…100) of a non-empty list. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export const median = (values) => percentile(values, 50);
export const p95 = (values) => percentile(values, 95);

export const ms = (value) => value.toFixed(value < 10 ? 2 : 1);
export const mb = (bytes) => (bytes / 1024 / 1024).toFixed(0);
export const ratio = (value) => `${value.toFixed(2)}×`;
export const count = (value) => value.toLocaleString('en-US');

/** A markdown table, columns padded like run.mjs's summary table. */
export function markdownTable(headers, rows) {
  const table = [headers, ...rows.map((row) => row.map((cell) => String(cell ?? '')))];
  const widths = headers.map((_, i) => Math.max(...table.map((line) => line[i].length)));
  const line = (cells) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  return [line(headers), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...table.slice(1).map(line)].join('\n');
}

/** Runs `work` over `items` with at most `limit` in flight; resolves when all are done. */
export async function inParallel(items, limit, work) {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++];
      await work(item);
    }
  });
  await Promise.all(lanes);
}

export const sleep = (delayMs) => new Promise((resolve) => setTimeout(resolve, delayMs));
