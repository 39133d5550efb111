import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@rightsdesk/testing';
import { createDataSourceOptions } from '../data-source-options';
import { MIGRATIONS } from '.';

describe('migrations', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(createDataSourceOptions({ url: database.url, poolSize: 2 })).initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  const tables = async () =>
    (await dataSource.query<Array<{ tablename: string }>>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations' ORDER BY 1`)).map(
      (row) => row.tablename,
    );

  it('reverse completely and apply again, leaving the schema the entities describe', async () => {
    expect(await tables()).toEqual([
      'access_package',
      'api_key',
      'audit_chain',
      'audit_event',
      'child_finding',
      'console_setting',
      'drp_agent',
      'drp_agent_token',
      'drp_request',
      'gpc_signal',
      'officer',
      'officer_session',
      'outbox_message',
      'privacy_request',
      'request_attachment',
      'request_execution',
      'request_message',
      'retention_hold',
      'retention_run',
      'suppression_entry',
      'system_execution',
      'verification_token',
    ]);
    for (let i = 0; i < MIGRATIONS.length; i++) {
      await dataSource.undoLastMigration({ transaction: 'all' });
    }
    expect(await tables()).toEqual([]);
    expect(await dataSource.runMigrations({ transaction: 'all' })).toHaveLength(MIGRATIONS.length);
    expect(await tables()).toEqual([
      'access_package',
      'api_key',
      'audit_chain',
      'audit_event',
      'child_finding',
      'console_setting',
      'drp_agent',
      'drp_agent_token',
      'drp_request',
      'gpc_signal',
      'officer',
      'officer_session',
      'outbox_message',
      'privacy_request',
      'request_attachment',
      'request_execution',
      'request_message',
      'retention_hold',
      'retention_run',
      'suppression_entry',
      'system_execution',
      'verification_token',
    ]);
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });
});
