import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { ParsedMail } from 'mailparser';
import { Test } from '@nestjs/testing';
import { loadConfig, type AppConfig } from '@rightsdesk/config';
import { startSmtpSink, testEnv, type SmtpSink } from '@rightsdesk/testing';
import { OutboxRepository } from '@rightsdesk/data-access';
import { Clock, OutboxService } from '@rightsdesk/workflow';
import { ApiModule } from '../src/app.module';
import { configureApiApp, createFastifyAdapter } from '../src/bootstrap';

/** A clock the test moves by hand. */
export class TestClock extends Clock {
  private current = new Date('2026-11-25T10:00:00.000Z');

  override now(): Date {
    return new Date(this.current);
  }

  set(iso: string): void {
    this.current = new Date(iso);
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface ApiHarness {
  app: NestFastifyApplication;
  config: AppConfig;
  clock: TestClock;
  sink: SmtpSink;
  close(): Promise<void>;
}

/** The api on real PostgreSQL (own database), Redis (own prefix) and an SMTP sink; time is ours. */
export async function startApi(overrides: Record<string, string> = {}): Promise<ApiHarness> {
  const sink = await startSmtpSink();
  const { env, cleanup } = await testEnv({ SMTP_URL: sink.url, ...overrides });
  const config = loadConfig(env);
  const clock = new TestClock();
  const moduleRef = await Test.createTestingModule({ imports: [ApiModule.forRoot(config)] })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(config), { bufferLogs: true, rawBody: true });
  await configureApiApp(app, config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    config,
    clock,
    sink,
    async close() {
      await app.close();
      await sink.stop();
      await cleanup();
    },
  };
}

export function linkFrom(text: string, path: string): URL {
  const match = text.match(new RegExp(`https?://[^\\s"<>]*${path.replace('/', '\\/')}\\?[^\\s"<>]+`));
  if (!match) {
    throw new Error(`no ${path} link in the message`);
  }
  return new URL(match[0].replace(/&amp;/g, '&'));
}

/** Sends what the outbox holds, as the worker's relay and send-email job would (no worker runs here). */
export async function deliverOutbox(h: ApiHarness): Promise<number> {
  const ids = await h.app.get(OutboxRepository).takeUnrelayed(100);
  for (const id of ids) {
    await h.app.get(OutboxService).send(id);
  }
  return ids.length;
}

/** The newest email to `address` whose subject matches, after delivering the outbox. */
export async function emailTo(h: ApiHarness, address: string, subject: RegExp): Promise<ParsedMail> {
  await deliverOutbox(h);
  const matches = () => h.sink.messagesTo(address).filter((m) => subject.test(m.subject ?? ''));
  if (matches().length === 0) {
    await h.sink.waitForMessage((m) => JSON.stringify(m.to ?? '').includes(address) && subject.test(m.subject ?? ''), 5000);
  }
  return matches().at(-1) as ParsedMail;
}
