import { rm } from 'node:fs/promises';
import { getTestServices, setTestServices } from './test-services';

// Stops what tools/jest/global-setup.ts started. Jest requires a default export here.
export default async function globalTeardown(): Promise<void> {
  const services = getTestServices();
  if (!services) {
    return;
  }
  setTestServices(undefined);
  await Promise.all([services.postgres?.stop(), services.redis?.stop(), services.s3?.stop()]);
  await rm(services.dir, { recursive: true, force: true });
  for (const name of services.exported) {
    delete process.env[name];
  }
}
