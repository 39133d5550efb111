import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { type Readable } from 'node:stream';

export interface AppProcess {
  name: string;
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  hasExited(): boolean;
  /** SIGTERM, then SIGKILL after graceMs. */
  stop(graceMs: number): Promise<void>;
  kill(): void;
}

/** Runs one of our Node apps with its output prefixed (`api │ …`) on our stdout and stderr. */
export function spawnApp(
  name: string,
  script: string,
  options: { cwd: string; env: NodeJS.ProcessEnv; prefixWidth: number },
): AppProcess {
  const child = spawn(process.execPath, ['--enable-source-maps', script], {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group: a terminal Ctrl-C reaches only the CLI, which stops the apps before
    // the databases they are still using.
    detached: true,
  });
  const prefix = `${name.padEnd(options.prefixWidth)} │ `;
  pipeLines(child.stdout, (line) => process.stdout.write(`${prefix}${line}\n`));
  pipeLines(child.stderr, (line) => process.stderr.write(`${prefix}${line}\n`));

  let done = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('error', (error) => {
      process.stderr.write(`${prefix}could not start: ${error.message}\n`);
      done = true;
      resolve({ code: null, signal: null });
    });
    child.once('exit', (code, signal) => {
      done = true;
      resolve({ code, signal });
    });
  });

  const kill = (): void => {
    if (!done) {
      child.kill('SIGKILL');
    }
  };
  return {
    name,
    child,
    exited,
    hasExited: () => done,
    kill,
    stop: async (graceMs) => {
      if (done) {
        return;
      }
      child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const graceOver = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), graceMs);
      });
      const outcome = await Promise.race([exited, graceOver]);
      clearTimeout(timer);
      if (outcome === 'timeout') {
        process.stderr.write(`${prefix}did not stop within ${graceMs / 1000} s; killing it\n`);
        kill();
        await exited;
      }
    },
  };
}

function pipeLines(stream: Readable | null, write: (line: string) => void): void {
  if (stream) {
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', write);
  }
}
