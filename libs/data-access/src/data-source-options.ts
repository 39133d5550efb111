import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export function createDataSourceOptions(database: { url: string; poolSize: number }): DataSourceOptions {
  return {
    type: 'postgres',
    url: database.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    // Schema changes only through reviewed migrations, never by synchronization.
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'all',
    extra: { max: database.poolSize, application_name: 'rightsdesk' },
    logging: false,
  };
}
