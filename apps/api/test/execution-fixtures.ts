import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signWebhook } from '@rightsdesk/connectors';
import { OutboxRepository, PrivacyRequestRepository } from '@rightsdesk/data-access';
import type { IntakeInput, RequestType } from '@rightsdesk/domain';
import { IntakeService, OutboxService, VerificationService } from '@rightsdesk/workflow';
import { linkFrom, type ApiHarness } from './api-harness';

/** Files a request through intake and confirms it with the emailed link: it ends in awaiting_review. */
export async function fileVerified(
  h: ApiHarness,
  input: { type: RequestType; email: string; [field: string]: unknown },
): Promise<{ id: string; reference: string }> {
  const { reference } = await h.app
    .get(IntakeService)
    .file({ country: 'DE', language: 'en', ...input } as IntakeInput);
  // The worker's relay is not running here: send what the outbox holds, as it would.
  for (const outboxId of await h.app.get(OutboxRepository).takeUnrelayed(100)) {
    await h.app.get(OutboxService).send(outboxId);
  }
  const mail = await h.sink.waitForMessage(
    (m) => (m.text ?? '').includes(reference) && (m.text ?? '').includes('/requests/verify'),
  );
  const token = linkFrom(mail.text ?? '', '/requests/verify').searchParams.get('token');
  if (!token) {
    throw new Error('no token in the verification link');
  }
  await h.app.get(VerificationService).verify(reference, token);
  const request = await h.app.get(PrivacyRequestRepository).findByReference(reference);
  if (request?.status !== 'awaiting_review') {
    throw new Error(`request is ${request?.status}, not awaiting_review`);
  }
  return { id: request.id, reference };
}

/** A data map with a service provider answering by webhook and the suppression list, nothing else. */
export function providerDataMap(options: { providerUrl: string; secretEnv: string }): string {
  return `version: 1
systems:
  mailer:
    kind: webhook
    title: Newsletter platform
    connection:
      url: ${options.providerUrl}
      secret: { env: ${options.secretEnv} }
      timeoutMs: 2000
      callbackDeadlineHours: 1
    identities: [email]
    collections:
      contacts:
        fields:
          email: { category: contact.email }
  suppression:
    kind: suppression
    title: Suppression list
`;
}

/** An environment variable name no other test file uses, for a secret the data map names. */
export function uniqueEnvName(suffix: string): string {
  return `RDTEST_${randomBytes(4).toString('hex').toUpperCase()}_${suffix}`;
}

export interface AcceptingProvider {
  url: string;
  /** The JSON bodies we sent, in order. */
  calls: Array<{ request_id: string; system_key: string; callback_url?: string }>;
  stop(): Promise<void>;
}

/** A provider on loopback that accepts every request with 202 and promises a callback. */
export async function startAcceptingProvider(): Promise<AcceptingProvider> {
  const calls: AcceptingProvider['calls'] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      calls.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as AcceptingProvider['calls'][number]);
      res
        .writeHead(202, { 'content-type': 'application/json' })
        .end(JSON.stringify({ status: 'accepted', reference: `prov-${calls.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/privacy-requests`,
    calls,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The headers a provider sends with its callback: the signature covers the exact body bytes. */
export function signedHeaders(secret: string, at: Date, body: string): Record<string, string> {
  const timestamp = Math.floor(at.getTime() / 1000);
  return {
    'content-type': 'application/json',
    'rightsdesk-timestamp': String(timestamp),
    'rightsdesk-signature': signWebhook(secret, timestamp, body),
  };
}
