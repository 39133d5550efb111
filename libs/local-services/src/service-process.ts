import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { type Readable } from 'node:stream';
import { type LogLine } from './running-service';

const KEPT_LINES = 40;

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
  error?: Error;
}

export interface ServiceProcess {
  child: ChildProcess;
  exited: Promise<ExitStatus>;
  hasExited(): boolean;
  /** The last lines the process printed, for error messages. */
  recentOutput(): string;
  /** Resolves true once the process has exited, false when timeoutMs passed first. */
  waitForExit(timeoutMs: number): Promise<boolean>;
}

export interface SpawnServiceOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Own process group, so a terminal Ctrl-C reaches only the parent, which stops services in order. */
  detached?: boolean;
  log?: LogLine;
}

export function spawnService(
  command: string,
  args: string[],
  options: SpawnServiceOptions = {},
): ServiceProcess {
  const lines: string[] = [];
  const keep = (line: string): void => {
    lines.push(line);
    if (lines.length > KEPT_LINES) {
      lines.shift();
    }
    options.log?.(line, 'output');
  };
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    detached: options.detached ?? false,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Always drain both pipes: a server blocks once a full pipe buffer is left unread.
  forEachLine(child.stdout, keep);
  forEachLine(child.stderr, keep);

  let done = false;
  const exited = new Promise<ExitStatus>((resolve) => {
    child.once('error', (error) => {
      done = true;
      resolve({ code: null, signal: null, error });
    });
    child.once('exit', (code, signal) => {
      done = true;
      resolve({ code, signal });
    });
  });

  return {
    child,
    exited,
    hasExited: () => done,
    recentOutput: () => lines.join('\n'),
    waitForExit: (timeoutMs) => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      });
      return Promise.race([exited.then(() => true), timeout]).finally(() => clearTimeout(timer));
    },
  };
}

/** Runs a command to completion; rejects with its last output lines when it fails. */
export async function runCommand(
  command: string,
  args: string[],
  options: Omit<SpawnServiceOptions, 'detached'> = {},
): Promise<void> {
  const proc = spawnService(command, args, options);
  const status = await proc.exited;
  if (status.error) {
    throw new Error(`${command} could not be started: ${status.error.message}`);
  }
  if (status.code !== 0) {
    const how = status.signal ? `was killed by ${status.signal}` : `exited with code ${status.code}`;
    throw new Error(`${[command, ...args].join(' ')} ${how}:\n${proc.recentOutput()}`);
  }
}

/** Sends a signal, ignoring a process that is already gone. */
export function sendSignal(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) {
    return;
  }
  try {
    process.kill(pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') {
      throw error;
    }
  }
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function forEachLine(stream: Readable | null, onLine: (line: string) => void): void {
  if (!stream) {
    return;
  }
  createInterface({ input: stream, crlfDelay: Infinity }).on('line', onLine);
}
