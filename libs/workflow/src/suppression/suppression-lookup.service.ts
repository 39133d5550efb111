import { Injectable } from '@nestjs/common';
import { SuppressionRepository } from '@rightsdesk/data-access';

export interface SuppressionAnswer {
  /** On the marketing list: no promotional email. Kept as it was for the mailers already asking. */
  suppressed: boolean;
  since: string | null;
  /** "Do not sell or share my personal information": the company's ad-tech asks before sharing. */
  saleSharing: { optedOut: boolean; since: string | null };
}

// The company's mailers and ad-tech ask before sending or sharing: is this (sha256 of a
// normalized) address on a list? One round trip answers both.
@Injectable()
export class SuppressionLookup {
  constructor(private readonly suppressions: SuppressionRepository) {}

  async lookup(sha256Hex: string): Promise<SuppressionAnswer> {
    const lists = await this.suppressions.lists(Buffer.from(sha256Hex, 'hex'));
    return {
      suppressed: lists.marketing !== undefined,
      since: lists.marketing?.toISOString() ?? null,
      saleSharing: { optedOut: lists.sale_sharing !== undefined, since: lists.sale_sharing?.toISOString() ?? null },
    };
  }
}
