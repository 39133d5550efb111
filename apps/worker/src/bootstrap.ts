import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '@rightsdesk/config';
import { genRequestId } from '@rightsdesk/platform';
import { WorkerModule } from './worker.module';

// The worker is a job runner; its HTTP server exists only for /health/live and /health/ready.
export async function createWorkerApp(config: AppConfig): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(WorkerModule.forRoot(config), new FastifyAdapter({ genReqId: genRequestId }), {
    bufferLogs: true,
    abortOnError: false,
  });
  configureWorkerApp(app);
  return app;
}

export function configureWorkerApp(app: NestFastifyApplication): void {
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
}
