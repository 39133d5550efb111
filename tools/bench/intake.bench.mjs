// Intake under load: POST /api/v1/requests with valid bodies and distinct emails (rate limits
// lifted) against a bare endpoint on the same server (GET /health/live: routing, guard, filter
// and serialization, no work). Target: intake ≥ 0.15× the bare endpoint, with every accepted
// request persisted and its email queued.
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
  const api = spawn(process.execPath, [path.join(root, 'dist/apps/api/src/main.js')], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: '20',
      REDIS_URL: redis.url,
      SMTP_URL: 'smtp://127.0.0.1:1',
      SECRET_KEY: randomBytes(32).toString('base64'),
      RATE_LIMIT_ENABLED: 'false',
      // Request logging off for both sides alike; the comparison is about the work per request.
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
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
    // Totals include the warm-up runs; every row must have its outbox message and its job.
    const { rows } = await db.query(`SELECT (SELECT count(*) FROM privacy_request)::int AS requests, (SELECT count(*) FROM outbox_message)::int AS messages`);
    await db.end();
    const queue = new Queue('email', { connection: { url: redis.url }, prefix: 'rightsdesk' });
    const counts = await queue.getJobCounts('waiting', 'delayed', 'active', 'failed', 'completed');
    await queue.close();
    const queued = counts.waiting + counts.delayed + counts.active + counts.failed + counts.completed;

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
        baseline: `${rows[0].requests} rows, ${rows[0].messages} outbox, ${queued} jobs`,
        ratio: '',
        target: 'all equal',
        verdict: rows[0].requests === rows[0].messages && rows[0].messages === queued && other === 0 ? 'ok' : 'FAIL',
      },
    ];
  } finally {
    api.kill('SIGTERM');
    await new Promise((resolve) => api.once('exit', resolve));
    await redis.stop();
    await postgres.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
