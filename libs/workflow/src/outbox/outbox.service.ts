import { Inject, Injectable, Logger } from '@nestjs/common';
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
// The relay leaves young messages to the after-commit enqueue and only picks up stragglers.
const RELAY_GRACE_MS = 10_000;
const RELAY_BATCH = 500;

@Injectable()
export class OutboxService {
  private readonly logger = new Logger(OutboxService.name);

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
    await this.outbox.add(tx, message);
    return message.id;
  }

  /** The outbox row for an email, for callers that write it as part of a larger statement. */
  prepareEmail(requestId: string | null, to: string, spec: EmailMessageSpec): NewOutboxMessage {
    const payload: OutboxEmailPayload = { to, spec };
    return { id: randomUUID(), requestId, channel: 'email', template: spec.template, payload: this.cipher.encryptJson(payload) };
  }

  /**
   * After commit: hand the messages to the queue. A failure here loses nothing — the rows are
   * committed and the relay enqueues them — so it is logged, not thrown at the requester.
   */
  async dispatch(ids: string[]): Promise<void> {
    if (ids.length === 0) {
      return;
    }
    try {
      await this.queue.enqueueBulk(ids.map((outboxId) => ({ item: { name: 'send-email', data: { outboxId } }, jobId: outboxId })));
    } catch (error) {
      this.logger.warn({ count: ids.length, error: errorSummary(error) }, 'enqueue after commit failed; the relay will retry');
    }
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

  /** Finds committed messages whose job never arrived or was lost and makes sure one will run. */
  async relay(): Promise<{ checked: number; added: number; retried: number }> {
    const cutoff = new Date(this.clock.now().getTime() - Math.max(RELAY_GRACE_MS, this.config.worker.outboxRelayIntervalSeconds * 1000));
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
