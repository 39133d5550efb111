import { Injectable } from '@nestjs/common';
import { SuppressionRepository } from '@rightsdesk/data-access';

// The company's mailers ask before sending: is this (sha256 of a normalized) address suppressed?
@Injectable()
export class SuppressionLookup {
  constructor(private readonly suppressions: SuppressionRepository) {}

  async lookup(sha256Hex: string): Promise<{ suppressed: boolean; since: string | null }> {
    const found = await this.suppressions.find(Buffer.from(sha256Hex, 'hex'));
    return { suppressed: found !== null, since: found?.createdAt.toISOString() ?? null };
  }
}
