import type { PostgresCollection, PostgresSystem } from '../datamap/datamap.types';
import type { ColumnInfo, SystemCatalog } from './pg-catalog';
import { PostgresConnectorError } from './postgres-connector.error';

/** The catalog of one system with lookups that fail with a message naming the place, never a value. */
export class SystemTables {
  constructor(
    readonly system: PostgresSystem,
    private readonly catalog: SystemCatalog,
  ) {}

  collection(name: string): PostgresCollection {
    const collection = this.system.collections.find((candidate) => candidate.name === name);
    if (!collection) {
      throw new PostgresConnectorError(`${this.system.key}: the data map has no collection ${name}`);
    }
    return collection;
  }

  column(collection: PostgresCollection, name: string): ColumnInfo {
    const table = this.catalog.tables.get(collection.name);
    if (!table) {
      throw new PostgresConnectorError(
        `${this.system.key}.${collection.name}: table ${collection.schema}.${collection.table} does not exist`,
      );
    }
    const column = table.columns.get(name);
    if (!column) {
      throw new PostgresConnectorError(
        `${this.system.key}.${collection.name}: column ${name} does not exist in ${collection.schema}.${collection.table}`,
      );
    }
    return column;
  }
}
