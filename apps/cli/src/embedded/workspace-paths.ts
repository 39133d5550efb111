import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface WorkspacePaths {
  root: string;
  /** `.rightsdesk/` at the repository root (or RIGHTSDESK_WORKDIR): git-ignored, holds everything `start` keeps. */
  workDir: string;
  postgresDir: string;
  redisDir: string;
  mailDir: string;
  secretsFile: string;
  /** The environment `start` gave the api and worker, for CLI commands run alongside (mode 0600). */
  envFile: string;
  packageDir: string;
  s3Dir: string;
  demoDataMap: string;
  apiMain: string;
  workerMain: string;
}

export function workspacePaths(root = findRepoRoot()): WorkspacePaths {
  // RIGHTSDESK_WORKDIR: a second, separate demo (the end-to-end test of `start` runs in a temporary one).
  const workDir = process.env.RIGHTSDESK_WORKDIR ? path.resolve(process.env.RIGHTSDESK_WORKDIR) : path.join(root, '.rightsdesk');
  return {
    root,
    workDir,
    postgresDir: path.join(workDir, 'postgres'),
    redisDir: path.join(workDir, 'redis'),
    mailDir: path.join(workDir, 'mail'),
    secretsFile: path.join(workDir, 'secrets.json'),
    envFile: path.join(workDir, 'env.json'),
    packageDir: path.join(workDir, 'access-packages'),
    s3Dir: path.join(workDir, 's3'),
    demoDataMap: path.join(root, 'apps', 'cli', 'demo', 'datamap.yaml'),
    apiMain: path.join(root, 'dist', 'apps', 'api', 'src', 'main.js'),
    workerMain: path.join(root, 'dist', 'apps', 'worker', 'src', 'main.js'),
  };
}

// This file runs from dist/apps/cli/src/embedded (or from source under Jest): walk up to the
// package.json of the repository instead of counting directory levels.
function findRepoRoot(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'rightsdesk'
    ) {
      return dir;
    }
  }
  return process.cwd();
}
