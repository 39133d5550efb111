import { randomUUID } from 'node:crypto';
import type { OptOutChannel } from '@rightsdesk/domain';
import { fieldRefKey, type FieldCorrection, type Subject } from '../connector';
import { type WebhookSystem } from '../datamap/datamap.types';

export type WebhookActionType = 'access' | 'erasure' | 'rectification' | 'opt_out';

/** The JSON body of a request to a provider. */
export interface WebhookPayload {
  /** New for every delivery; `Idempotency-Key` is what stays the same across retries. */
  id: string;
  type: WebhookActionType;
  request_id: string;
  /** The system's key in our data map, for the provider to echo in its callback. */
  system_key: string;
  /** Only the identity kinds and fields the data map lists for this provider: data minimisation. */
  identities: Record<string, string[]>;
  corrections?: FieldCorrection[];
  /**
   * Opt-out only: what the person opted out of. `sale_sharing` (or `all`) tells a partner we sell
   * or share with to stop too (11 CCR §7026(f)); absent on opt-outs older than channels.
   */
  opt_out_channels?: OptOutChannel[];
  callback_url?: string;
}

export function buildWebhookPayload(
  system: WebhookSystem,
  type: WebhookActionType,
  subject: Subject,
  requestId: string,
  extra: { corrections?: FieldCorrection[]; optOutChannels?: readonly OptOutChannel[]; callbackUrl?: string } = {},
): WebhookPayload {
  const identities: Record<string, string[]> = {};
  for (const placeholder of system.identities) {
    if (placeholder.kind === 'identity') {
      identities[placeholder.identity] = [...new Set(subject.identities[placeholder.identity])];
    } else {
      const key = fieldRefKey(placeholder.ref);
      identities[key] = [...new Set(subject.keys[key] ?? [])];
    }
  }
  return {
    id: randomUUID(),
    type,
    request_id: requestId,
    system_key: system.key,
    identities,
    ...(extra.corrections ? { corrections: extra.corrections } : {}),
    ...(type === 'opt_out' && extra.optOutChannels ? { opt_out_channels: [...extra.optOutChannels] } : {}),
    ...(extra.callbackUrl ? { callback_url: extra.callbackUrl } : {}),
  };
}

/** Stable across retries of the same job, so a provider can tell a retry from a new request. */
export function idempotencyKey(requestId: string, systemKey: string, type: WebhookActionType): string {
  return `${requestId}:${systemKey}:${type}`;
}
