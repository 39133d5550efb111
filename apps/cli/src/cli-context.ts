import { existsSync, readFileSync } from 'node:fs';
import { type INestApplicationContext, Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type AppConfig, ConfigError, ConfigModule, loadConfig } from '@rightsdesk/config';
import { WorkflowModule } from '@rightsdesk/workflow';
import { workspacePaths } from './embedded/workspace-paths';

/**
 * The environment a command runs with: the process's own, over the one `npm start` wrote for its
 * api and worker (.rightsdesk/env.json), so `npm run rightsdesk -- request approve …` reaches the
 * embedded demo without copying URLs around. Set DATABASE_URL etc. to reach anything else.
 */
export function cliEnv(): Record<string, string | undefined> {
  const file = workspacePaths().envFile;
  const embedded = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
  return { ...embedded, ...process.env };
}

export function cliConfig(): AppConfig | null {
  try {
    return loadConfig(cliEnv());
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    return null;
  }
}

/** Runs `work` inside the workflow services, as the api and worker run them. */
export async function withWorkflow<T>(config: AppConfig, work: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  @Module({ imports: [ConfigModule.forRoot(config), WorkflowModule] })
  class CliModule {}

  Logger.overrideLogger(['error']);
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error'] });
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}
