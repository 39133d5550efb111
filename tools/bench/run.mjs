// `npm run bench`: named benchmarks, one table. Each benchmark measures its raw baseline in the
// same run, because these machines are shared and noisy: compare ratios, not absolute numbers.
//   npm run bench                 all benchmarks, 3 rounds, median reported
//   npm run bench -- intake       one benchmark
//   BENCH_ROUNDS=5 BENCH_SECONDS=10 npm run bench
//   npm run bench -- execution --size full              the execution engine on 1M customers
//   npm run bench -- execution --only subject,memory    some of its measurements (subject, flow, memory)
//   npm run bench -- retention --size full              retention purge/anonymize on 10M page views
import { parseArgs } from 'node:util';
import { executionBenchmark } from './execution.bench.mjs';
import { intakeBenchmark } from './intake.bench.mjs';
import { retentionBenchmark } from './retention.bench.mjs';

const BENCHMARKS = { intake: intakeBenchmark, execution: executionBenchmark, retention: retentionBenchmark };

const { values: flags, positionals: selected } = parseArgs({
  allowPositionals: true,
  options: { size: { type: 'string', default: 'small' }, only: { type: 'string' } },
});
const names = selected.length > 0 ? selected : Object.keys(BENCHMARKS);
const unknown = names.filter((name) => !BENCHMARKS[name]);
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${Object.keys(BENCHMARKS).join(', ')}`);
  process.exit(2);
}
const options = {
  rounds: Number(process.env.BENCH_ROUNDS ?? 3),
  seconds: Number(process.env.BENCH_SECONDS ?? 8),
  size: flags.size,
  only: flags.only,
};

const rows = [];
for (const name of names) {
  console.error(`running ${name} (${options.rounds} rounds × ${options.seconds} s)…`);
  rows.push(...(await BENCHMARKS[name](options)));
}

const headers = ['benchmark', 'measure', 'ours', 'baseline', 'ratio', 'target', 'verdict'];
const table = [headers, ...rows.map((row) => headers.map((h) => String(row[h] ?? '')))];
const widths = headers.map((_, i) => Math.max(...table.map((line) => line[i].length)));
const line = (cells) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
console.log(line(headers));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const cells of table.slice(1)) console.log(line(cells));
process.exit(rows.some((row) => row.verdict === 'FAIL') ? 1 : 0);
