import { parseArgs } from 'node:util';
import {
  type Connector,
  createConnector,
  DataMapError,
  type DataSystem,
  emptyIdentities,
  loadDataMap,
} from '@rightsdesk/connectors';
import { isRequestType, normalizeEmail, REQUEST_TYPES } from '@rightsdesk/domain';
import { dryRunPlan, type PlannedSystem } from '@rightsdesk/workflow';
import { type CliCommand } from '../cli-command';
import { cliEnv } from '../cli-context';

const USAGE = `usage: rightsdesk datamap <action> <file> [options]

  validate <file> [--check]        parse and validate; --check also connects to every system
  plan <file> --email <address> --type <type> [--username <name>]
                                   what a request would touch for one subject, changing nothing

Types: ${REQUEST_TYPES.join(', ')}. Connection settings come from the environment variables the
data map names (and, while \`npm start\` runs, from the embedded demo's settings).`;

export const dataMapCommand: CliCommand = {
  name: 'datamap',
  summary: 'datamap validate|plan <file> — check a data map; dry-run a request for one subject',
  async run(argv) {
    let parsed;
    try {
      parsed = parseArgs({
        args: argv,
        allowPositionals: true,
        options: {
          check: { type: 'boolean' },
          email: { type: 'string' },
          username: { type: 'string' },
          type: { type: 'string' },
        },
        strict: true,
      });
    } catch (error) {
      console.error(`${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    const [action, file] = parsed.positionals;
    if (!file || (action !== 'validate' && action !== 'plan')) {
      console.error(USAGE);
      return 2;
    }
    let map;
    try {
      map = await loadDataMap(file);
    } catch (error) {
      if (error instanceof DataMapError) {
        console.error(error.message);
        return 1;
      }
      throw error;
    }
    const env = cliEnv();
    const connectors = new Map<string, Connector>();
    const connectorFor = (system: DataSystem): Connector => {
      let connector = connectors.get(system.key);
      if (!connector) {
        connector = createConnector(system, { env });
        connectors.set(system.key, connector);
      }
      return connector;
    };
    try {
      if (action === 'validate') {
        console.log(`${file}: valid — ${map.systems.length} system(s), ${map.systems.reduce((n, s) => n + s.collections.length, 0)} collection(s)`);
        for (const system of map.systems) {
          const order = system.kind === 'postgres' ? `  erase order: ${system.eraseOrder.join(' → ')}` : '';
          console.log(`  ${system.key} (${system.kind})${order}`);
        }
        if (!parsed.values.check) {
          return 0;
        }
        let problems = 0;
        for (const system of map.systems.filter((s) => s.kind !== 'suppression')) {
          const found = await connectorFor(system).check().catch((error: unknown) => [`cannot check: ${(error as Error).message}`]);
          problems += found.length;
          console.log(found.length === 0 ? `  ✓ ${system.key}` : `  ✗ ${system.key}\n${found.map((p) => `      ${p}`).join('\n')}`);
        }
        return problems === 0 ? 0 : 1;
      }
      const type = parsed.values.type;
      if (!parsed.values.email || !isRequestType(type)) {
        console.error(USAGE);
        return 2;
      }
      const identities = emptyIdentities();
      identities.email.push(normalizeEmail(parsed.values.email));
      if (parsed.values.username) {
        identities.username.push(parsed.values.username.trim());
      }
      // The plan runs without Rightsdesk's own database: the suppression list is described, not counted.
      const plan = await dryRunPlan(map, type, { identities }, (system) => (system.kind === 'suppression' ? null : connectorFor(system)));
      console.log(`Plan for ${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type.replace(/_/g, ' ')} request (nothing changed):`);
      printPlan(plan);
      return 0;
    } finally {
      await Promise.allSettled([...connectors.values()].map((c) => c.close()));
    }
  },
};

function printPlan(plan: PlannedSystem[]): void {
  for (const system of plan) {
    console.log(`\n${system.title} [${system.system}, ${system.kind}]${system.error ? `  ERROR: ${system.error}` : ''}`);
    for (const collection of system.collections) {
      const count = collection.count === null ? '?' : String(collection.count);
      console.log(`  ${collection.collection.padEnd(28)} ${count.padStart(8)}  ${collection.effect}`);
    }
  }
}
