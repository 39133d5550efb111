import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { ConfigModule, loadConfig, type AppConfig } from '@rightsdesk/config';
import { QueueService } from '@rightsdesk/queue';
import { startSmtpSink, testEnv, type SmtpSink, waitFor } from '@rightsdesk/testing';
import { Clock, IntakeService, OutboxService, WorkflowModule } from '@rightsdesk/workflow';
import { configureWorkerApp } from '../src/bootstrap';
import { WorkerModule } from '../src/worker.module';

class ShiftedClock extends Clock {
  shiftMs = 0;

  override now(): Date {
    return new Date(Date.now() + this.shiftMs);
  }
}


describe('worker: outbox delivery through BullMQ', () => {
  let sink: SmtpSink;
  let config: AppConfig;
  let cleanup: () => Promise<void>;
  let worker: NestFastifyApplication | null = null;
  const clock = new ShiftedClock();

  async function startWorker(): Promise<NestFastifyApplication> {
    const moduleRef = await Test.createTestingModule({ imports: [WorkerModule.forRoot(config)] })
      .overrideProvider(Clock)
      .useValue(clock)
      .compile();
    const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), {
      bufferLogs: true,
    });
    configureWorkerApp(app);
    await app.init();
    return app;
  }

  const db = () => worker!.get(DataSource);
  const file = (email: string) =>
    worker!.get(IntakeService).file({ type: 'access', email, country: 'DE', language: 'en' });

  beforeAll(async () => {
    sink = await startSmtpSink();
    const env = await testEnv({ SMTP_URL: sink.url, OUTBOX_RECOVER_AFTER_SECONDS: '2' });
    cleanup = env.cleanup;
    config = loadConfig(env.env);
    worker = await startWorker();
  });

  afterAll(async () => {
    await worker?.close();
    await sink.stop();
    await cleanup();
  });

  it('sends the verification email once and marks the outbox row sent', async () => {
    const { reference } = await file('once@example.com');
    const message = await sink.waitForMessage((m) => (m.subject ?? '').includes(reference));
    expect(message.messageId).toMatch(/^<[0-9a-f-]{36}@rightsdesk>$/);
    const rows = await waitFor('the message to be marked sent', async () => {
      const result: Array<{ status: string }> = await db().query(
        `SELECT status, payload, attempts FROM outbox_message WHERE id = $1`,
        [message.messageId!.slice(1, 37)],
      );
      return result[0]?.status === 'sent' && result;
    });
    expect(rows[0]).toEqual({ status: 'sent', payload: null, attempts: 1 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sink.messagesTo('once@example.com')).toHaveLength(1);
  });

  it('survives an SMTP outage: the job fails, retries with backoff and delivers once', async () => {
    await sink.pause();
    const { reference } = await file('outage@example.com');
    await waitFor('a failed send attempt to be recorded', async () => {
      const rows = await db().query(
        `SELECT o.attempts, o.last_error FROM outbox_message o JOIN privacy_request r ON r.id = o.request_id WHERE r.reference = $1`,
        [reference],
      );
      return rows[0]?.attempts >= 1 && rows[0]?.last_error !== null;
    });
    await sink.resume();
    await sink.waitForMessage((m) => (m.subject ?? '').includes(reference), 20_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sink.messagesTo('outage@example.com')).toHaveLength(1);
  });

  it('loses nothing when the worker stops and Redis forgets every job', async () => {
    await worker!.close();
    // Requests keep arriving through the api while no worker runs.
    const apiSide = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(config), WorkflowModule],
    }).compile();
    const api = await apiSide.init();
    const file = (email: string) =>
      api.get(IntakeService).file({ type: 'access', email, country: 'DE', language: 'en' });
    const relayed: string[] = [];
    for (let i = 0; i < 5; i++) {
      relayed.push((await file(`relayed-${i}@example.com`)).reference);
    }
    // A relay queued these, then Redis restarted without persistence: the jobs are gone, the rows are not.
    expect(await api.get(OutboxService).relay()).toBe(5);
    await api.get(QueueService).queue('email').obliterate({ force: true });
    const unrelayed: string[] = [];
    for (let i = 0; i < 3; i++) {
      unrelayed.push((await file(`unrelayed-${i}@example.com`)).reference);
    }
    await api.close();

    clock.shiftMs = 60_000; // past OUTBOX_RECOVER_AFTER_SECONDS, so recovery looks at the lost ones
    worker = await startWorker();
    for (const reference of [...relayed, ...unrelayed]) {
      await sink.waitForMessage((m) => (m.subject ?? '').includes(reference), 20_000);
    }
    await new Promise((resolve) => setTimeout(resolve, 1500));
    for (const prefix of ['relayed', 'unrelayed']) {
      for (let i = 0; i < (prefix === 'relayed' ? 5 : 3); i++) {
        expect(sink.messagesTo(`${prefix}-${i}@example.com`)).toHaveLength(1);
      }
    }
  });
});
