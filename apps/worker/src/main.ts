import 'reflect-metadata';
import { ConfigError, loadConfig } from '@rightsdesk/config';
import { createWorkerApp } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createWorkerApp(config);
  await app.listen({ port: config.worker.healthPort, host: config.http.host });
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
