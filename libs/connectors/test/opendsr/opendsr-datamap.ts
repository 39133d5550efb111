import { type OpenDsrSystem } from '../../src/datamap/datamap.types';
import { parseDataMap } from '../../src/datamap/load-datamap';

/** A data map with one opendsr system `ads` (and nothing else), parsed like the apps parse theirs. */
export function openDsrSystemYaml(connection: string, extra = ''): string {
  return `version: 1
systems:
  ads:
    kind: opendsr
    title: Ad attribution
    connection:
${connection
  .trim()
  .split('\n')
  .map((line) => `      ${line.trim()}`)
  .join('\n')}
${extra}
    collections:
      devices:
        fields:
          email: { category: contact.email }
`;
}

export function parseOpenDsrSystem(connection: string, extra = ''): OpenDsrSystem {
  const system = parseDataMap(openDsrSystemYaml(connection, extra), 'datamap.yaml').systems[0];
  if (system?.kind !== 'opendsr') {
    throw new Error('not an opendsr system');
  }
  return system;
}
