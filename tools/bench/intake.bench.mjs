// Intake under load: POST /api/v1/requests with valid bodies and distinct emails (rate limits
// lifted) against a bare endpoint on the same server (GET /health/live: routing, guard, filter
// and serialization, no work). Target: intake ≥ 0.15× the bare endpoint, with every accepted
// request persisted with its email in the outbox, and a worker's relay then queueing all of them.
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '../..');
const { startPostgres, startRedis, freePort } = require(path.join(root, 'dist/libs/local-services/src'));
const { Client } = require('pg');
const { Queue } = require('bullmq');
const run = promisify(execFile);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function load(spec) {
  const { stdout } = await run(process.execPath, [path.join(import.meta.dirname, 'load.cjs'), JSON.stringify(spec)], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').pop());
}

async function waitReady(url, child) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`api exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('api did not become ready');
}

export async function intakeBenchmark({ rounds, seconds }) {
  const dir = await mkdtemp(path.join(tmpdir(), 'rightsdesk-bench-'));
  const postgres = await startPostgres({ dataDir: path.join(dir, 'pg'), mode: 'ephemeral' });
  const redis = await startRedis({ installIfMissing: false });
  const admin = new Client({ connectionString: postgres.url });
  await admin.connect();
  await admin.query('CREATE DATABASE bench');
  await admin.end();
  const databaseUrl = postgres.url.replace(/\/[^/]*$/, '/bench');
  const port = await freePort();
  const env = {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    PORT: String(port),
    WORKER_HEALTH_PORT: String(await freePort()),
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis.url,
    // Nothing listens there: sends fail and wait for a retry, which is all the check needs.
    SMTP_URL: 'smtp://127.0.0.1:1',
    SECRET_KEY: randomBytes(32).toString('base64'),
    RATE_LIMIT_ENABLED: 'false',
    // Request logging off for both sides alike; the comparison is about the work per request.
    LOG_LEVEL: 'warn',
  };
  const api = spawn(process.execPath, [path.join(root, 'dist/apps/api/src/main.js')], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  let worker;
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitReady(`${base}/health/ready`, api);
    const bare = { url: `${base}/health/live`, method: 'GET', connections: 50, durationSeconds: seconds };
    const intake = { url: `${base}/api/v1/requests`, method: 'POST', body: 'intake', connections: 50, durationSeconds: seconds };
    await load({ ...bare, durationSeconds: 2 });
    await load({ ...intake, durationSeconds: 2 });

    const bareRuns = [];
    const intakeRuns = [];
    for (let round = 0; round < rounds; round++) {
      bareRuns.push(await load(bare));
      intakeRuns.push(await load(intake));
    }

    const accepted = intakeRuns.reduce((sum, r) => sum + (r.statuses['202'] ?? 0), 0);
    const other = intakeRuns.reduce((sum, r) => sum + Object.entries(r.statuses).filter(([s]) => s !== '202').reduce((n, [, c]) => n + c, 0), 0);
    // Requests still in flight when a load run stopped finish on the server; let them land first.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    const { rows } = await db.query(`SELECT (SELECT count(*) FROM privacy_request)::int AS requests, (SELECT count(*) FROM outbox_message)::int AS messages`);
    // Outside the measured window: a worker's relay must move every committed message to the queue.
    worker = spawn(process.execPath, [path.join(root, 'dist/apps/worker/src/main.js')], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    const queue = new Queue('email', { connection: { url: redis.url }, prefix: 'rightsdesk' });
    let queued = 0;
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
      const counts = await queue.getJobCounts('waiting', 'delayed', 'active', 'failed', 'completed', 'prioritized');
      queued = Object.values(counts).reduce((sum, n) => sum + n, 0);
      if (queued >= rows[0].messages) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    await queue.close();
    await db.end();

    const ours = median(intakeRuns.map((r) => r.requestsPerSecond));
    const baseline = median(bareRuns.map((r) => r.requestsPerSecond));
    const ratio = ours / baseline;
    const warmupAccepted = rows[0].requests - accepted;
    return [
      { benchmark: 'intake', measure: 'requests/s (median)', ours: ours.toFixed(0), baseline: baseline.toFixed(0), ratio: `${ratio.toFixed(2)}×`, target: '≥ 0.15×', verdict: ratio >= 0.15 ? 'ok' : 'FAIL' },
      { benchmark: 'intake', measure: 'p99 latency ms (median)', ours: median(intakeRuns.map((r) => r.p99Ms)), baseline: median(bareRuns.map((r) => r.p99Ms)), ratio: '', target: '', verdict: '' },
      {
        benchmark: 'intake',
        measure: 'accepted = persisted = emails queued',
        ours: `${accepted} accepted (+${warmupAccepted} warm-up), ${other} other`,
        baseline: `${rows[0].requests} rows, ${rows[0].messages} outbox, ${queued} jobs after relay`,
        ratio: '',
        target: 'all equal',
        verdict: rows[0].requests === rows[0].messages && rows[0].messages === queued && other === 0 ? 'ok' : 'FAIL',
      },
    ];
  } finally {
    for (const child of [api, worker].filter(Boolean)) {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((resolve) => child.once('exit', resolve));
      }
    }
    await redis.stop();
    await postgres.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
