import { parseArgs } from 'node:util';
import { isOfficerRole, OFFICER_ROLES, type OfficerRole, RequestException } from '@rightsdesk/domain';
import { type AccountActor, OfficerAccounts, type OfficerView } from '@rightsdesk/workflow';
import { type CliCommand } from '../cli-command';
import { cliConfig, withWorkflow } from '../cli-context';

const USAGE = `usage: rightsdesk officer <action> [options]

  create --email <email> --name <display name> --role <${OFFICER_ROLES.join('|')}> [--password-stdin]
                                   prints a generated password once, or takes one from stdin
  list                             every account: role, state, second factor, last sign-in
  reset-password --email <email>   prints a new password once; unlocks; ends their sessions
  unlock --email <email>           lifts a lockout after failed sign-ins
  disable --email <email>          ends their sessions; refused for the last active admin

The first admin of an installation is created here: there is no default account. Acts as the
command line of this server (audited as system "cli"). Reads DATABASE_URL, REDIS_URL and
SECRET_KEY like the api, or the embedded demo's settings while \`npm start\` runs.`;

const ACTIONS = ['create', 'list', 'reset-password', 'unlock', 'disable'] as const;
type Action = (typeof ACTIONS)[number];

// Whoever runs the command line on the server already holds the database credentials.
const ACTOR: AccountActor = { type: 'system', id: 'cli' };

interface Options {
  email?: string;
  name?: string;
  role?: string;
  'password-stdin'?: boolean;
}

/** What the command reads besides its arguments; tests hand in their own stdin. */
export interface OfficerCommandIo {
  stdin(): AsyncIterable<string | Buffer>;
}

export function createOfficerCommand(io: OfficerCommandIo): CliCommand {
  return {
    name: 'officer',
    summary: 'officer create|list|reset-password|unlock|disable — console accounts (the first admin too)',
    async run(argv) {
      let parsed;
      try {
        parsed = parseArgs({
          args: argv,
          allowPositionals: true,
          options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, 'password-stdin': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
          strict: true,
        });
      } catch (error) {
        console.error(`${(error as Error).message}\n\n${USAGE}`);
        return 2;
      }
      if (parsed.values.help) {
        console.log(USAGE);
        return 0;
      }
      const [action, ...extra] = parsed.positionals;
      const problem = usageProblem(action, extra, parsed.values);
      if (problem) {
        console.error(`${problem}\n\n${USAGE}`);
        return 2;
      }
      const password = parsed.values['password-stdin'] ? await readPassword(io) : undefined;
      const config = cliConfig();
      if (!config) {
        return 2;
      }
      return withWorkflow(config, async (app) => {
        try {
          return await act(app.get(OfficerAccounts), action as Action, parsed.values, password);
        } catch (error) {
          if (error instanceof RequestException) {
            const fields = (error.details?.fieldErrors ?? []).map((e) => `\n  ${e.path}: ${e.message}`).join('');
            console.error(`${error.code}: ${error.message}${fields}`);
            return 1;
          }
          throw error;
        }
      });
    },
  };
}

export const officerCommand = createOfficerCommand({
  stdin: () => {
    if (process.stdin.isTTY) {
      process.stderr.write('Type the password, then Enter and Ctrl-D (a pipe keeps it off the screen).\n');
    }
    return process.stdin;
  },
});

function usageProblem(action: string | undefined, extra: string[], values: Options): string | null {
  if (!ACTIONS.includes(action as Action)) {
    return action === undefined ? 'Name an action.' : `Unknown action: ${action}`;
  }
  if (extra.length > 0) {
    return `Unexpected argument: ${extra[0]}`;
  }
  if (action === 'list') {
    return null;
  }
  if (!values.email) {
    return `${action} needs --email.`;
  }
  if (action === 'create') {
    if (!values.name) {
      return 'create needs --name.';
    }
    if (!isOfficerRole(values.role)) {
      return `create needs --role, one of ${OFFICER_ROLES.join(', ')}.`;
    }
  } else if (values.name !== undefined || values.role !== undefined || values['password-stdin']) {
    return `${action} takes only --email.`;
  }
  return null;
}

// The whole of stdin, less the line break `echo` or a password manager adds at the end.
async function readPassword(io: OfficerCommandIo): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin()) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  }
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

async function act(accounts: OfficerAccounts, action: Action, values: Options, password: string | undefined): Promise<number> {
  switch (action) {
    case 'create': {
      const created = await accounts.create({ email: values.email ?? '', displayName: values.name ?? '', role: values.role as OfficerRole, password }, ACTOR);
      console.log(`Created ${created.officer.role} ${created.officer.email} (${created.officer.displayName}).`);
      if (created.password !== null) {
        console.log(`Password, shown only now: ${created.password}`);
        console.log('Hand it over safely; they can change it after signing in.');
      }
      return 0;
    }
    case 'list':
      printList(await accounts.list());
      return 0;
    case 'reset-password': {
      const officer = await accounts.getByEmail(values.email ?? '');
      const newPassword = await accounts.resetPassword(officer.id, ACTOR);
      console.log(`New password for ${officer.email}, shown only now: ${newPassword}`);
      console.log('The account is unlocked and its sessions have ended.');
      return 0;
    }
    case 'unlock': {
      const officer = await accounts.getByEmail(values.email ?? '');
      await accounts.unlock(officer.id, ACTOR);
      console.log(`Unlocked ${officer.email}.`);
      return 0;
    }
    case 'disable': {
      const officer = await accounts.getByEmail(values.email ?? '');
      await accounts.update(officer.id, { disabled: true }, ACTOR);
      console.log(`Disabled ${officer.email}; their sessions have ended.`);
      return 0;
    }
  }
}

function printList(officers: OfficerView[]): void {
  if (officers.length === 0) {
    console.log('No officers yet: rightsdesk officer create --email … --name … --role admin');
    return;
  }
  const width = Math.max(...officers.map((o) => o.email.length));
  for (const o of officers) {
    const state = o.disabled ? 'disabled' : o.locked ? 'locked' : 'active';
    console.log(
      `${o.email.padEnd(width)}  ${o.role.padEnd(7)}  ${state.padEnd(8)}  ${o.totpEnabled ? '2FA' : '   '}  last sign-in ${o.lastLoginAt ?? 'never'}  ${o.displayName}`,
    );
  }
}
