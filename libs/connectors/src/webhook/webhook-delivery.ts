import {
  describeIssues,
  providerAcceptedSchema,
  providerCompletedSchema,
  providerFailedSchema,
} from './provider-answer.schema';
import { type z } from 'zod';
import { readLimitedBody } from '../read-limited-body';
import { WebhookProviderError } from './webhook-provider.error';
import { signWebhook, WEBHOOK_SIGNATURE_HEADER, WEBHOOK_TIMESTAMP_HEADER } from './webhook-signature';

// An access answer carries records inline; past this the provider should answer 202 and call back.
export const MAX_PROVIDER_ANSWER_BYTES = 32 * 1024 * 1024;

export type ProviderAnswer =
  | { kind: 'completed'; report: z.infer<typeof providerCompletedSchema> }
  | { kind: 'accepted'; reference: string };

export interface Delivery {
  url: string;
  secret: string;
  body: string;
  idempotencyKey: string;
  timeoutMs: number;
  now: Date;
  fetch: typeof fetch;
  signal?: AbortSignal;
  /** `System "crm" (webhook)`, the start of every error message. */
  where: string;
}

/** Posts one signed request and reads the provider's answer; every failure is a WebhookProviderError. */
export async function deliver(delivery: Delivery): Promise<ProviderAnswer> {
  const { where } = delivery;
  const timeout = AbortSignal.timeout(delivery.timeoutMs);
  const signal = delivery.signal ? AbortSignal.any([timeout, delivery.signal]) : timeout;
  const timestamp = Math.floor(delivery.now.getTime() / 1000);
  let status: number;
  let text: string;
  try {
    const response = await delivery.fetch(delivery.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [WEBHOOK_TIMESTAMP_HEADER]: String(timestamp),
        [WEBHOOK_SIGNATURE_HEADER]: signWebhook(delivery.secret, timestamp, delivery.body),
        'Idempotency-Key': delivery.idempotencyKey,
      },
      body: delivery.body,
      // A redirect would carry the subject's identities to a URL nobody put in the data map.
      redirect: 'manual',
      signal,
    });
    status = response.status;
    if (status !== 200 && status !== 202) {
      await response.body?.cancel().catch(() => undefined);
      throw new WebhookProviderError(
        `provider_http_${status}`,
        `${where}: the provider answered HTTP ${status}`,
      );
    }
    text = (
      await readLimitedBody(response, MAX_PROVIDER_ANSWER_BYTES, () =>
        badResponse(where, `the answer exceeds ${MAX_PROVIDER_ANSWER_BYTES / 1024 / 1024} MiB; large exports should be answered with 202 and a callback`),
      )
    ).toString('utf8');
  } catch (error) {
    throw deliveryFailure(error, where, timeout, delivery.signal);
  }
  return interpret(status, text, where);
}

function interpret(status: number, text: string, where: string): ProviderAnswer {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw badResponse(where, `HTTP ${status} with a body that is not JSON`);
  }
  if (status === 202) {
    const accepted = providerAcceptedSchema.safeParse(json);
    if (!accepted.success) {
      throw badResponse(where, `HTTP 202: ${describeIssues(accepted.error)}`);
    }
    return { kind: 'accepted', reference: accepted.data.reference };
  }
  if (providerFailedSchema.safeParse(json).success) {
    // The provider's reason may quote the data subject; it stays out of the message.
    throw new WebhookProviderError(
      'provider_failed',
      `${where}: the provider reported that it could not carry out the request`,
    );
  }
  const completed = providerCompletedSchema.safeParse(json);
  if (!completed.success) {
    throw badResponse(where, `HTTP 200: ${describeIssues(completed.error)}`);
  }
  return { kind: 'completed', report: completed.data };
}

function deliveryFailure(
  error: unknown,
  where: string,
  timeout: AbortSignal,
  caller?: AbortSignal,
): WebhookProviderError {
  if (error instanceof WebhookProviderError) {
    return error;
  }
  if (caller?.aborted) {
    return new WebhookProviderError('aborted', `${where}: the request to the provider was cancelled`);
  }
  if (timeout.aborted) {
    return new WebhookProviderError('provider_timeout', `${where}: the provider did not answer in time`);
  }
  return new WebhookProviderError(
    'provider_unreachable',
    `${where}: the provider could not be reached (${networkCode(error)})`,
  );
}

// undici reports `fetch failed` with the socket error as its cause (ECONNREFUSED, ENOTFOUND…).
function networkCode(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  return typeof cause?.code === 'string' ? cause.code : error instanceof Error ? error.name : 'unknown';
}

function badResponse(where: string, detail: string): WebhookProviderError {
  return new WebhookProviderError(
    'provider_bad_response',
    `${where}: unexpected answer from the provider (${detail})`,
  );
}
