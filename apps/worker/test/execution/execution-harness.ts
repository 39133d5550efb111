import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { type AppConfig, loadConfig } from '@rightsdesk/config';
import { PrivacyRequestRepository } from '@rightsdesk/data-access';
import type { RequestStatus } from '@rightsdesk/domain';
import { companyDataMap, type CompanyDataMapOptions, createScratchDatabase, createTestBucket, startSmtpSink, testEnv, type SmtpSink } from '@rightsdesk/testing';
import { Clock, ExecutionService, IntakeService, VerificationService } from '@rightsdesk/workflow';
import { configureWorkerApp } from '../../src/bootstrap';
import { WorkerModule } from '../../src/worker.module';
import { seedCompany } from './company-fixture';

/** Real time by default; tests shift it to reach expiry dates. */
export class ShiftedClock extends Clock {
  shiftMs = 0;

  override now(): Date {
    return new Date(Date.now() + this.shiftMs);
  }
}

export interface ExecutionHarness {
  config: AppConfig;
  sink: SmtpSink;
  clock: ShiftedClock;
  companyUrl: string;
  bucket: Awaited<ReturnType<typeof createTestBucket>>;
  envPrefix: string;
  worker(): NestFastifyApplication;
  startWorker(): Promise<NestFastifyApplication>;
  stopWorker(): Promise<void>;
  /** Files and verifies a request through the real intake path; returns its id. */
  fileVerified(input: Record<string, unknown>): Promise<string>;
  approve(requestId: string): Promise<void>;
  waitForStatus(requestId: string, statuses: RequestStatus[], timeoutMs?: number): Promise<RequestStatus>;
  close(): Promise<void>;
}

/**
 * The worker on real PostgreSQL (Rightsdesk's own test database and a company database), Redis,
 * S3 (s3rver) and an SMTP sink, with a data map written for this test file.
 */
export async function startExecutionHarness(
  options: { providerUrl?: string; env?: Record<string, string>; pageViewRetention?: CompanyDataMapOptions['pageViewRetention'] } = {},
): Promise<ExecutionHarness> {
  const envPrefix = `RDTEST_${randomBytes(4).toString('hex').toUpperCase()}`;
  const company = await createScratchDatabase();
  await seedCompany(company.url);
  const bucket = await createTestBucket();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rightsdesk-exec-'));
  const dataMapPath = path.join(dir, 'datamap.yaml');
  await writeFile(dataMapPath, companyDataMap({ envPrefix, bucket: bucket.name, providerUrl: options.providerUrl, pageViewRetention: options.pageViewRetention }));
  // The data map names environment variables; the connectors read them from the process.
  process.env[`${envPrefix}_COMPANY_URL`] = company.url;
  process.env[`${envPrefix}_S3_ENDPOINT`] = bucket.endpoint;
  process.env[`${envPrefix}_S3_KEY`] = 'S3RVER';
  process.env[`${envPrefix}_S3_SECRET`] = 'S3RVER';
  process.env[`${envPrefix}_PROVIDER_SECRET`] = 'provider-shared-secret-0123456789';

  const sink = await startSmtpSink();
  const { env, cleanup } = await testEnv({
    SMTP_URL: sink.url,
    DATAMAP_PATH: dataMapPath,
    PACKAGE_DIR: path.join(dir, 'packages'),
    EXECUTION_ATTEMPTS: '2',
    EXECUTION_BACKOFF_MS: '200',
    OFFICERS_EMAIL: 'privacy-team@example.com',
    ...options.env,
  });
  const config = loadConfig(env);
  const clock = new ShiftedClock();
  let app: NestFastifyApplication | null = null;

  const harness: ExecutionHarness = {
    config,
    sink,
    clock,
    companyUrl: company.url,
    bucket,
    envPrefix,
    worker: () => {
      if (!app) {
        throw new Error('worker not started');
      }
      return app;
    },
    async startWorker() {
      const moduleRef = await Test.createTestingModule({ imports: [WorkerModule.forRoot(config)] })
        .overrideProvider(Clock)
        .useValue(clock)
        .compile();
      app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { bufferLogs: true });
      configureWorkerApp(app);
      await app.init();
      return app;
    },
    async stopWorker() {
      await app?.close();
      app = null;
    },
    async fileVerified(input) {
      const worker = harness.worker();
      const receipt = await worker.get(IntakeService).file({ country: 'DE', language: 'en', ...input } as never);
      const message = await sink.waitForMessage((m) => (m.text ?? '').includes(receipt.reference));
      const link = /https?:\/\/\S+\/requests\/verify\?\S+/.exec(message.text ?? '')?.[0];
      const token = link ? new URL(link).searchParams.get('token') : null;
      if (!token) {
        throw new Error('no verification link in the email');
      }
      await worker.get(VerificationService).verify(receipt.reference, token);
      const request = await worker.get(PrivacyRequestRepository).findByReference(receipt.reference);
      return request!.id;
    },
    async approve(requestId) {
      await harness.worker().get(ExecutionService).approve(requestId, { type: 'officer', id: 'test-officer' });
    },
    async waitForStatus(requestId, statuses, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const request = await harness.worker().get(PrivacyRequestRepository).findById(requestId);
        if (request && statuses.includes(request.status)) {
          return request.status;
        }
        if (Date.now() > deadline) {
          throw new Error(`request stayed ${request?.status} instead of ${statuses.join('/')}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async close() {
      await harness.stopWorker();
      await sink.stop();
      await cleanup();
      await bucket.drop();
      await company.drop();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return harness;
}
