import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@rightsdesk/config';
import { type NewOutboxMessage, OutboxRepository, type Tx } from '@rightsdesk/data-access';
import { type EmailMessageSpec, MailTransport, renderEmail } from '@rightsdesk/mail';
import { QueueService, errorSummary } from '@rightsdesk/queue';
import { FieldCipher } from '../security/field-cipher';
import { Clock } from '../time/clock';
import { randomUUID } from 'node:crypto';

interface OutboxEmailPayload {
  to: string;
  spec: EmailMessageSpec;
}

// A send holds its claim this long; a worker that dies mid-send releases it by expiry.
const CLAIM_LEASE_SECONDS = 120;
const RELAY_BATCH = 500;

@Injectable()
export class OutboxService {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly queue: QueueService,
    private readonly cipher: FieldCipher,
    private readonly transport: MailTransport,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Writes the message in the caller's transaction; nothing is sent until it commits. */
  async addEmail(tx: Tx, requestId: string | null, to: string, spec: EmailMessageSpec): Promise<string> {
    const message = this.prepareEmail(requestId, to, spec);
    await this.add(tx, message);
    return message.id;
  }

  /** Writes a prepared message in the caller's transaction. */
  async add(tx: Tx, message: NewOutboxMessage): Promise<void> {
    await this.outbox.add(tx, message);
  }

  /**
   * Writes an email whose id the caller derives from what it is about, unless a message with that
   * id exists: a job that runs twice sends once (the id is also the Message-ID). False when it existed.
   */
  addEmailOnce(tx: Tx, id: string, to: string, spec: EmailMessageSpec): Promise<boolean> {
    return this.outbox.addOnce(tx, { ...this.prepareEmail(null, to, spec), id });
  }

  /** The outbox row for an email, for callers that write it as part of a larger statement. */
  prepareEmail(requestId: string | null, to: string, spec: EmailMessageSpec): NewOutboxMessage {
    const payload: OutboxEmailPayload = { to, spec };
    return { id: randomUUID(), requestId, channel: 'email', template: spec.template, payload: this.cipher.encryptJson(payload) };
  }

  /**
   * The relay: hands committed messages to the queue, a batch at a time. Runs in the worker, so the
   * HTTP path only writes rows. A failed enqueue loses nothing: the rows are marked enqueued, so
   * `recoverStale` finds them once they stay pending.
   */
  async relay(): Promise<number> {
    const ids = await this.outbox.takeUnrelayed(RELAY_BATCH);
    if (ids.length > 0) {
      await this.queue.enqueueBulk(ids.map((outboxId) => ({ item: { name: 'send-email', data: { outboxId } }, jobId: outboxId })));
    }
    return ids.length;
  }

  /** Sends one message at most once per claim; rethrows so BullMQ retries with backoff. */
  async send(outboxId: string): Promise<'sent' | 'skipped'> {
    const message = await this.outbox.claim(outboxId, CLAIM_LEASE_SECONDS);
    if (!message || !message.payload) {
      return 'skipped';
    }
    try {
      const { to, spec } = this.cipher.decryptJson<OutboxEmailPayload>(message.payload);
      const rendered = renderEmail(spec);
      await this.transport.send({ to, ...rendered, messageId: `<${message.id}@rightsdesk>` });
    } catch (error) {
      const summary = errorSummary(error);
      await this.outbox.release(outboxId, [summary.name, summary.code].filter(Boolean).join(' '));
      throw error;
    }
    await this.outbox.markSent(outboxId);
    return 'sent';
  }

  /**
   * Finds messages still pending long after they were enqueued (the job was lost in a Redis
   * restart, or exhausted its attempts in a long SMTP outage) and makes sure a job will run.
   */
  async recoverStale(): Promise<{ checked: number; added: number; retried: number }> {
    const cutoff = new Date(this.clock.now().getTime() - this.config.worker.outboxRecoverAfterSeconds * 1000);
    const ids = await this.outbox.findStale(cutoff, RELAY_BATCH);
    let added = 0;
    let retried = 0;
    for (const outboxId of ids) {
      const outcome = await this.queue.ensure({ name: 'send-email', data: { outboxId } }, outboxId);
      added += outcome === 'added' ? 1 : 0;
      retried += outcome === 'retried' ? 1 : 0;
    }
    await this.outbox.markEnqueued(ids);
    return { checked: ids.length, added, retried };
  }
}
