import { z } from 'zod';
import { NAME_PATTERN, s3CollectionSchemaOf, s3SystemSchemaOf } from './datamap.schema';
import type { DataMapReader } from './datamap-reader';
import type { KeyPlaceholder, S3Collection, S3System } from './datamap.types';
import { readRetentionRules } from './read-retention';
import { parseKeyPlaceholder, placeholdersIn } from './subject-keys';
import { isPlainMap, systemBase } from './system-base';

// Retention rules are read one by one (readRetentionRules), each at its own place.
const collectionShellSchema = s3CollectionSchemaOf(z.unknown());

export function readS3System(reader: DataMapReader, key: string): S3System | undefined {
  const base = ['systems', key];
  const before = reader.issues.length;
  const shell = reader.parse(s3SystemSchemaOf(z.unknown()), base);
  if (shell) {
    const { endpoint, accessKeyId, secretAccessKey } = shell.connection;
    reader.checkEnv(endpoint, [...base, 'connection', 'endpoint']);
    reader.checkEnv(accessKeyId, [...base, 'connection', 'accessKeyId']);
    reader.checkEnv(secretAccessKey, [...base, 'connection', 'secretAccessKey']);
    if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) {
      reader.report(
        [...base, 'connection'],
        "give both accessKeyId and secretAccessKey, or neither (then the AWS SDK's default credentials apply)",
      );
    }
  }
  const rawCollections = reader.valueAt([...base, 'collections']);
  const names = (isPlainMap(rawCollections) ? Object.keys(rawCollections) : []).filter((name) =>
    NAME_PATTERN.test(name),
  );
  const collections: S3Collection[] = [];
  for (const name of names) {
    const path = [...base, 'collections', name];
    const raw = reader.parse(collectionShellSchema, path);
    if (!raw) {
      continue;
    }
    // The schema has checked every placeholder's syntax.
    const placeholders = [...new Set(placeholdersIn(raw.keyTemplate))].map(
      (text) => parseKeyPlaceholder(text) as KeyPlaceholder,
    );
    for (const placeholder of placeholders) {
      if (placeholder.kind === 'field') {
        reader.fieldRefs.push({
          ref: placeholder.ref,
          path: [...path, 'keyTemplate'],
          usedAs: 'key template',
        });
      }
    }
    const collection: S3Collection = {
      kind: 's3',
      name,
      fields: [],
      keyTemplate: raw.keyTemplate,
      placeholders,
      category: raw.category,
      retention: readRetentionRules(reader, [...path, 'retention'], { kind: 's3', keyTemplate: raw.keyTemplate }),
    };
    if (raw.description !== undefined) {
      collection.description = raw.description;
    }
    collections.push(collection);
  }
  if (!shell || reader.issues.length > before || collections.length !== names.length) {
    return undefined;
  }
  const connection: S3System['connection'] = {
    bucket: shell.connection.bucket,
    region: shell.connection.region,
    forcePathStyle: shell.connection.forcePathStyle,
  };
  for (const option of ['endpoint', 'accessKeyId', 'secretAccessKey'] as const) {
    const value = shell.connection[option];
    if (value !== undefined) {
      connection[option] = value;
    }
  }
  return { ...systemBase(key, shell), kind: 's3', connection, collections };
}
