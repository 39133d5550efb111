import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  createDatabaseIfMissing,
  freePort,
  isPortFree,
  startMailCatcher,
  startPostgres,
  startRedis,
  type LogLine,
  type RunningService,
} from '@rightsdesk/local-services';
import { loadConfig } from '@rightsdesk/config';
import { OfficerAccounts } from '@rightsdesk/workflow';
import { type CliCommand } from '../cli-command';
import { withWorkflow } from '../cli-context';
import { spawnApp, type AppProcess } from '../embedded/app-process';
import { type DemoAdmin, ensureDemoAdmin, isEmbeddedDemo } from '../embedded/demo-admin';
import { type DemoCompany, prepareDemoCompany } from '../embedded/demo-company-setup';
import { writeEmbeddedEnv } from '../embedded/embedded-env';
import { waitForHttpOk } from '../embedded/http-ready';
import { loadOrCreateSecrets } from '../embedded/secrets-file';
import { renderStartBanner, type ServiceLine } from '../embedded/start-banner';
import { workspacePaths, type WorkspacePaths } from '../embedded/workspace-paths';

// Fixed when free, so a database tool pointed at the embedded PostgreSQL keeps working.
const PREFERRED_POSTGRES_PORT = 54329;
const DATABASE_NAME = 'rightsdesk';
const READY_TIMEOUT_MS = 60_000;
const APP_STOP_GRACE_MS = 10_000;
const PREFIX_WIDTH = 8;

const USAGE = `Usage: rightsdesk start

Runs the api and the worker with everything they need on this machine. Each service is embedded
unless its variable is set:
  DATABASE_URL   else PostgreSQL in .rightsdesk/postgres (port ${PREFERRED_POSTGRES_PORT} when free)
  REDIS_URL      else Redis in .rightsdesk/redis (installed with apt-get when missing, as root)
  SMTP_URL       else a mail catcher writing .eml files to .rightsdesk/mail
Also read: PORT (3000), PUBLIC_URL (http://localhost:$PORT), WORKER_HEALTH_PORT (3001),
SECRET_KEY (else generated once into .rightsdesk/secrets.json), RIGHTSDESK_WORKDIR (another
folder instead of .rightsdesk/, for a second demo beside the first). Ctrl-C stops everything.
On the embedded database's first start (DEMO_MODE, on by default here) a console admin
admin@rightsdesk.localhost is created and its generated password printed once.
`;

export const startCommand: CliCommand = {
  name: 'start',
  summary: 'Run the api and worker on embedded PostgreSQL, Redis and a mail catcher (data in .rightsdesk/)',
  run: runStart,
};

async function runStart(argv: string[]): Promise<number> {
  try {
    const { values } = parseArgs({
      args: argv,
      options: { help: { type: 'boolean', short: 'h' } },
      strict: true,
    });
    if (values.help) {
      process.stdout.write(USAGE);
      return 0;
    }
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }

  const paths = workspacePaths();
  const problem = await preflight(paths);
  if (problem) {
    process.stderr.write(`${problem}\n`);
    return 1;
  }
  const session = new StartSession(paths);
  const onSignal = (signal: NodeJS.Signals): void => session.onSignal(signal);
  const onExit = (): void => session.killEverything();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('exit', onExit);
  try {
    return await session.run();
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('exit', onExit);
  }
}

async function preflight(paths: WorkspacePaths): Promise<string | undefined> {
  for (const main of [paths.apiMain, paths.workerMain]) {
    if (!existsSync(main)) {
      return `${path.relative(paths.root, main)} is missing: run \`npm run build\` first (\`npm start\` builds, then starts)`;
    }
  }
  for (const name of ['PORT', 'WORKER_HEALTH_PORT'] as const) {
    const port = portFromEnv(name);
    if (port === undefined) {
      return `${name} must be a port number, got "${process.env[name]}"`;
    }
    if (!(await isPortFree(port))) {
      return `Port ${port} (${name}) is already in use: stop whatever listens there, or set ${name} to another port`;
    }
  }
  return undefined;
}

function portFromEnv(name: 'PORT' | 'WORKER_HEALTH_PORT'): number | undefined {
  const raw = process.env[name] ?? (name === 'PORT' ? '3000' : '3001');
  const port = Number(raw);
  return Number.isInteger(port) && port > 0 && port < 65536 ? port : undefined;
}

interface Started {
  postgres?: RunningService;
  redis?: RunningService;
  mail?: RunningService;
  s3?: RunningService;
}

/** One `start` run: services first, then the apps; stops in the reverse order. */
class StartSession {
  private readonly started: Started = {};
  private apps: AppProcess[] = [];
  private starting: Promise<unknown> | undefined;
  private stopping: Promise<void> | undefined;
  private stopped = false;
  private signals = 0;
  private finish: (code: number) => void = () => undefined;

  constructor(private readonly paths: WorkspacePaths) {}

  run(): Promise<number> {
    return new Promise<number>((resolve) => {
      this.finish = resolve;
      void this.startAll();
    });
  }

  onSignal(signal: NodeJS.Signals): void {
    this.signals += 1;
    if (this.signals === 1) {
      say(`\n${signal} received: stopping…`);
      this.shutdown(0);
      return;
    }
    say(`${signal} received again: killing the api and the worker now`);
    for (const app of this.apps) {
      app.kill();
    }
  }

  /** Last resort when the CLI itself dies: leave no server behind. */
  killEverything(): void {
    if (this.stopped) {
      return;
    }
    for (const app of this.apps) {
      app.kill();
    }
    signalQuietly(this.started.postgres?.pid, 'SIGINT');
    signalQuietly(this.started.redis?.pid, 'SIGTERM');
  }

  private async startAll(): Promise<void> {
    try {
      await mkdir(this.paths.workDir, { recursive: true });
      const secretKey = process.env.SECRET_KEY ?? (await this.secretKey());
      const services = Promise.all([this.database(), this.redis(), this.mail()]);
      this.starting = services.catch(() => undefined);
      const [database, redis, mail] = await services;
      if (this.stopping) {
        return;
      }
      // The demo company needs the embedded PostgreSQL; bring your own with DATAMAP_PATH.
      const demo: DemoCompany | null =
        this.started.postgres && !process.env.DATAMAP_PATH
          ? await prepareDemoCompany(this.paths, this.started.postgres.url, (line) => say(line))
          : null;
      this.started.s3 = demo?.s3;
      if (this.stopping) {
        return;
      }

      const port = portFromEnv('PORT') ?? 3000;
      const workerHealthPort = portFromEnv('WORKER_HEALTH_PORT') ?? 3001;
      const publicUrl = (process.env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, '');
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        DATABASE_URL: database.url,
        REDIS_URL: redis.url,
        SMTP_URL: mail.url,
        ...(mail.embedded ? { MAILBOX_DIR: this.paths.mailDir } : {}),
        PORT: String(port),
        PUBLIC_URL: publicUrl,
        WORKER_HEALTH_PORT: String(workerHealthPort),
        SECRET_KEY: secretKey,
        DEMO_MODE: process.env.DEMO_MODE ?? 'true',
        PACKAGE_DIR: process.env.PACKAGE_DIR ?? this.paths.packageDir,
        OFFICERS_EMAIL: process.env.OFFICERS_EMAIL ?? 'privacy-team@example.com',
        ...demo?.env,
      };
      await writeEmbeddedEnv(this.paths.envFile, env);
      this.apps = [
        spawnApp('api', this.paths.apiMain, { cwd: this.paths.root, env, prefixWidth: PREFIX_WIDTH }),
        spawnApp('worker', this.paths.workerMain, { cwd: this.paths.root, env, prefixWidth: PREFIX_WIDTH }),
      ];
      for (const app of this.apps) {
        void app.exited.then(({ code, signal }) => {
          if (!this.stopping) {
            say(
              `${app.name} exited unexpectedly (${signal ?? `code ${code}`}): stopping everything`,
              'stderr',
            );
            this.shutdown(1);
          }
        });
      }

      const apiHealthUrl = `http://127.0.0.1:${port}/health/ready`;
      const ready = await waitForHttpOk(apiHealthUrl, READY_TIMEOUT_MS, () => this.stopping !== undefined);
      if (this.stopping) {
        return;
      }
      if (!ready) {
        say(
          `The api did not answer ${apiHealthUrl} with 200 within ${READY_TIMEOUT_MS / 1000} s: stopping everything`,
          'stderr',
        );
        this.shutdown(1);
        return;
      }
      const demoAdmin = await this.demoAdmin(env);
      if (this.stopping) {
        return;
      }
      say(
        renderStartBanner({
          appUrl: publicUrl,
          docsUrl: `${publicUrl}/api/docs`,
          mailboxUrl: mail.embedded ? `${publicUrl}/dev/mailbox` : undefined,
          apiHealthUrl: `http://localhost:${port}/health/ready`,
          workerHealthUrl: `http://localhost:${workerHealthPort}/health/ready`,
          services: [database, redis, mail, ...(demo?.lines ?? [])],
          demoAdmin: demoAdmin ?? undefined,
        }),
      );
      if (demo) {
        say(demoHint(publicUrl));
      }
    } catch (error) {
      say(`Could not start: ${error instanceof Error ? error.message : String(error)}`, 'stderr');
      this.shutdown(1);
    }
  }

  /** After the api is ready, so its migrations have run. */
  private async demoAdmin(env: NodeJS.ProcessEnv): Promise<DemoAdmin | null> {
    const config = loadConfig(env);
    const context = { embeddedDatabase: this.started.postgres !== undefined, demoMode: config.demoMode };
    if (!isEmbeddedDemo(context)) {
      return null;
    }
    try {
      return await withWorkflow(config, (app) => ensureDemoAdmin(context, app.get(OfficerAccounts)));
    } catch (error) {
      say(
        `Could not set up the demo admin (${error instanceof Error ? error.message : String(error)}): create one with npm run rightsdesk -- officer create --role admin`,
        'stderr',
      );
      return null;
    }
  }

  private async secretKey(): Promise<string> {
    const { secrets, created } = await loadOrCreateSecrets(this.paths.secretsFile);
    if (created) {
      say(
        `Generated SECRET_KEY into ${this.relative(this.paths.secretsFile)}: keep it, encrypted data needs it`,
      );
    }
    return secrets.SECRET_KEY;
  }

  private async database(): Promise<ServiceLine> {
    if (process.env.DATABASE_URL) {
      return { label: 'PostgreSQL', embedded: false, url: process.env.DATABASE_URL };
    }
    const port = await freePort(PREFERRED_POSTGRES_PORT);
    this.started.postgres = await startPostgres({
      dataDir: this.paths.postgresDir,
      mode: 'persistent',
      port,
      log: serviceLog('postgres'),
      detached: true,
    });
    const url = await createDatabaseIfMissing(this.started.postgres.url, DATABASE_NAME);
    return {
      label: 'PostgreSQL',
      embedded: true,
      url,
      where: this.relative(this.paths.postgresDir),
    };
  }

  private async redis(): Promise<ServiceLine> {
    if (process.env.REDIS_URL) {
      return { label: 'Redis', embedded: false, url: process.env.REDIS_URL };
    }
    this.started.redis = await startRedis({
      dataDir: this.paths.redisDir,
      installIfMissing: true,
      log: serviceLog('redis'),
      detached: true,
    });
    return {
      label: 'Redis',
      embedded: true,
      url: this.started.redis.url,
      where: this.relative(this.paths.redisDir),
    };
  }

  private async mail(): Promise<ServiceLine & { embedded: boolean }> {
    if (process.env.SMTP_URL) {
      return { label: 'Mail', embedded: false, url: process.env.SMTP_URL };
    }
    this.started.mail = await startMailCatcher({ dir: this.paths.mailDir });
    return {
      label: 'Mail',
      embedded: true,
      url: this.started.mail.url,
      where: `catcher → ${this.relative(this.paths.mailDir)}`,
    };
  }

  private shutdown(code: number): void {
    this.stopping ??= (async () => {
      if (this.apps.some((app) => !app.hasExited())) {
        say('Stopping the api and the worker…');
        await Promise.all(this.apps.map((app) => app.stop(APP_STOP_GRACE_MS)));
      }
      await this.starting;
      const order: Array<[string, RunningService | undefined]> = [
        ['the demo S3 server', this.started.s3],
        ['the mail catcher', this.started.mail],
        ['Redis', this.started.redis],
        ['PostgreSQL', this.started.postgres],
      ];
      for (const [label, service] of order) {
        if (service) {
          say(`Stopping ${label}…`);
          await service
            .stop()
            .catch((error: unknown) => say(`Could not stop ${label}: ${String(error)}`, 'stderr'));
        }
      }
      this.stopped = true;
      say('Stopped.');
      this.finish(code);
    })();
  }

  private relative(file: string): string {
    return path.relative(this.paths.root, file) || '.';
  }
}

const demoHint = (publicUrl: string): string => `Try the demo company (README.md, "Try it"):
  1. File a request at ${publicUrl} — for example "See your data" for ada.lovelace@example.com
  2. Confirm it from the email in the local mailbox: ${publicUrl}/dev/mailbox
  3. Sign in to the console at ${publicUrl}/console as the demo admin above and approve it
  4. Follow it on the status page, and download the data from the link in the completion email
  Dry run for anyone: npm run rightsdesk -- datamap plan apps/cli/demo/datamap.yaml --email ada.lovelace@example.com --type erasure
`;

// Servers are chatty at start-up; show what the launcher does and what went wrong.
function serviceLog(label: string): LogLine {
  const prefix = `${label.padEnd(PREFIX_WIDTH)} │ `;
  return (line, kind) => {
    if (kind === 'info') {
      say(`${prefix}${line}`);
    } else if (
      /\b(ERROR|FATAL|PANIC)\b/.test(line) &&
      !/the database system is (starting up|shutting down)/.test(line)
    ) {
      say(`${prefix}${line}`, 'stderr');
    }
  };
}

function say(text: string, stream: 'stdout' | 'stderr' = 'stdout'): void {
  process[stream].write(`${text}\n`);
}

function signalQuietly(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) {
    return;
  }
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}
