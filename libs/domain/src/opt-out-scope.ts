import { type OptOutChannel } from './intake-schema';

/** What an opt-out stops: promotional contact, and/or the sale and sharing of personal information. */
export interface OptOutScope {
  marketing: boolean;
  saleSharing: boolean;
}

const MARKETING_CHANNELS: ReadonlySet<OptOutChannel> = new Set(['email', 'notifications', 'surveys', 'all']);

/**
 * The scope of an opt-out's channels. No channels at all (a request filed before channels existed,
 * or a caller that does not say) keeps the old meaning: marketing only. `all` covers both lists;
 * `sale_sharing` alone never touches marketing preferences (CCPA §1798.120 is about selling and
 * sharing, not about messages).
 */
export function optOutScope(channels: readonly OptOutChannel[] | null | undefined): OptOutScope {
  if (!channels || channels.length === 0) {
    return { marketing: true, saleSharing: false };
  }
  return {
    marketing: channels.some((channel) => MARKETING_CHANNELS.has(channel)),
    saleSharing: channels.includes('sale_sharing') || channels.includes('all'),
  };
}

/** The opt-out channels a request's details carry, if any; anything else reads as none. */
export function optOutChannelsOf(details: unknown): OptOutChannel[] | undefined {
  const channels = (details as { channels?: unknown } | null | undefined)?.channels;
  return Array.isArray(channels) ? (channels.filter((c) => typeof c === 'string') as OptOutChannel[]) : undefined;
}
