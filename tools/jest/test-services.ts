import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type RunningService } from '../../libs/local-services/src';
import { TEST_DIR_PREFIX } from '../../libs/testing/src/test-services.constants';

// What the global setup started, kept on globalThis because Jest loads the setup and teardown
// files as separate modules in the same process.
export interface TestServices {
  dir: string;
  postgres?: RunningService;
  redis?: RunningService;
  /** s3rver, running inside the Jest process itself (so it has no pid to record for the sweep). */
  s3?: RunningService;
  /** Environment variables the setup exported, removed again so `jest --watch` starts afresh. */
  exported: string[];
}

const STATE_KEY = Symbol.for('rightsdesk.testServices');
const RUN_FILE = 'run.json';

interface RunRecord {
  ownerPid: number;
  postgresPid?: number;
  redisPid?: number;
}

type WithState = typeof globalThis & { [STATE_KEY]?: TestServices };

export function getTestServices(): TestServices | undefined {
  return (globalThis as WithState)[STATE_KEY];
}

export function setTestServices(services: TestServices | undefined): void {
  (globalThis as WithState)[STATE_KEY] = services;
}

export async function recordRun(services: TestServices): Promise<void> {
  const record: RunRecord = {
    ownerPid: process.pid,
    postgresPid: services.postgres?.pid,
    redisPid: services.redis?.pid,
  };
  await writeFile(path.join(services.dir, RUN_FILE), JSON.stringify(record));
}

/**
 * A run that was killed (Ctrl-C twice, OOM, a CI timeout) never reaches the teardown and leaves
 * its servers behind. Stop those whose Jest process is gone and remove their directories.
 */
export async function sweepStrayRuns(): Promise<void> {
  const tmp = os.tmpdir();
  const entries = await readdir(tmp).catch(() => []);
  for (const entry of entries.filter((name) => name.startsWith(TEST_DIR_PREFIX))) {
    const dir = path.join(tmp, entry);
    const record = await readRecord(dir);
    if (!record || isAlive(record.ownerPid)) {
      continue;
    }
    await signalIf(record.postgresPid, 'SIGINT', (cmdline) => cmdline.includes(dir));
    await signalIf(record.redisPid, 'SIGTERM', (cmdline) => cmdline.includes('redis-server'));
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

async function readRecord(dir: string): Promise<RunRecord | undefined> {
  try {
    return JSON.parse(await readFile(path.join(dir, RUN_FILE), 'utf8')) as RunRecord;
  } catch {
    return undefined;
  }
}

// Checks the command line first so that a recycled pid never gets a signal meant for our server.
async function signalIf(
  pid: number | undefined,
  signal: NodeJS.Signals,
  matches: (cmdline: string) => boolean,
): Promise<void> {
  if (pid === undefined) {
    return;
  }
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  if (cmdline && matches(cmdline.replace(/\0/g, ' '))) {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
