import { z } from 'zod';
import {
  COLUMN_PATTERN,
  NAME_PATTERN,
  postgresCollectionSchemaOf,
  postgresFieldSchema,
  postgresSystemSchemaOf,
  type RawPostgresField,
} from './datamap.schema';
import type { DataMapReader } from './datamap-reader';
import type { FieldSpec, PostgresCollection, PostgresSystem, SubjectLink } from './datamap.types';
import { didYouMean } from './did-you-mean';
import { deriveEraseOrder, findReferenceCycles } from './erase-order';
import { type ErasureTarget, erasureActionProblem } from './erasure-rules';
import { readChildren } from './read-children';
import { readRetentionRules } from './read-retention';
import { isPlainMap, systemBase } from './system-base';
import type { PathStep } from './yaml-locator';

/** What other systems may point at: each collection's columns, or undefined when it did not parse. */
export type PostgresCatalogue = Map<string, { columns: Set<string> } | undefined>;

const collectionShellSchema = postgresCollectionSchemaOf(z.unknown(), z.unknown());

// Fields and retention rules are read one by one, so a typo in one does not hide a broken
// reference next to it.
type RawPostgresCollection = Omit<z.output<typeof collectionShellSchema>, 'fields' | 'retention'> & {
  fields: Record<string, RawPostgresField | undefined>;
};

function readRawCollection(reader: DataMapReader, path: PathStep[]): RawPostgresCollection | undefined {
  const shell = reader.parse(collectionShellSchema, path);
  const rawFields = reader.valueAt([...path, 'fields']);
  const fields: Record<string, RawPostgresField | undefined> = {};
  for (const name of isPlainMap(rawFields) ? Object.keys(rawFields) : []) {
    if (COLUMN_PATTERN.test(name)) {
      fields[name] = reader.parse(postgresFieldSchema, [...path, 'fields', name]);
    }
  }
  return shell && { ...shell, fields };
}

function columnsOf(raw: RawPostgresCollection): Set<string> {
  return new Set([...Object.keys(raw.fields), raw.primaryKey]);
}

function notAColumn(column: string, collection: string, raw: RawPostgresCollection): string {
  return `"${column}" is neither a declared field nor the primary key of collection "${collection}"${didYouMean(column, columnsOf(raw))}`;
}

function readSubject(
  reader: DataMapReader,
  path: PathStep[],
  name: string,
  raw: RawPostgresCollection,
  parsed: Map<string, RawPostgresCollection | undefined>,
  systemKey: string,
): SubjectLink | undefined {
  if (raw.identity !== undefined && raw.reference !== undefined) {
    reader.report([...path, 'reference'], 'give either identity or reference, not both');
    return undefined;
  }
  const columns = columnsOf(raw);
  if (raw.identity !== undefined) {
    const asList = Array.isArray(reader.valueAt([...path, 'identity']));
    const seen = new Set<string>();
    raw.identity.forEach((entry, index) => {
      const entryPath = asList ? [...path, 'identity', index] : [...path, 'identity'];
      if (!columns.has(entry.field)) {
        reader.report([...entryPath, 'field'], notAColumn(entry.field, name, raw));
      }
      if (seen.has(`${entry.field} ${entry.kind}`)) {
        reader.report(entryPath, `"${entry.field}" is already listed as ${entry.kind}`);
      }
      seen.add(`${entry.field} ${entry.kind}`);
    });
    return {
      by: 'identity',
      fields: raw.identity.map((entry) => ({
        field: entry.field,
        identity: entry.kind,
        ...(entry.index === undefined ? {} : { index: entry.index }),
      })),
    };
  }
  if (raw.reference !== undefined) {
    const { field, to, index } = raw.reference;
    if (!columns.has(field)) {
      reader.report([...path, 'reference', 'field'], notAColumn(field, name, raw));
    }
    const [toCollection, toField] = to.split('.');
    if (!parsed.has(toCollection)) {
      reader.report(
        [...path, 'reference', 'to'],
        `collection "${toCollection}" does not exist in system "${systemKey}"${didYouMean(toCollection, parsed.keys())}`,
      );
    } else {
      const target = parsed.get(toCollection);
      if (target && !columnsOf(target).has(toField)) {
        reader.report([...path, 'reference', 'to'], notAColumn(toField, toCollection, target));
      }
    }
    return {
      by: 'reference',
      field,
      to: { collection: toCollection, field: toField },
      ...(index === undefined ? {} : { index }),
    };
  }
  reader.report(
    path,
    'says nowhere how the data subject is found: add identity: (a column holding an email, user id, …) or reference: (a column pointing at another collection)',
  );
  return undefined;
}

function readFields(
  reader: DataMapReader,
  path: PathStep[],
  name: string,
  raw: RawPostgresCollection,
  referencedBy: Map<string, string[]>,
): { fields: FieldSpec[]; targets: Map<string, ErasureTarget> } {
  const fields: FieldSpec[] = [];
  const targets = new Map<string, ErasureTarget>();
  for (const [fieldName, field] of Object.entries(raw.fields)) {
    if (!field) {
      continue;
    }
    const fieldPath = [...path, 'fields', fieldName];
    const target: ErasureTarget = {
      category: field.category,
      isPrimaryKey: fieldName === raw.primaryKey,
      referencedBy: referencedBy.get(`${name}.${fieldName}`) ?? [],
    };
    targets.set(fieldName, target);
    if (field.secret && field.rectifiable) {
      reader.report(
        [...fieldPath, 'rectifiable'],
        'a secret field cannot be rectifiable: secrets are never shown to the data subject',
      );
    }
    const erasure = field.erasure ?? raw.erasure;
    if (erasure === undefined) {
      reader.report(
        fieldPath,
        'has no erasure action: give the field erasure: (delete_row, set_null, hash, anonymize_ip, { replace }, { keep }) or the collection a default erasure:',
      );
      continue;
    }
    const problem = erasureActionProblem(erasure, target);
    if (problem) {
      const inherited = field.erasure === undefined;
      reader.report(
        inherited ? fieldPath : [...fieldPath, 'erasure'],
        inherited ? `${problem} (inherited from the collection's erasure)` : problem,
      );
    }
    const spec: FieldSpec = {
      name: fieldName,
      category: field.category,
      rectifiable: field.rectifiable,
      secret: field.secret,
      erasure,
    };
    if (field.description !== undefined) {
      spec.description = field.description;
    }
    fields.push(spec);
  }
  return { fields, targets };
}

function readCollection(
  reader: DataMapReader,
  path: PathStep[],
  name: string,
  raw: RawPostgresCollection,
  subject: SubjectLink | undefined,
  referencedBy: Map<string, string[]>,
): PostgresCollection | undefined {
  const { fields, targets } = readFields(reader, path, name, raw, referencedBy);
  for (const column of Object.keys(raw.optOut?.set ?? {})) {
    if (!targets.has(column)) {
      reader.report(
        [...path, 'optOut', 'set', column],
        `"${column}" is not a declared field of collection "${name}"${didYouMean(column, targets.keys())}`,
      );
    }
  }
  const retention = readRetentionRules(reader, [...path, 'retention'], {
    kind: 'postgres',
    collection: name,
    fields: targets,
  });
  const children = raw.children && readChildren(reader, [...path, 'children'], raw.children, subject);
  if (!subject || fields.length !== Object.keys(raw.fields).length) {
    return undefined;
  }
  const [schema, table] = raw.table.includes('.') ? raw.table.split('.') : ['public', raw.table];
  const collection: PostgresCollection = {
    kind: 'postgres',
    name,
    schema,
    table,
    primaryKey: raw.primaryKey,
    subject,
    fields,
    retention,
  };
  if (raw.description !== undefined) {
    collection.description = raw.description;
  }
  if (raw.optOut) {
    collection.optOut = raw.optOut.set;
  }
  if (children) {
    collection.children = children;
  }
  return collection;
}

/**
 * Reads one postgres system. The catalogue comes back even when the system has problems, so key
 * templates and webhook identities elsewhere can still be checked against what did parse.
 */
export function readPostgresSystem(
  reader: DataMapReader,
  key: string,
): { system?: PostgresSystem; catalogue: PostgresCatalogue } {
  const base = ['systems', key];
  const before = reader.issues.length;
  const shell = reader.parse(postgresSystemSchemaOf(z.unknown()), base);
  reader.checkEnv(shell?.connection.url, [...base, 'connection', 'url']);
  const rawCollections = reader.valueAt([...base, 'collections']);
  const parsed = new Map<string, RawPostgresCollection | undefined>();
  for (const name of isPlainMap(rawCollections) ? Object.keys(rawCollections) : []) {
    if (NAME_PATTERN.test(name)) {
      parsed.set(name, readRawCollection(reader, [...base, 'collections', name]));
    }
  }
  const catalogue: PostgresCatalogue = new Map(
    [...parsed].map(([name, raw]) => [name, raw && { columns: columnsOf(raw) }]),
  );

  const subjects = new Map<string, SubjectLink | undefined>();
  const referencedBy = new Map<string, string[]>();
  for (const [name, raw] of parsed) {
    if (!raw) {
      continue;
    }
    const subject = readSubject(reader, [...base, 'collections', name], name, raw, parsed, key);
    subjects.set(name, subject);
    if (subject?.by === 'reference') {
      const target = `${subject.to.collection}.${subject.to.field}`;
      referencedBy.set(target, [...(referencedBy.get(target) ?? []), `${name}.${subject.field}`]);
    }
  }
  const collections: PostgresCollection[] = [];
  for (const [name, raw] of parsed) {
    const collection =
      raw &&
      readCollection(reader, [...base, 'collections', name], name, raw, subjects.get(name), referencedBy);
    if (collection) {
      collections.push(collection);
    }
  }
  const linked = [...subjects].flatMap(([name, subject]) => (subject ? [{ name, subject }] : []));
  for (const cycle of findReferenceCycles(linked)) {
    reader.report(
      [...base, 'collections', cycle[0], 'reference'],
      `reference cycle: ${cycle.join(' → ')}; erasure needs every collection to come before the one it references`,
    );
  }

  if (!shell || reader.issues.length > before || collections.length !== parsed.size) {
    return { catalogue };
  }
  const system: PostgresSystem = {
    ...systemBase(key, shell),
    kind: 'postgres',
    connection: { url: shell.connection.url },
    collections,
    eraseOrder: deriveEraseOrder(collections),
  };
  return { system, catalogue };
}
