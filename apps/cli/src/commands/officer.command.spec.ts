import { Readable } from 'node:stream';
import { withPostgresClient } from '@rightsdesk/local-services';
import { testEnv } from '@rightsdesk/testing';
import { PasswordHasher } from '@rightsdesk/workflow';
import { createOfficerCommand } from './officer.command';
import { runCaptured } from './run-captured.test';

interface OfficerRow {
  id: string;
  email: string;
  display_name: string;
  role: string;
  password_hash: string;
  disabled_at: Date | null;
  locked_until: Date | null;
  failed_logins: number;
}

function run(argv: string[], stdin = ''): ReturnType<typeof runCaptured> {
  return runCaptured(createOfficerCommand({ stdin: () => Readable.from([Buffer.from(stdin)]) }), argv);
}

describe('rightsdesk officer', () => {
  let cleanup: () => Promise<void>;
  let databaseUrl: string;
  const saved: Record<string, string | undefined> = {};
  const hasher = new PasswordHasher();

  const officer = (email: string) =>
    withPostgresClient(databaseUrl, async (client) => (await client.query<OfficerRow>('SELECT * FROM officer WHERE email = $1', [email])).rows[0]);
  const auditActors = (action: string) =>
    withPostgresClient(databaseUrl, async (client) => (await client.query<{ actor_type: string; actor_id: string }>('SELECT actor_type, actor_id FROM audit_event WHERE action = $1', [action])).rows);

  beforeAll(async () => {
    const env = await testEnv();
    cleanup = env.cleanup;
    databaseUrl = env.env.DATABASE_URL;
    // The command reads its configuration from the environment, as on a server.
    for (const [name, value] of Object.entries({ ...env.env, DATAMAP_PATH: '', MAILBOX_DIR: '' })) {
      saved[name] = process.env[name];
      process.env[name] = value;
    }
  });

  afterAll(async () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) {
        delete process.env[name];
      } else {
        process.env[name] = value;
      }
    }
    await cleanup();
  });

  it('create: makes the first admin and prints a generated password once, as the command line', async () => {
    const result = await run(['create', '--email', ' Ada@Privacy.Example ', '--name', 'Ada', '--role', 'admin']);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toContain('Created admin ada@privacy.example (Ada).');
    const password = /Password, shown only now: (\S+)/.exec(result.out)?.[1] ?? '';
    expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(result.out.split(password)).toHaveLength(2);

    const row = await officer('ada@privacy.example');
    expect(row).toMatchObject({ display_name: 'Ada', role: 'admin', disabled_at: null });
    expect(row.password_hash).not.toContain(password);
    expect(await hasher.verify(row.password_hash, password)).toBe(true);
    expect(await auditActors('officer_created')).toEqual([{ actor_type: 'system', actor_id: 'cli' }]);
  });

  it('create --password-stdin: takes the password from stdin and prints none', async () => {
    const result = await run(['create', '--email', 'bob@privacy.example', '--name', 'Bob Officer', '--role', 'officer', '--password-stdin'], 'a passphrase from a pipe\n');
    expect(result.code).toBe(0);
    expect(result.out).toContain('Created officer bob@privacy.example (Bob Officer).');
    expect(result.out).not.toMatch(/password/i);
    expect(await hasher.verify((await officer('bob@privacy.example')).password_hash, 'a passphrase from a pipe')).toBe(true);
  });

  it('create: refuses a short password, a taken email and bad usage', async () => {
    const short = await run(['create', '--email', 'carl@privacy.example', '--name', 'Carl', '--role', 'auditor', '--password-stdin'], 'short\n');
    expect(short.code).toBe(1);
    expect(short.err).toContain('password: Use 12 to 200 characters');
    expect(await officer('carl@privacy.example')).toBeUndefined();

    const taken = await run(['create', '--email', 'ada@privacy.example', '--name', 'Ada again', '--role', 'officer']);
    expect(taken.code).toBe(1);
    expect(taken.err).toContain('conflict: An officer with this email already exists.');

    for (const argv of [[], ['promote'], ['create', '--email', 'x@privacy.example', '--name', 'X'], ['create', '--email', 'x@privacy.example', '--name', 'X', '--role', 'root'], ['unlock'], ['disable', '--email', 'x@privacy.example', '--role', 'admin'], ['list', '--colour']]) {
      expect([argv, (await run(argv)).code]).toEqual([argv, 2]);
    }
  });

  it('list: shows every account with its role and state, never a hash', async () => {
    const result = await run(['list']);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/ada@privacy\.example\s+admin\s+active\s+last sign-in never\s+Ada/);
    expect(result.out).toMatch(/bob@privacy\.example\s+officer\s+active/);
    expect(result.out).not.toContain('argon2');
  });

  it('reset-password: prints a new password once, which replaces the old one and unlocks', async () => {
    await withPostgresClient(databaseUrl, (client) => client.query(`UPDATE officer SET failed_logins = 7, locked_until = now() + interval '1 hour' WHERE email = 'bob@privacy.example'`));
    expect((await run(['list'])).out).toMatch(/bob@privacy\.example\s+officer\s+locked/);

    const result = await run(['reset-password', '--email', 'BOB@privacy.example']);
    expect(result.code).toBe(0);
    const password = /New password for bob@privacy\.example, shown only now: (\S+)/.exec(result.out)?.[1] ?? '';
    expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    const row = await officer('bob@privacy.example');
    expect(await hasher.verify(row.password_hash, password)).toBe(true);
    expect(await hasher.verify(row.password_hash, 'a passphrase from a pipe')).toBe(false);
    expect(row).toMatchObject({ failed_logins: 0, locked_until: null });

    const unknown = await run(['reset-password', '--email', 'nobody@privacy.example']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('not_found');
  });

  it('unlock: lifts a lockout', async () => {
    await withPostgresClient(databaseUrl, (client) => client.query(`UPDATE officer SET failed_logins = 5, locked_until = now() + interval '1 hour' WHERE email = 'bob@privacy.example'`));
    const result = await run(['unlock', '--email', 'bob@privacy.example']);
    expect(result).toMatchObject({ code: 0, out: 'Unlocked bob@privacy.example.' });
    expect(await officer('bob@privacy.example')).toMatchObject({ failed_logins: 0, locked_until: null });
  });

  it('disable: disables an officer but never the last active admin', async () => {
    const result = await run(['disable', '--email', 'bob@privacy.example']);
    expect(result.code).toBe(0);
    expect((await officer('bob@privacy.example')).disabled_at).not.toBeNull();
    expect((await run(['list'])).out).toMatch(/bob@privacy\.example\s+officer\s+disabled/);

    const lastAdmin = await run(['disable', '--email', 'ada@privacy.example']);
    expect(lastAdmin.code).toBe(1);
    expect(lastAdmin.err).toContain('last active admin');
    expect((await officer('ada@privacy.example')).disabled_at).toBeNull();
    expect((await auditActors('officer_updated')).every((a) => a.actor_type === 'system' && a.actor_id === 'cli')).toBe(true);
  });
});
