import {
  type Connector,
  crossSystemKeys,
  type DataMap,
  type DataSystem,
  fieldRefKey,
  type FieldRef,
  type ResolvedKeys,
  type Subject,
} from '@rightsdesk/connectors';

/**
 * The values other systems key the subject's data by (an S3 prefix by customer id), read from the
 * systems that hold them. Every wanted key is present in the answer, empty when nothing matched or
 * the system has no connector here.
 */
export async function resolveSubjectKeys(
  map: DataMap,
  subject: Subject,
  connectorFor: (system: DataSystem) => Connector | null,
): Promise<ResolvedKeys> {
  const bySystem = new Map<string, FieldRef[]>();
  for (const ref of crossSystemKeys(map)) {
    bySystem.set(ref.system, [...(bySystem.get(ref.system) ?? []), ref]);
  }
  const keys: ResolvedKeys = {};
  for (const [key, refs] of bySystem) {
    const system = map.systems.find((s) => s.key === key);
    const connector = system ? connectorFor(system) : null;
    const resolved = connector ? await connector.resolveKeys(subject, refs) : {};
    for (const ref of refs) {
      keys[fieldRefKey(ref)] = resolved[fieldRefKey(ref)] ?? [];
    }
  }
  return keys;
}
