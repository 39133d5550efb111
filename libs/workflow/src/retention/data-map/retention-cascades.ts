import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, deriveKey } from '@rightsdesk/config';
import {
  type Collection,
  type DataSystem,
  emptyIdentities,
  type FieldRef,
  fieldRefKey,
  type RetentionCascade,
} from '@rightsdesk/connectors';
import { DataMapProvider } from '../../execution/data-map.provider';
import { RetentionRuleError } from '../retention-error';

// Deleting a row by retention must not leave behind what other systems keep under its key: an
// avatar folder `avatars/{shop.customers.id}/` outlives its customer otherwise. The objects are
// erased before the rows (S3 erase is idempotent, so a repeated batch repeats it harmlessly).
// Providers reached by webhook keep their own retention under their contract and are not asked.
@Injectable()
export class RetentionCascades {
  private readonly hashKey: Buffer;

  constructor(
    private readonly dataMap: DataMapProvider,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.hashKey = deriveKey(config.secretKey, 'erasure-hash');
  }

  /** The cascade for deleting rows of `collection`, or undefined when nothing elsewhere is keyed by it. */
  of(system: DataSystem, collection: Collection): RetentionCascade | undefined {
    const dependents = new Map<string, FieldRef[]>();
    for (const other of this.dataMap.get().systems) {
      if (other.kind !== 's3') {
        continue;
      }
      for (const objects of other.collections) {
        for (const placeholder of objects.placeholders) {
          if (placeholder.kind === 'field' && placeholder.ref.system === system.key && placeholder.ref.collection === collection.name) {
            const refs = dependents.get(other.key) ?? [];
            if (!refs.some((ref) => fieldRefKey(ref) === fieldRefKey(placeholder.ref))) {
              refs.push(placeholder.ref);
            }
            dependents.set(other.key, refs);
          }
        }
      }
    }
    if (dependents.size === 0) {
      return undefined;
    }
    const wanted = [...new Map([...dependents.values()].flat().map((ref) => [fieldRefKey(ref), ref])).values()];
    return {
      wanted,
      beforeDelete: async (keys) => {
        for (const systemKey of dependents.keys()) {
          const result = await this.dataMap.connector(systemKey).erase(
            { identities: emptyIdentities(), keys },
            {
              requestId: `retention:${system.key}.${collection.name}`,
              requestType: 'erasure',
              hashSalt: createHmac('sha256', this.hashKey).update(systemKey).digest(),
            },
          );
          if (result.state !== 'done') {
            throw new RetentionRuleError(`${systemKey}: erasing objects keyed by ${system.key}.${collection.name} did not finish`);
          }
        }
      },
    };
  }
}
