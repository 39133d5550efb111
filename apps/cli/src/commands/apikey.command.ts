import { parseArgs } from 'node:util';
import { ApiKeyRepository } from '@rightsdesk/data-access';
import { API_KEY_SCOPES, type ApiKeyScope, ApiKeyService } from '@rightsdesk/workflow';
import { type CliCommand } from '../cli-command';
import { cliConfig, withWorkflow } from '../cli-context';

const USAGE = `usage: rightsdesk apikey <action>

  create --name <name> --scope <scope> [--scope …]   prints the key once; only its hash is kept
  list                                             prefixes, scopes, last use
  revoke <prefix>

Scopes: ${API_KEY_SCOPES.join(', ')}`;

export const apiKeyCommand: CliCommand = {
  name: 'apikey',
  summary: 'apikey create|list|revoke — keys for server-to-server calls (suppression lookups)',
  async run(argv) {
    let parsed;
    try {
      parsed = parseArgs({
        args: argv,
        allowPositionals: true,
        options: { name: { type: 'string' }, scope: { type: 'string', multiple: true } },
        strict: true,
      });
    } catch (error) {
      console.error(`${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    const [action, prefix] = parsed.positionals;
    const scopes = parsed.values.scope ?? [];
    const badScope = scopes.find((scope) => !(API_KEY_SCOPES as readonly string[]).includes(scope));
    if (
      badScope !== undefined ||
      (action === 'create' && (!parsed.values.name || scopes.length === 0)) ||
      (action === 'revoke' && !prefix) ||
      !['create', 'list', 'revoke'].includes(action ?? '')
    ) {
      console.error(badScope ? `unknown scope ${badScope}\n\n${USAGE}` : USAGE);
      return 2;
    }
    const config = cliConfig();
    if (!config) {
      return 2;
    }
    return withWorkflow(config, async (app) => {
      if (action === 'create') {
        const issued = await app.get(ApiKeyService).issue(parsed.values.name ?? '', scopes as ApiKeyScope[]);
        console.log(`${issued.key}\n\nKeep it secret: it is shown only now. Revoke with: rightsdesk apikey revoke ${issued.prefix}`);
        return 0;
      }
      if (action === 'revoke') {
        const revoked = await app.get(ApiKeyService).revoke(prefix ?? '');
        console.log(revoked ? `revoked ${prefix}` : `no active key ${prefix}`);
        return revoked ? 0 : 1;
      }
      for (const key of await app.get(ApiKeyRepository).list()) {
        console.log(
          `${key.prefix}  ${key.name.padEnd(24)} ${key.scopes.join(',').padEnd(20)} last used ${key.lastUsedAt?.toISOString() ?? 'never'}${key.revokedAt ? '  REVOKED' : ''}`,
        );
      }
      return 0;
    });
  },
};
