import { Injectable } from '@nestjs/common';
import type { SuppressionListName, SuppressionStore } from '@rightsdesk/connectors';
import { SuppressionRepository } from '@rightsdesk/data-access';

/** The suppression connector's port, backed by Rightsdesk's own table. */
@Injectable()
export class SuppressionStoreAdapter implements SuppressionStore {
  constructor(private readonly repository: SuppressionRepository) {}

  add(emailHashes: string[], source: string, list: SuppressionListName): Promise<number> {
    return this.repository.add(emailHashes.map(toDigest), source, list);
  }

  count(emailHashes: string[], list?: SuppressionListName): Promise<number> {
    return this.repository.count(emailHashes.map(toDigest), list);
  }
}

function toDigest(hex: string): Buffer {
  if (!/^[0-9a-f]{64}$/.test(hex)) {
    throw new Error('suppression digests must be 64 lower-case hex characters');
  }
  return Buffer.from(hex, 'hex');
}
