import { randomBytes } from 'node:crypto';
import { signWebhook } from '@rightsdesk/connectors';
import { PrivacyRequestRepository } from '@rightsdesk/data-access';
import type { IntakeInput, RequestType } from '@rightsdesk/domain';
import { IntakeService, VerificationService } from '@rightsdesk/workflow';
import { type ApiHarness, deliverOutbox, linkFrom } from './api-harness';

/** Files a request through intake and confirms it with the emailed link: it ends in awaiting_review. */
export async function fileVerified(
  h: ApiHarness,
  input: { type: RequestType; email: string; [field: string]: unknown },
): Promise<{ id: string; reference: string }> {
  const { reference } = await h.app
    .get(IntakeService)
    .file({ country: 'DE', language: 'en', ...input } as IntakeInput);
  await deliverOutbox(h);
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
    # A partner we share with, so it hears of sale/sharing opt-outs too (GPC tests).
    optOuts: [marketing, sale_sharing]
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

/** The headers a provider sends with its callback: the signature covers the exact body bytes. */
export function signedHeaders(secret: string, at: Date, body: string): Record<string, string> {
  const timestamp = Math.floor(at.getTime() / 1000);
  return {
    'content-type': 'application/json',
    'rightsdesk-timestamp': String(timestamp),
    'rightsdesk-signature': signWebhook(secret, timestamp, body),
  };
}
