import type { Connector, DataMap, DataSystem, Subject } from '@rightsdesk/connectors';
import { type OptOutChannel, type OptOutScope, optOutScope, type RequestType } from '@rightsdesk/domain';
import { participatingSystems } from './execution-plan';
import { resolveSubjectKeys } from './resolve-subject-keys';

export interface PlannedCollection {
  collection: string;
  /** Rows or objects held for the subject; null when the system cannot count (a provider). */
  count: number | null;
  /** What the request would do there, in words for a person. */
  effect: string;
}

export interface PlannedSystem {
  system: string;
  title: string;
  kind: DataSystem['kind'];
  collections: PlannedCollection[];
  error?: string;
}

/**
 * What a request of this type would touch for this subject, changing nothing: counts from the
 * connectors and the effect the data map declares. Erasure collections are listed in erase order.
 * A system without a connector (`null`: e.g. the suppression list when Rightsdesk's own database is
 * not at hand) is described without counts.
 */
export async function dryRunPlan(
  map: DataMap,
  type: RequestType,
  subject: Omit<Subject, 'keys'>,
  connectorFor: (system: DataSystem) => Connector | null,
  optOutChannels?: readonly OptOutChannel[],
): Promise<PlannedSystem[]> {
  const keys = await resolveSubjectKeys(map, { ...subject, keys: {} }, connectorFor);
  const full: Subject = { ...subject, keys };
  const planned: PlannedSystem[] = [];
  const scope = optOutScope(optOutChannels);
  for (const system of participatingSystems(map, type, undefined, optOutChannels)) {
    try {
      const connector = connectorFor(system);
      const counts = new Map((connector ? await connector.count(full) : []).map((c) => [c.collection, c.count]));
      planned.push({
        system: system.key,
        title: system.title,
        kind: system.kind,
        collections: ordered(system, type).map((name) => ({
          collection: name,
          count: counts.get(name) ?? null,
          effect: effectOf(system, name, type, scope),
        })),
      });
    } catch (error) {
      planned.push({ system: system.key, title: system.title, kind: system.kind, collections: [], error: error instanceof Error ? error.name : 'error' });
    }
  }
  return planned;
}

function ordered(system: DataSystem, type: RequestType): string[] {
  if (system.kind === 'postgres' && (type === 'erasure' || type === 'child_data_removal')) {
    return system.eraseOrder;
  }
  return system.collections.map((c) => c.name);
}

function effectOf(system: DataSystem, collectionName: string, type: RequestType, scope: OptOutScope): string {
  switch (system.kind) {
    case 'suppression':
      return type === 'opt_out' ? `add the email's sha256 to ${listsOf(scope)}` : 'report whether the email is suppressed';
    case 'webhook':
      return type === 'opt_out'
        ? `ask the provider to handle the opt-out (signed webhook), telling it the person opted out of ${scopeWords(scope)}`
        : `ask the provider to handle the ${type.replace(/_/g, ' ')} request (signed webhook)`;
    case 'opendsr':
      return `ask the processor to handle the ${type.replace(/_/g, ' ')} request (OpenDSR ${system.connection.version === 1 ? 'v1 / OpenGDPR' : 'v2'})`;
    case 's3':
      return type === 'access' ? 'include the objects in the package' : type === 'opt_out' ? 'nothing' : 'delete the objects (all versions)';
    case 'postgres': {
      const collection = system.collections.find((c) => c.name === collectionName);
      if (!collection) {
        return '';
      }
      if (type === 'access') {
        const secrets = collection.fields.filter((f) => f.secret).map((f) => f.name);
        return `export the rows${secrets.length ? ` (not ${secrets.join(', ')}: secret, listed as held)` : ''}`;
      }
      if (type === 'opt_out') {
        return collection.optOut ? `set ${Object.entries(collection.optOut).map(([k, v]) => `${k} = ${JSON.stringify(v)}`).join(', ')}` : 'nothing';
      }
      if (type === 'rectification') {
        const fields = collection.fields.filter((f) => f.rectifiable).map((f) => f.name);
        return fields.length ? `correct what the request names among ${fields.join(', ')}` : 'nothing (no rectifiable field)';
      }
      if (collection.fields.some((f) => f.erasure.action === 'delete_row')) {
        return 'delete the rows';
      }
      const changes = collection.fields
        .filter((f) => f.erasure.action !== 'keep')
        .map((f) => `${f.erasure.action}(${f.name})`);
      const kept = collection.fields.filter((f) => f.erasure.action === 'keep').map((f) => f.name);
      return `update the rows: ${changes.join(', ') || 'no change'}${kept.length ? `; keep ${kept.join(', ')}` : ''}`;
    }
    default:
      return '';
  }
}

function listsOf(scope: OptOutScope): string {
  const lists = [scope.marketing ? 'the marketing suppression list' : null, scope.saleSharing ? 'the do-not-sell-or-share list' : null];
  return lists.filter((list) => list !== null).join(' and ');
}

function scopeWords(scope: OptOutScope): string {
  const words = [scope.marketing ? 'marketing' : null, scope.saleSharing ? 'the sale and sharing of their personal information' : null];
  return words.filter((word) => word !== null).join(' and ');
}
