import {
  describeIssues,
  providerCallbackSchema,
  type ProviderCollectionReport,
} from './provider-answer.schema';

export interface ProviderCallback {
  requestId: string;
  systemKey?: string;
  status: 'completed' | 'failed';
  collections: ProviderCollectionReport[];
  /** Access answers: records per collection, to be written to the export like a sync answer's. */
  records?: Record<string, Array<Record<string, unknown>>>;
  /** Why it failed, as the provider put it. May hold personal data: show it, do not log it. */
  reason?: string;
}

export type ParsedProviderCallback = { ok: true; value: ProviderCallback } | { ok: false; error: string };

/**
 * Checks the body of a provider's callback. Call it only after verifyWebhookSignature accepted the
 * raw body: an unsigned body is not the provider's word.
 */
export function parseProviderCallback(body: unknown): ParsedProviderCallback {
  const parsed = providerCallbackSchema.safeParse(body);
  if (!parsed.success) {
    return { ok: false, error: describeIssues(parsed.error) };
  }
  const { request_id, system_key, status, collections, records, reason } = parsed.data;
  return {
    ok: true,
    value: {
      requestId: request_id,
      status,
      collections,
      ...(system_key !== undefined ? { systemKey: system_key } : {}),
      ...(records !== undefined ? { records } : {}),
      ...(reason !== undefined ? { reason } : {}),
    },
  };
}
