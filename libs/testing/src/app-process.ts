import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export interface AppProcess {
  readonly child: ChildProcess;
  /** The last lines the process wrote, for failure messages. */
  output(): string;
  /** SIGKILL: a crash, with no shutdown hooks. */
  crash(): Promise<void>;
  /** SIGTERM and wait: a normal stop. */
  stop(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '../../..');

/**
 * Runs a built app (`npm run build` first) as its own process, the way `npm start` and production
 * run it, and waits until its /health/ready answers.
 */
export async function startAppProcess(
  app: 'api' | 'worker',
  env: Record<string, string>,
  healthPort: number,
): Promise<AppProcess> {
  const main = path.join(ROOT, 'dist/apps', app, 'src/main.js');
  if (!existsSync(main)) {
    throw new Error(`${main} is missing: run \`npm run build\` before the end-to-end tests (npm test does)`);
  }
  const child = spawn(process.execPath, [main], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer): void => {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - 40));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const output = (): string => lines.join('\n');

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`${app} exited with ${child.exitCode} before it was ready:\n${output()}`);
    }
    try {
      if ((await fetch(`http://127.0.0.1:${healthPort}/health/ready`)).ok) {
        break;
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${app} was not ready within 30 s:\n${output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  const signal = async (name: NodeJS.Signals): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill(name);
      await exited;
    }
  };
  return { child, output, crash: () => signal('SIGKILL'), stop: () => signal('SIGTERM') };
}
