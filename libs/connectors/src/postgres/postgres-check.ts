import type { Pool } from 'pg';
import type { PostgresCollection, PostgresSystem } from '../datamap/datamap.types';
import { HASHED_LENGTH } from './erasure-sql';
import { loadCatalog, loadIndexes, type ColumnInfo, type IndexInfo, type SystemCatalog, type TableInfo } from './pg-catalog';
import { describePgFailure } from './postgres-connector.error';

interface DeclaredIndex {
  collection: PostgresCollection;
  column: string;
  name: string;
}

/** Compares the data map with the real database; every problem names a system, collection or field. */
export async function checkPostgresSystem(pool: Pool, system: PostgresSystem): Promise<string[]> {
  const declared = declaredIndexes(system);
  let catalog: SystemCatalog;
  let indexes: IndexInfo[];
  try {
    catalog = await loadCatalog(pool, system.collections);
    indexes = await loadIndexes(pool, declared.map((index) => ({ schema: index.collection.schema, name: index.name })));
  } catch (error) {
    return [`${system.key}: cannot read the database: ${describePgFailure(error)}`];
  }
  const problems = checkEraseOrder(system);
  for (const collection of system.collections) {
    const table = catalog.tables.get(collection.name);
    const where = `${system.key}.${collection.name}`;
    if (!table) {
      problems.push(`${where}: table ${collection.schema}.${collection.table} does not exist`);
      continue;
    }
    problems.push(...missingColumns(collection, table).map((problem) => `${where}: ${problem}`));
    problems.push(...checkReference(system, collection, catalog).map((problem) => `${where}: ${problem}`));
    const ownIndexes = declared.filter((index) => index.collection === collection);
    problems.push(...checkIndexes(ownIndexes, indexes).map((problem) => `${where}: ${problem}`));
    const valueProblems = await checkValues(pool, collection, table);
    problems.push(...valueProblems.map((problem) => `${where}: ${problem}`));
  }
  return problems;
}

function checkEraseOrder(system: PostgresSystem): string[] {
  const names = system.collections.map((collection) => collection.name);
  const order = system.eraseOrder;
  const complete =
    order.length === names.length && new Set(order).size === order.length && names.every((name) => order.includes(name));
  return complete ? [] : [`${system.key}: the erase order does not list every collection exactly once`];
}

function missingColumns(collection: PostgresCollection, table: TableInfo): string[] {
  const wanted = new Set([collection.primaryKey, ...collection.fields.map((field) => field.name)]);
  const link = collection.subject;
  if (link.by === 'identity') {
    link.fields.forEach((field) => wanted.add(field.field));
  } else {
    wanted.add(link.field);
  }
  Object.keys(collection.optOut ?? {}).forEach((name) => wanted.add(name));
  // Retention time stamps need not be declared fields (they are often not personal data).
  for (const rule of collection.retention) {
    [rule.field, rule.condition?.field, ...Object.keys(rule.anonymize ?? {})].forEach((name) => name && wanted.add(name));
  }
  if (collection.children) {
    wanted.add(collection.children.birthDate);
  }
  return [...wanted]
    .filter((name) => !table.columns.has(name))
    .map((name) => `column ${name} does not exist in ${collection.schema}.${collection.table}`);
}

function checkReference(system: PostgresSystem, collection: PostgresCollection, catalog: SystemCatalog): string[] {
  const link = collection.subject;
  if (link.by !== 'reference') {
    return [];
  }
  const parent = system.collections.find((candidate) => candidate.name === link.to.collection);
  if (!parent) {
    return [`reference ${link.field} points to ${link.to.collection}, which is not a collection of this system`];
  }
  const parentTable = catalog.tables.get(parent.name);
  if (parentTable && !parentTable.columns.has(link.to.field)) {
    return [`reference ${link.field} points to column ${link.to.field}, which does not exist in ${parent.schema}.${parent.table}`];
  }
  return [];
}

function declaredIndexes(system: PostgresSystem): DeclaredIndex[] {
  return system.collections.flatMap((collection): DeclaredIndex[] => {
    const link = collection.subject;
    if (link.by === 'reference') {
      return link.index ? [{ collection, column: link.field, name: link.index }] : [];
    }
    return link.fields.flatMap((field) => (field.index ? [{ collection, column: field.field, name: field.index }] : []));
  });
}

function checkIndexes(declared: DeclaredIndex[], found: IndexInfo[]): string[] {
  return declared.flatMap((index) => {
    const { schema, table } = index.collection;
    const actual = found.find((candidate) => candidate.schema === schema && candidate.name === index.name);
    if (!actual) {
      return [`index ${index.name} (declared for column ${index.column}) does not exist in schema ${schema}`];
    }
    if (actual.table !== table) {
      return [`index ${index.name} is on table ${schema}.${actual.table}, not on ${schema}.${table}`];
    }
    if (actual.firstColumn !== index.column) {
      return [`index ${index.name} does not start with column ${index.column}, so it cannot serve the subject lookup`];
    }
    return [];
  });
}

async function checkValues(pool: Pool, collection: PostgresCollection, table: TableInfo): Promise<string[]> {
  const problems: string[] = [];
  for (const field of collection.fields) {
    const info = table.columns.get(field.name);
    if (!info) {
      continue;
    }
    const erasure = field.erasure;
    switch (erasure.action) {
      case 'hash':
        if (info.category !== 'S') {
          problems.push(`field ${field.name}: hash needs a text column, not ${info.type}`);
        } else if (info.maxLength !== null && info.maxLength < HASHED_LENGTH) {
          problems.push(`field ${field.name}: hashed values have ${HASHED_LENGTH} characters, the column takes ${info.maxLength}`);
        }
        break;
      case 'anonymize_ip':
        if (info.category !== 'I' && info.category !== 'S') {
          problems.push(`field ${field.name}: anonymize_ip needs an inet or text column, not ${info.type}`);
        }
        break;
      case 'set_null':
        if (info.notNull) {
          problems.push(`field ${field.name}: set_null on a NOT NULL column`);
        }
        break;
      case 'replace': {
        const problem = await valueProblem(pool, info, String(erasure.value));
        if (problem) {
          problems.push(`field ${field.name}: the replace value ${problem}`);
        }
        break;
      }
      case 'delete_row':
      case 'keep':
        break;
    }
  }
  for (const [name, value] of Object.entries(collection.optOut ?? {})) {
    const info = table.columns.get(name);
    if (!info) {
      continue;
    }
    const problem = value === null ? (info.notNull ? 'is null, but the column is NOT NULL' : null) : await valueProblem(pool, info, String(value));
    if (problem) {
      problems.push(`opt-out column ${name}: the value ${problem}`);
    }
  }
  return problems;
}

/** Whether PostgreSQL accepts the value for the column; the message never repeats the value. */
export async function valueProblem(pool: Pool, info: ColumnInfo, value: string): Promise<string | null> {
  if (info.maxLength !== null && [...value].length > info.maxLength) {
    return `is longer than the ${info.maxLength} characters column type ${info.type} takes`;
  }
  try {
    await pool.query(`SELECT $1::${info.castType}`, [value]);
    return null;
  } catch (error) {
    return `does not fit column type ${info.type}: ${describePgFailure(error)}`;
  }
}
