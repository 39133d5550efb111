import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { type FieldCorrection } from '../../src/connector';
import { type WebhookPayload } from '../../src/webhook/webhook-payload';
import { signWebhook, verifyWebhookSignature } from '../../src/webhook/webhook-signature';

export interface Contact {
  id: string;
  email: string;
  user_id: string;
  customer_id: string;
  name: string;
  marketing: boolean;
}

export interface Ticket {
  id: string;
  contact_id: string;
  body: string;
}

interface Outcome {
  collection: string;
  found: number;
  changed: number;
}

interface Answer {
  collections: Outcome[];
  records?: Record<string, Array<Record<string, unknown>>>;
}

/**
 * A CRM standing in for a real service provider: its own records of contacts and tickets, found by
 * exact identity, acted on when a request's signature verifies. `mode: 'async'` accepts with 202
 * and does the work when the test settles the job, then posts a signed callback when asked to.
 */
export class CrmProvider {
  contacts: Contact[] = [];
  tickets: Ticket[] = [];
  url = '';
  rejected = 0;
  private readonly jobs = new Map<string, WebhookPayload>();
  private server?: Server;

  constructor(
    private readonly secret: string,
    private readonly mode: 'sync' | 'async',
  ) {}

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const verification = verifyWebhookSignature({
          secret: this.secret,
          timestamp: request.headers['rightsdesk-timestamp'],
          signature: request.headers['rightsdesk-signature'],
          body,
          now: new Date(),
        });
        if (!verification.ok) {
          this.rejected += 1;
          response.writeHead(401).end();
          return;
        }
        const payload = JSON.parse(body) as WebhookPayload;
        response.setHeader('content-type', 'application/json');
        if (this.mode === 'async') {
          const reference = `crm-${randomUUID()}`;
          this.jobs.set(reference, payload);
          response.writeHead(202).end(JSON.stringify({ status: 'accepted', reference }));
          return;
        }
        response.writeHead(200).end(JSON.stringify({ status: 'completed', ...this.carryOut(payload) }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/privacy`;
  }

  /** Does what an accepted request asked; returns the signed callback the provider would post. */
  settle(reference: string): { body: string; signature: string; timestamp: number } {
    const payload = this.jobs.get(reference);
    if (!payload) {
      throw new Error(`no accepted job ${reference}`);
    }
    this.jobs.delete(reference);
    const body = JSON.stringify({
      request_id: payload.request_id,
      system_key: payload.system_key,
      status: 'completed',
      ...this.carryOut(payload),
    });
    const timestamp = Math.floor(Date.now() / 1000);
    return { body, timestamp, signature: signWebhook(this.secret, timestamp, body) };
  }

  matching(identities: Record<string, string[]>): Contact[] {
    const has = (kind: string, value: string): boolean => (identities[kind] ?? []).includes(value);
    return this.contacts.filter(
      (contact) =>
        has('email', contact.email) ||
        has('user_id', contact.user_id) ||
        has('shop.customers.id', contact.customer_id),
    );
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private carryOut(payload: WebhookPayload): Answer {
    const contacts = this.matching(payload.identities);
    const ids = new Set(contacts.map((contact) => contact.id));
    const tickets = this.tickets.filter((ticket) => ids.has(ticket.contact_id));
    switch (payload.type) {
      case 'access':
        return {
          collections: [
            { collection: 'contacts', found: contacts.length, changed: 0 },
            { collection: 'tickets', found: tickets.length, changed: 0 },
          ],
          records: {
            contacts: contacts.map((contact) => ({ ...contact })),
            tickets: tickets.map((ticket) => ({ ...ticket })),
          },
        };
      case 'erasure':
        this.contacts = this.contacts.filter((contact) => !ids.has(contact.id));
        this.tickets = this.tickets.filter((ticket) => !ids.has(ticket.contact_id));
        return {
          collections: [
            { collection: 'contacts', found: contacts.length, changed: contacts.length },
            { collection: 'tickets', found: tickets.length, changed: tickets.length },
          ],
        };
      case 'rectification':
        return {
          collections: [
            {
              collection: 'contacts',
              found: contacts.length,
              changed: this.correct(contacts, payload.corrections ?? []),
            },
          ],
        };
      case 'opt_out': {
        const changed = contacts.filter((contact) => contact.marketing);
        changed.forEach((contact) => (contact.marketing = false));
        return { collections: [{ collection: 'contacts', found: contacts.length, changed: changed.length }] };
      }
    }
  }

  private correct(contacts: Contact[], corrections: FieldCorrection[]): number {
    let changed = 0;
    for (const contact of contacts) {
      let touched = false;
      for (const correction of corrections) {
        if (
          correction.collection === 'contacts' &&
          correction.field === 'name' &&
          contact.name !== correction.value
        ) {
          contact.name = correction.value;
          touched = true;
        }
      }
      changed += touched ? 1 : 0;
    }
    return changed;
  }
}
