import 'reflect-metadata';
import { ConfigError, loadConfig } from '@rightsdesk/config';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApiApp(config);
  await app.listen({ port: config.http.port, host: config.http.host });
}

main().catch((error: unknown) => {
  // Configuration problems are the operator's to fix: say which variable, without a stack trace.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
