import { suppressionSystemSchema } from './datamap.schema';
import type { DataMapReader } from './datamap-reader';
import type { SuppressionSystem } from './datamap.types';
import { systemBase } from './system-base';

export const SUPPRESSION_COLLECTION = 'suppressed_emails';

/** Rightsdesk's own list of opted-out emails: nothing to configure but how officers see it. */
export function readSuppressionSystem(reader: DataMapReader, key: string): SuppressionSystem | undefined {
  const raw = reader.parse(suppressionSystemSchema, ['systems', key]);
  if (!raw) {
    return undefined;
  }
  return {
    ...systemBase(key, raw),
    kind: 'suppression',
    collections: [
      {
        kind: 'suppression',
        name: SUPPRESSION_COLLECTION,
        description: 'SHA-256 digests of the normalized emails of people who opted out',
        fields: [
          {
            name: 'email_sha256',
            category: 'marketing.consent',
            description: 'SHA-256 of the normalized email; the email itself is never stored',
            rectifiable: false,
            secret: false,
            // Erasing the entry would let the mailers write to the person again: the opt-out outlives erasure.
            erasure: { action: 'keep', reason: 'honours the opt-out; holds a digest, never the email' },
          },
        ],
        retention: [],
      },
    ],
  };
}
