import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { ConfigModule, loadConfig } from '@rightsdesk/config';
import { testEnv } from '@rightsdesk/testing';
import { OfficerAccounts, PasswordHasher, WorkflowModule } from '@rightsdesk/workflow';
import { DEMO_ADMIN_EMAIL, ensureDemoAdmin } from './demo-admin';

const DEMO = { embeddedDatabase: true, demoMode: true };

describe('the embedded demo admin', () => {
  let app: INestApplicationContext;
  let cleanup: () => Promise<void>;
  const accounts = () => app.get(OfficerAccounts);
  const officers = (): Promise<Array<{ email: string; role: string; display_name: string; password_hash: string }>> =>
    app.get(DataSource).query('SELECT email, role, display_name, password_hash FROM officer ORDER BY created_at');

  beforeEach(async () => {
    const env = await testEnv();
    cleanup = env.cleanup;
    const moduleRef = await Test.createTestingModule({ imports: [ConfigModule.forRoot(loadConfig(env.env)), WorkflowModule] }).compile();
    app = await moduleRef.init();
  });

  afterEach(async () => {
    await app.close();
    await cleanup();
  });

  it('is created on the first start with a generated password, shown once; later starts only say it exists', async () => {
    const first = await ensureDemoAdmin(DEMO, accounts());
    expect(first).toEqual({ state: 'created', email: DEMO_ADMIN_EMAIL, password: expect.stringMatching(/^[A-Za-z0-9_-]{20}$/) });
    const [stored] = await officers();
    expect(stored).toMatchObject({ email: DEMO_ADMIN_EMAIL, role: 'admin', display_name: 'Demo admin' });
    expect(await new PasswordHasher().verify(stored.password_hash, first?.state === 'created' ? first.password : '')).toBe(true);
    const [audit] = await app.get(DataSource).query(`SELECT actor_type, actor_id FROM audit_event WHERE action = 'officer_created'`);
    expect(audit).toEqual({ actor_type: 'system', actor_id: 'demo' });

    expect(await ensureDemoAdmin(DEMO, accounts())).toEqual({ state: 'exists', email: DEMO_ADMIN_EMAIL });
    expect(await officers()).toHaveLength(1);
  });

  it('never gets a fixed password: two fresh demos get different ones', async () => {
    const first = await ensureDemoAdmin(DEMO, accounts());
    await app.get(DataSource).query(`DELETE FROM officer`);
    const second = await ensureDemoAdmin(DEMO, accounts());
    expect(first?.state).toBe('created');
    expect(second?.state).toBe('created');
    expect(first?.state === 'created' && second?.state === 'created' && first.password !== second.password).toBe(true);
  });

  it('is not created when someone already made officers, and says nothing about them', async () => {
    await accounts().create({ email: 'ada@privacy.example', displayName: 'Ada', role: 'admin' }, { type: 'system', id: 'cli' });
    expect(await ensureDemoAdmin(DEMO, accounts())).toBeNull();
    expect((await officers()).map((o) => o.email)).toEqual(['ada@privacy.example']);
  });

  it.each([
    ['an external database', { embeddedDatabase: false, demoMode: true }],
    ['DEMO_MODE=false', { embeddedDatabase: true, demoMode: false }],
  ])('is never created with %s', async (_case, context) => {
    expect(await ensureDemoAdmin(context, accounts())).toBeNull();
    expect(await officers()).toEqual([]);
  });
});
