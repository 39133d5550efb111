import { accessSync, constants, existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { connect } from 'node:net';
import path from 'node:path';
import { freePort } from './free-port';
import { type LogLine, type RunningService } from './running-service';
import { runCommand, sendSignal, sleep, spawnService } from './service-process';

const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;

export const REDIS_MISSING_MESSAGE =
  'redis-server is not installed: apt-get install redis-server, brew install redis, or docker compose up -d redis (or set REDIS_URL)';

export interface StartRedisOptions {
  port?: number;
  /** Persistent when given: an append-only file in this directory. Otherwise nothing touches disk. */
  dataDir?: string;
  /** As root on Debian/Ubuntu, apt-get install redis-server when it is not on PATH. */
  installIfMissing?: boolean;
  log?: LogLine;
  /** Run in a separate process group, so a terminal Ctrl-C reaches only the parent. */
  detached?: boolean;
}

export async function startRedis(options: StartRedisOptions = {}): Promise<RunningService> {
  const log = options.log ?? (() => undefined);
  const binary = await locateRedisServer(options.installIfMissing ?? false, log);
  const port = options.port ?? (await freePort());
  const storage = options.dataDir
    ? ['--dir', path.resolve(options.dataDir), '--appendonly', 'yes']
    : ['--save', '', '--appendonly', 'no'];
  if (options.dataDir) {
    await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
  }
  const proc = spawnService(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--loglevel', 'warning', ...storage],
    {
      cwd: options.dataDir,
      detached: options.detached,
      log,
    },
  );

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    // SIGTERM makes Redis flush its append-only file and exit cleanly.
    stopping ??= (async () => {
      if (proc.hasExited()) {
        return;
      }
      sendSignal(proc.child.pid, 'SIGTERM');
      if (!(await proc.waitForExit(STOP_TIMEOUT_MS))) {
        sendSignal(proc.child.pid, 'SIGKILL');
        await proc.exited;
      }
    })();
    return stopping;
  };

  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = '';
  for (;;) {
    if (proc.hasExited()) {
      const status = await proc.exited;
      throw new Error(
        `redis-server exited before answering PING${status.error ? `: ${status.error.message}` : ''}:\n${proc.recentOutput()}`,
      );
    }
    last = await ping(port).catch((error: unknown) => String(error));
    if (last === '+PONG') {
      break;
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `redis-server did not answer PING on port ${port} within ${READY_TIMEOUT_MS / 1000} s (last: ${last}):\n${proc.recentOutput()}`,
      );
    }
    await sleep(25);
  }
  return { url: `redis://127.0.0.1:${port}`, port, pid: proc.child.pid, stop };
}

async function locateRedisServer(installIfMissing: boolean, log: LogLine): Promise<string> {
  const found = findOnPath('redis-server');
  if (found) {
    return found;
  }
  if (!installIfMissing || process.getuid?.() !== 0 || !findOnPath('apt-get')) {
    throw new Error(REDIS_MISSING_MESSAGE);
  }
  log('Installing redis-server with apt-get (it was not on PATH)…', 'info');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await runCommand('apt-get', ['update'], { env, log });
  await runCommand('apt-get', ['install', '-y', '--no-install-recommends', 'redis-server'], { env, log });
  const installed = findOnPath('redis-server');
  if (!installed) {
    throw new Error(REDIS_MISSING_MESSAGE);
  }
  return installed;
}

function findOnPath(command: string): string | undefined {
  // Debian puts redis-server in /usr/bin, but some PATHs (cron, minimal shells) miss /usr/sbin.
  const dirs = [
    ...(process.env.PATH ?? '').split(path.delimiter),
    '/usr/local/bin',
    '/usr/bin',
    '/usr/sbin',
    '/opt/homebrew/bin',
  ];
  for (const dir of dirs.filter(Boolean)) {
    const candidate = path.join(dir, command);
    try {
      if (existsSync(candidate)) {
        accessSync(candidate, constants.X_OK);
        return candidate;
      }
    } catch {
      // not executable: keep looking
    }
  }
  return undefined;
}

/** Sends PING over a raw socket and resolves with the first reply line, e.g. `+PONG` or `-LOADING …`. */
function ping(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1' });
    let reply = '';
    socket.setTimeout(1_000, () => socket.destroy(new Error('PING timed out')));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString('utf8');
      const end = reply.indexOf('\r\n');
      if (end >= 0) {
        socket.destroy();
        resolve(reply.slice(0, end));
      }
    });
    socket.once('error', reject);
    socket.once('close', () => reject(new Error('connection closed')));
  });
}
