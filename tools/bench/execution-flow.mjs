// End-to-end erasure throughput: requests inserted in awaiting_review, approved through the real
// ExecutionService, run by the real worker process (start-execution → a BullMQ flow with one job
// per system → finalize) until every one is `completed`. Baseline: raw BullMQ flows of the same
// shape (1 parent + 1 child per participating system, same job options and concurrency) with
// no-op processors in a process of their own, on the same Redis. Rounds alternate raw/engine.
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import path from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { cpuSince, cpuSnapshot } from './execution-cpu.mjs';
import { inParallel, sleep } from './execution-stats.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '../..');
const dist = (lib) => require(path.join(root, 'dist', lib));
const { Client } = require('pg');

// Approvals in flight at once, as a few officers (or an auto-approval rule) would send them.
const APPROVALS_IN_FLIGHT = 8;
const POLL_MS = 50;
const ROUND_TIMEOUT_MS = 15 * 60_000;
const RAW_PREFIX = 'benchraw';

async function waitReady(url, child) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`worker exited with ${child.exitCode}`);
    }
    try {
      if ((await fetch(url)).ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error('worker did not become ready');
}

async function stopChild(child) {
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
}

/** The workflow services in this process, as the CLI runs them (apps/cli/src/cli-context.ts). */
async function workflowContext(config) {
  require('reflect-metadata');
  const { Logger, Module } = require('@nestjs/common');
  const { NestFactory } = require('@nestjs/core');
  const { ConfigModule } = dist('libs/config/src');
  const { WorkflowModule } = dist('libs/workflow/src');
  class BenchWorkflowModule {}
  Module({ imports: [ConfigModule.forRoot(config), WorkflowModule] })(BenchWorkflowModule);
  Logger.overrideLogger(['error']);
  return NestFactory.createApplicationContext(BenchWorkflowModule, { logger: ['error'] });
}

/** A verified erasure request waiting for an officer, with the columns intake writes. */
function awaitingReview(email, { cipher, hash, now }) {
  const { PrivacyRequestEntity } = dist('libs/data-access/src');
  const { computeDeadline, formatReference, regimeFor, toCalendarDate } = dist('libs/domain/src');
  const regime = regimeFor('DE', undefined, 'gdpr');
  const receivedOn = toCalendarDate(now);
  const deadline = computeDeadline({ regime, type: 'erasure', receivedOn });
  return Object.assign(new PrivacyRequestEntity(), {
    id: randomUUID(),
    reference: formatReference(randomBytes(10)),
    type: 'erasure',
    status: 'awaiting_review',
    regime,
    country: 'DE',
    region: null,
    language: 'en',
    channel: 'web',
    emailLookup: hash.email(email),
    dedupKey: null,
    personalData: cipher.encryptJson({ email, name: null, details: null }),
    receivedAt: now,
    receivedOn,
    dueOn: deadline.dueOn,
    dueExplanation: deadline.explanation,
    extended: false,
    verifiedAt: now,
    verificationFailures: 0,
    verificationSentAt: now,
    statusTokenHash: null,
    closedAt: null,
  });
}

/**
 * Where a request's time went, median ms over the measured requests: from approval to the
 * execution's start (the start-execution job), to each system job's start and through its work,
 * and from the last system's end to completion (the finalize job). Under load these are mostly
 * queue waits, so they show which queue backs up.
 */
async function stageMedians(db, ids) {
  const { rows } = await db.query(
    `WITH approved AS (
       SELECT request_id, min(occurred_at) AS at FROM audit_event
        WHERE action = 'request_approved' AND request_id = ANY($1::uuid[]) GROUP BY request_id
     ), systems AS (
       SELECT request_id, max(finished_at) AS last_done FROM system_execution WHERE request_id = ANY($1::uuid[]) GROUP BY request_id
     ), stages AS (
       SELECT 'approved → execution started' AS stage, 1 AS position, e.started_at - a.at AS took
         FROM request_execution e JOIN approved a USING (request_id)
       UNION ALL
       SELECT 'execution started → ' || s.system_key || ' job started', 2, s.started_at - e.started_at
         FROM system_execution s JOIN request_execution e USING (request_id) WHERE s.request_id = ANY($1::uuid[])
       UNION ALL
       SELECT s.system_key || ' job work', 3, s.finished_at - s.started_at
         FROM system_execution s WHERE s.request_id = ANY($1::uuid[])
       UNION ALL
       SELECT 'last system done → completed', 4, e.finished_at - l.last_done
         FROM request_execution e JOIN systems l USING (request_id)
       UNION ALL
       SELECT 'approved → completed', 5, e.finished_at - a.at
         FROM request_execution e JOIN approved a USING (request_id)
     )
     SELECT stage, percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM took) * 1000) AS median_ms,
            percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM took) * 1000) AS p95_ms
       FROM stages GROUP BY stage, position ORDER BY position, stage`,
    [ids],
  );
  return rows.map((row) => ({ stage: row.stage, medianMs: Number(row.median_ms), p95Ms: Number(row.p95_ms) }));
}

/**
 * env: the worker's environment (DATABASE_URL, REDIS_URL, DATAMAP_PATH, …). subjects: lists of
 * { email } per round, the first being the warm-up. pids: the postmaster's and redis-server's.
 * Returns requests/s per round for both sides, stage medians and CPU ms per request by process.
 */
export async function measureFlow({ env, subjects, pids, log }) {
  const { loadConfig } = dist('libs/config/src');
  const { participatingSystems, ExecutionService, FieldCipher, KeyedHash } = dist('libs/workflow/src');
  const { JOB_DEFINITIONS, systemQueueName } = dist('libs/queue/src');
  const { FlowProducer, Queue } = require('bullmq');
  const { DataSource } = require('typeorm');
  const { PrivacyRequestEntity } = dist('libs/data-access/src');
  const config = loadConfig(env);
  const { loadDataMap } = dist('libs/connectors/src');
  const dataMap = await loadDataMap(env.DATAMAP_PATH);
  const systems = participatingSystems(dataMap, 'erasure');

  const nodeArgs = (process.env.BENCH_WORKER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const worker = spawn(process.execPath, [...nodeArgs, path.join(root, 'dist/apps/worker/src/main.js')], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const rawSpec = {
    redisUrl: env.REDIS_URL,
    prefix: RAW_PREFIX,
    queues: [
      { name: JOB_DEFINITIONS['finalize-request'].queue, concurrency: config.worker.concurrency },
      ...systems.map((system) => ({ name: systemQueueName(system.key), concurrency: system.concurrency, global: true })),
    ],
  };
  const raw = spawn(process.execPath, [path.join(import.meta.dirname, 'execution-raw-worker.mjs'), JSON.stringify(rawSpec)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const connection = { url: env.REDIS_URL };
  const flows = new FlowProducer({ connection, prefix: RAW_PREFIX });
  const parents = new Queue(JOB_DEFINITIONS['finalize-request'].queue, { connection, prefix: RAW_PREFIX });
  const db = new Client({ connectionString: env.DATABASE_URL });
  let app;
  try {
    await waitReady(`http://127.0.0.1:${env.WORKER_HEALTH_PORT}/health/ready`, worker);
    const [line] = await Promise.race([
      once(raw.stdout, 'data'),
      once(raw, 'exit').then(([code]) => Promise.reject(new Error(`raw worker exited with ${code}`))),
    ]);
    if (String(line).trim() !== 'ready') {
      throw new Error(`raw worker said ${String(line)}`);
    }
    app = await workflowContext(config);
    await db.connect();
    const execution = app.get(ExecutionService);
    const repo = app.get(DataSource).getRepository(PrivacyRequestEntity);
    const sealing = { cipher: app.get(FieldCipher), hash: app.get(KeyedHash) };
    const cpu = { engine: {}, raw: {}, engineRequests: 0, rawFlows: 0 };
    const shared = { postgres: { pid: pids.postgres, withChildren: true }, redis: { pid: pids.redis }, 'bench process': { self: true } };
    const engineProcesses = { worker: { pid: worker.pid }, ...shared };
    const rawProcesses = { 'raw worker': { pid: raw.pid }, ...shared };
    const addCpu = (into, used) => {
      for (const [name, secondsUsed] of Object.entries(used)) {
        into[name] = (into[name] ?? 0) + secondsUsed;
      }
    };

    const engineRound = async (round) => {
      const requests = round.map(({ email }) => awaitingReview(email, { ...sealing, now: new Date() }));
      for (let i = 0; i < requests.length; i += 100) {
        await repo.insert(requests.slice(i, i + 100));
      }
      const ids = requests.map((request) => request.id);
      const cpuBefore = await cpuSnapshot(engineProcesses);
      const started = performance.now();
      const approving = inParallel(ids, APPROVALS_IN_FLIGHT, (id) => execution.approve(id, { type: 'officer', id: 'bench' }));
      approving.catch(() => undefined);
      for (const deadline = Date.now() + ROUND_TIMEOUT_MS; ; ) {
        const { rows } = await db.query(
          `SELECT count(*) FILTER (WHERE status = 'completed')::int AS completed, count(*) FILTER (WHERE status = 'failed')::int AS failed
             FROM privacy_request WHERE id = ANY($1::uuid[])`,
          [ids],
        );
        if (rows[0].failed > 0) {
          throw new Error(`${rows[0].failed} erasure request(s) failed; run the worker with LOG_LEVEL=info to see why`);
        }
        if (rows[0].completed === ids.length) {
          break;
        }
        if (Date.now() > deadline) {
          throw new Error(`only ${rows[0].completed} of ${ids.length} requests completed within ${ROUND_TIMEOUT_MS / 60_000} minutes`);
        }
        await sleep(POLL_MS);
      }
      const seconds = (performance.now() - started) / 1000;
      const cpuUsed = cpuSince(cpuBefore, await cpuSnapshot(engineProcesses));
      await approving;
      return { rate: ids.length / seconds, ids, cpuUsed };
    };

    let rawFlows = 0;
    const rawRound = async (n) => {
      rawFlows += n;
      // Completed parents are trimmed at removeOnComplete.count; counting past it would never finish.
      if (rawFlows > JOB_DEFINITIONS['finalize-request'].options.removeOnComplete.count) {
        throw new Error('too many raw flows for one run; use fewer BENCH_ROUNDS or BENCH_FLOW_REQUESTS');
      }
      const before = await parents.getCompletedCount();
      const cpuBefore = await cpuSnapshot(rawProcesses);
      const started = performance.now();
      await inParallel(
        Array.from({ length: n }, () => randomUUID()),
        APPROVALS_IN_FLIGHT,
        (requestId) =>
          flows.add({
            name: 'finalize-request',
            queueName: JOB_DEFINITIONS['finalize-request'].queue,
            data: { requestId, run: 0 },
            opts: { ...JOB_DEFINITIONS['finalize-request'].options, jobId: `finalize-request.${requestId}.0` },
            children: systems.map((system) => ({
              name: 'execute-system',
              queueName: systemQueueName(system.key),
              data: { requestId, systemKey: system.key, run: 0 },
              opts: {
                ...JOB_DEFINITIONS['execute-system'].options,
                attempts: config.execution.attempts,
                backoff: { type: 'exponential', delay: config.execution.backoffMs },
                jobId: `execute-system.${requestId}.0.${system.key}`,
              },
            })),
          }),
      );
      for (const deadline = Date.now() + ROUND_TIMEOUT_MS; ; ) {
        if ((await parents.getCompletedCount()) - before >= n) {
          break;
        }
        if (Date.now() > deadline) {
          throw new Error('raw flows did not complete');
        }
        await sleep(POLL_MS);
      }
      const rate = n / ((performance.now() - started) / 1000);
      return { rate, cpuUsed: cpuSince(cpuBefore, await cpuSnapshot(rawProcesses)) };
    };

    const [warm, ...rounds] = subjects;
    log(`flow warm-up: ${warm.length} raw flows, ${warm.length} erasure requests`);
    await rawRound(warm.length);
    await engineRound(warm);
    const result = { engine: [], raw: [], systems: systems.map((system) => system.key), requests: rounds[0]?.length ?? 0 };
    const measured = [];
    for (const [i, round] of rounds.entries()) {
      const rawResult = await rawRound(round.length);
      result.raw.push(rawResult.rate);
      addCpu(cpu.raw, rawResult.cpuUsed);
      cpu.rawFlows += round.length;
      const { rate, ids, cpuUsed } = await engineRound(round);
      result.engine.push(rate);
      addCpu(cpu.engine, cpuUsed);
      cpu.engineRequests += ids.length;
      measured.push(...ids);
      log(`flow round ${i + 1}/${rounds.length}: raw ${result.raw.at(-1).toFixed(0)} flows/s, engine ${result.engine.at(-1).toFixed(1)} requests/s`);
    }
    const { rows } = await db.query(
      `SELECT count(*)::int AS systems, count(*) FILTER (WHERE status = 'done')::int AS done FROM system_execution`,
    );
    result.systemExecutions = rows[0];
    result.stages = await stageMedians(db, measured);
    const perItem = (used, n) => Object.fromEntries(Object.entries(used).map(([name, secondsUsed]) => [name, (secondsUsed * 1000) / n]));
    result.cpu = { engine: perItem(cpu.engine, cpu.engineRequests), raw: perItem(cpu.raw, cpu.rawFlows) };
    return result;
  } finally {
    await app?.close();
    await db.end().catch(() => undefined);
    await flows.close();
    await parents.close();
    await stopChild(worker);
    await stopChild(raw);
  }
}
