// The execution engine against the demo company's shop database at `--size` (small: 20,000
// customers / 100,000 orders / 200,000 page views, the default; full: 1,000,000 / 5,000,000 /
// 10,000,000; or a number of customers). Each measurement has its baseline in the same run:
//   subject  per-subject erase/access through PostgresConnector vs the same SQL through pg (≤ 2×)
//   flow     erasure requests/s end to end through the real worker vs raw BullMQ flows (≥ 0.3×)
//   memory   peak RSS of one subject's access export, 100,000 vs 1,000 page views (< 200 MB)
// `--only subject,flow,memory` picks some. The seeded database is kept in .rightsdesk/bench/postgres
// and copied for each run (erasure is destructive); delete that directory to reseed.
// BENCH_SUBJECTS (200), BENCH_FLOW_REQUESTS (500) and BENCH_ROUNDS (3) size the samples;
// BENCH_WORKER_NODE_ARGS goes on the worker's node command line (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { measureFlow } from './execution-flow.mjs';
import { EXPORT_SIZES, measureMemory } from './execution-memory.mjs';
import { copyForRun, createEmptyDatabase, describeSize, dropDatabase, ensureSeeded, peopleFor, pickSubjects } from './execution-seed.mjs';
import { count, markdownTable, mb, median, ms, p95, ratio } from './execution-stats.mjs';
import { measureSubjects } from './execution-subject.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '../..');
const { freePort, startMailCatcher, startPostgres, startRedis, startS3 } = require(path.join(root, 'dist/libs/local-services/src'));
const { loadDataMap } = require(path.join(root, 'dist/libs/connectors/src'));

export const EXECUTION_PARTS = ['subject', 'flow', 'memory'];
const DATAMAP_PATH = path.join(root, 'apps/cli/demo/datamap.yaml');
const CLUSTER_DIR = path.join(root, '.rightsdesk/bench/postgres');
const SUBJECT_SAMPLES = Number(process.env.BENCH_SUBJECTS ?? 200);
const FLOW_REQUESTS = Number(process.env.BENCH_FLOW_REQUESTS ?? 500);
const FLOW_WARMUP = 100;
const RUN_DB = 'bench_execution_run';
const APP_DB = 'bench_execution_app';
const ERASE_TARGET = 2;
const FLOW_TARGET = 0.3;
const RSS_TARGET_MB = 200;

const log = (message) => console.error(`  execution: ${message}`);
const seconds = (value) => `${Number(value).toFixed(1)} s`;

function section(title, headers, rows) {
  console.log(`\n#### ${title}\n\n${markdownTable(headers, rows)}`);
}

function seedTable(sizeLabel, people, seed, copySeconds) {
  const reused = seed.reused;
  const when = reused ? `reused (seeded ${new Date(reused.seeded_at).toISOString().slice(0, 10)} in ${seconds(reused.rows_seconds)})` : `${seconds(seed.seeded.rowsSeconds)} (this run)`;
  const indexes = seconds(reused ? reused.index_seconds : seed.seeded.indexSeconds);
  section('execution: demo company database', ['size', 'rows', 'seeding', 'indexes', 'copy for this run'], [
    [sizeLabel, describeSize(people), when, indexes, seconds(copySeconds)],
  ]);
}

function subjectRows(result) {
  const { samples, left, found, mismatches, erasedSubjects } = result;
  const eraseRatio = median(samples.eraseEngine) / median(samples.eraseDirect);
  const accessRatio = median(samples.accessEngine) / median(samples.accessDirect);
  const line = (operation, engine, direct, target, verdict) => [
    operation,
    ms(median(engine)),
    ms(p95(engine)),
    ms(median(direct)),
    ms(p95(direct)),
    ratio(median(engine) / median(direct)),
    ratio(p95(engine) / p95(direct)),
    target,
    verdict,
  ];
  const checksOk = left.customers === 0 && left.subscriptions === 0 && mismatches === 0;
  section(
    `execution: one subject through PostgresConnector (shop) vs the same SQL through pg, ${samples.eraseEngine.length} subjects each`,
    ['operation', 'engine median ms', 'engine p95 ms', 'direct median ms', 'direct p95 ms', 'ratio (median)', 'ratio (p95)', 'target', 'verdict'],
    [
      line('erase: 5 tables in 1 transaction (engine also counts found/changed)', samples.eraseEngine, samples.eraseDirect, `≤ ${ERASE_TARGET}×`, eraseRatio <= ERASE_TARGET ? 'ok' : 'FAIL'),
      line('access: 5 tables, rows discarded (engine: snapshot transaction + cursors)', samples.accessEngine, samples.accessDirect, '', ''),
    ],
  );
  console.log(
    `\nchecks: ${erasedSubjects} erased subjects leave ${left.customers} customers rows and ${left.subscriptions} plain newsletter emails; ` +
      `rows exported engine ${count(found.engine)} / direct ${count(found.direct)}; per-collection row counts differing on the same subject: ${mismatches}`,
  );
  return [
    { benchmark: 'execution', measure: 'erase one subject, ms (median)', ours: ms(median(samples.eraseEngine)), baseline: ms(median(samples.eraseDirect)), ratio: ratio(eraseRatio), target: `≤ ${ERASE_TARGET}×`, verdict: eraseRatio <= ERASE_TARGET ? 'ok' : 'FAIL' },
    { benchmark: 'execution', measure: 'access one subject, ms (median)', ours: ms(median(samples.accessEngine)), baseline: ms(median(samples.accessDirect)), ratio: ratio(accessRatio), target: '', verdict: '' },
    { benchmark: 'execution', measure: 'erased = gone, engine rows = direct rows', ours: `${left.customers + left.subscriptions} left`, baseline: `${mismatches} mismatches`, ratio: '', target: '0 and 0', verdict: checksOk ? 'ok' : 'FAIL' },
  ];
}

function flowRows(result) {
  const engine = median(result.engine);
  const raw = median(result.raw);
  const value = engine / raw;
  const shape = `1 parent + ${result.systems.length} children (${result.systems.join(', ')})`;
  const allDone = result.systemExecutions.done === result.systemExecutions.systems;
  section(
    `execution: erasure requests end to end, ${result.requests} per round × ${result.engine.length} rounds`,
    ['measure', 'engine (approve → completed)', 'raw BullMQ flow (no-op jobs)', 'ratio', 'target', 'verdict'],
    [
      ['requests/s (median)', engine.toFixed(1), raw.toFixed(0), ratio(value), `≥ ${FLOW_TARGET}×`, value >= FLOW_TARGET ? 'ok' : 'FAIL'],
      ['requests/s per round', result.engine.map((r) => r.toFixed(1)).join(', '), result.raw.map((r) => r.toFixed(0)).join(', '), '', '', ''],
      ['flow shape', `start-execution + ${shape}`, shape, '', '', ''],
      ['system executions done', `${result.systemExecutions.done} / ${result.systemExecutions.systems}`, '', '', 'all', allDone ? 'ok' : 'FAIL'],
    ],
  );
  section(
    'execution: where an erasure request\'s time goes under that load (measured rounds)',
    ['stage', 'median ms', 'p95 ms'],
    result.stages.map((stage) => [stage.stage, ms(stage.medianMs), ms(stage.p95Ms)]),
  );
  const cpuCell = (used) => {
    const total = Object.values(used).reduce((sum, value) => sum + value, 0);
    return `${ms(total)} (${Object.entries(used).map(([name, value]) => `${name} ${ms(value)}`).join(', ')})`;
  };
  console.log(`\nCPU ms per request, engine: ${cpuCell(result.cpu.engine)}`);
  console.log(`CPU ms per flow, raw: ${cpuCell(result.cpu.raw)}`);
  return [
    { benchmark: 'execution', measure: 'erasure requests/s end to end (median)', ours: engine.toFixed(1), baseline: raw.toFixed(0), ratio: ratio(value), target: `≥ ${FLOW_TARGET}×`, verdict: value >= FLOW_TARGET && allDone ? 'ok' : 'FAIL' },
  ];
}

function memoryRows(results) {
  const [small, large] = EXPORT_SIZES;
  const peak = (rows) => Math.max(...results[rows].map((r) => Math.max(r.peakRss, r.hwmRss)));
  const line = (rows) => {
    const runs = results[rows];
    return [
      count(rows),
      count(runs[0].rows),
      mb(median(runs.map((r) => r.loadedRss))),
      mb(median(runs.map((r) => r.peakRss))),
      mb(Math.max(...runs.map((r) => r.hwmRss))),
      `${mb(median(runs.map((r) => r.peakHeapUsed)))} / ${mb(median(runs.map((r) => r.peakArrayBuffers)))}`,
      median(runs.map((r) => r.exportSeconds)).toFixed(2),
      median(runs.map((r) => r.buildSeconds)).toFixed(2),
      (median(runs.map((r) => r.packageBytes)) / 1024 / 1024).toFixed(1),
      `< ${RSS_TARGET_MB} MB`,
      peak(rows) < RSS_TARGET_MB * 1024 * 1024 ? 'ok' : 'FAIL',
    ];
  };
  section(
    `execution: one subject's access export into the package store, then the package (own process, RSS sampled every 20 ms, ${results[large].length} runs each)`,
    ['page views', 'rows exported', 'RSS after load MB', 'peak RSS MB (median)', 'VmHWM MB (max)', 'peak JS heap / Buffers MB', 'export s', 'package s', 'package MB', 'target', 'verdict'],
    [line(small), line(large)],
  );
  const ours = peak(large);
  const baseline = peak(small);
  return [
    { benchmark: 'execution', measure: `export peak RSS MB, ${count(large)} vs ${count(small)} page views (max)`, ours: mb(ours), baseline: mb(baseline), ratio: ratio(ours / baseline), target: `< ${RSS_TARGET_MB} MB`, verdict: ours < RSS_TARGET_MB * 1024 * 1024 ? 'ok' : 'FAIL' },
  ];
}

export async function executionBenchmark({ rounds, size = 'small', only }) {
  const people = peopleFor(size);
  const parts = only ? only.split(',').map((part) => part.trim()) : EXECUTION_PARTS;
  const unknown = parts.filter((part) => !EXECUTION_PARTS.includes(part));
  if (unknown.length > 0) {
    throw new Error(`unknown --only part(s): ${unknown.join(', ')}; known: ${EXECUTION_PARTS.join(', ')}`);
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'rightsdesk-bench-execution-'));
  const postgres = await startPostgres({ dataDir: CLUSTER_DIR, mode: 'ephemeral' });
  const services = [];
  const rows = [];
  try {
    log(`demo company database, ${describeSize(people)}…`);
    const seed = await ensureSeeded(postgres.url, people, log);
    const run = await copyForRun(postgres.url, seed.name, RUN_DB);
    seedTable(size, people, seed, run.seconds);
    const dataMap = await loadDataMap(DATAMAP_PATH);
    const groups = {
      ...(parts.includes('subject') ? { warm: 80, eraseEngine: SUBJECT_SAMPLES, eraseDirect: SUBJECT_SAMPLES, accessEngine: SUBJECT_SAMPLES, accessDirect: SUBJECT_SAMPLES } : {}),
      ...(parts.includes('flow') ? Object.fromEntries([FLOW_WARMUP, ...Array(rounds).fill(FLOW_REQUESTS)].map((n, i) => [`flow${i}`, n])) : {}),
    };
    const subjects = await pickSubjects(run.url, groups);

    if (parts.includes('subject')) {
      log(`per-subject erase and access, ${SUBJECT_SAMPLES} subjects each side…`);
      rows.push(...subjectRows(await measureSubjects({ url: run.url, dataMap, subjects })));
    }
    if (parts.includes('flow')) {
      const redis = await startRedis({ installIfMissing: false });
      services.push(redis);
      const mail = await startMailCatcher({ dir: path.join(dir, 'mail') });
      services.push(mail);
      const s3 = await startS3({ dir: path.join(dir, 's3'), buckets: ['demo-avatars'] });
      services.push(s3);
      const env = {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        DATABASE_URL: await createEmptyDatabase(postgres.url, APP_DB),
        REDIS_URL: redis.url,
        SMTP_URL: mail.url,
        SECRET_KEY: randomBytes(32).toString('base64'),
        DATAMAP_PATH,
        DEMO_COMPANY_DATABASE_URL: run.url,
        DEMO_S3_ENDPOINT: s3.url,
        DEMO_S3_ACCESS_KEY_ID: s3.accessKeyId,
        DEMO_S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
        PACKAGE_DIR: path.join(dir, 'packages'),
        WORKER_HEALTH_PORT: String(await freePort()),
        // Logging off for the worker as for the intake bench; the comparison is about the work.
        LOG_LEVEL: 'warn',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      };
      const flowSubjects = Object.keys(groups)
        .filter((key) => key.startsWith('flow'))
        .map((key) => subjects[key]);
      log(`erasure requests end to end, ${rounds} rounds × ${FLOW_REQUESTS}…`);
      rows.push(...flowRows(await measureFlow({ env, subjects: flowSubjects, pids: { postgres: postgres.pid, redis: redis.pid }, log })));
    }
    if (parts.includes('memory')) {
      log(`access export memory, ${EXPORT_SIZES.map(count).join(' and ')} page views, ${rounds} runs each…`);
      const results = await measureMemory({ url: run.url, dataMapPath: DATAMAP_PATH, dir: path.join(dir, 'export'), secretKey: randomBytes(32).toString('base64'), rounds });
      rows.push(...memoryRows(results));
    }
    const flags = [`--size ${size}`, ...(only ? [`--only ${only}`] : [])].join(' ');
    console.log(
      `\nhow to reproduce: npm run bench -- execution ${flags} (BENCH_ROUNDS=${rounds}; the seeded database stays in ${path.relative(root, CLUSTER_DIR)}, delete it to reseed)\n`,
    );
    return rows;
  } finally {
    for (const service of services.reverse()) {
      await service.stop();
    }
    await dropDatabase(postgres.url, RUN_DB).catch(() => undefined);
    await dropDatabase(postgres.url, APP_DB).catch(() => undefined);
    await postgres.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
