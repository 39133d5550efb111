import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument } from 'yaml';
import { checkFieldRefs } from './check-field-refs';
import { DataMapError } from './datamap-error';
import { DataMapReader } from './datamap-reader';
import { dataMapHeadSchema, NAME_PATTERN, systemHeadSchema } from './datamap.schema';
import type { DataMap, DataMapIssue, DataSystem, SystemKind } from './datamap.types';
import { type PostgresCatalogue, readPostgresSystem } from './read-postgres-system';
import { readOpenDsrSystem } from './read-opendsr-system';
import { readS3System } from './read-s3-system';
import { readSuppressionSystem } from './read-suppression-system';
import { readWebhookSystem } from './read-webhook-system';
import { isPlainMap } from './system-base';
import { createLocator } from './yaml-locator';

export { resolveConfigValue } from './config-value';
export { DataMapError, formatDataMapIssues } from './datamap-error';

export interface ParseDataMapOptions {
  /** When given, every `{ env: NAME }` must be set in it; values are still not read into the map. */
  env?: Record<string, string | undefined>;
}

function byPosition(a: DataMapIssue, b: DataMapIssue): number {
  return a.line - b.line || a.column - b.column;
}

function fail(issues: DataMapIssue[]): never {
  throw new DataMapError([...issues].sort(byPosition));
}

function readSystems(reader: DataMapReader): DataSystem[] {
  reader.parse(dataMapHeadSchema, []);
  const rawSystems = reader.valueAt(['systems']);
  const systems: DataSystem[] = [];
  const kinds = new Map<string, SystemKind | undefined>();
  const catalogues = new Map<string, PostgresCatalogue>();
  const keys = (isPlainMap(rawSystems) ? Object.keys(rawSystems) : []).filter((key) =>
    NAME_PATTERN.test(key),
  );
  for (const key of keys) {
    const head = reader.parse(systemHeadSchema, ['systems', key]);
    kinds.set(key, head?.kind);
    let system: DataSystem | undefined;
    switch (head?.kind) {
      case undefined:
        break;
      case 'postgres': {
        const read = readPostgresSystem(reader, key);
        catalogues.set(key, read.catalogue);
        system = read.system;
        break;
      }
      case 's3':
        system = readS3System(reader, key);
        break;
      case 'webhook':
        system = readWebhookSystem(reader, key);
        break;
      case 'opendsr':
        system = readOpenDsrSystem(reader, key);
        break;
      case 'suppression':
        system = readSuppressionSystem(reader, key);
        break;
    }
    if (system) {
      systems.push(system);
    }
  }
  const suppressions = keys.filter((key) => kinds.get(key) === 'suppression');
  for (const key of suppressions.slice(1)) {
    reader.report(
      ['systems', key, 'kind'],
      `only one suppression system per data map; "${suppressions[0]}" is already one`,
    );
  }
  checkFieldRefs(reader, kinds, catalogues);
  return systems;
}

function parseSource(text: string, sha256: string, file: string, options: ParseDataMapOptions): DataMap {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, merge: true });
  const syntax = [...doc.errors, ...doc.warnings].map((problem): DataMapIssue => {
    const { line, col } = lineCounter.linePos(problem.pos[0]);
    return { file, line, column: col, path: '', message: problem.message };
  });
  if (syntax.length > 0) {
    fail(syntax);
  }
  let root: unknown;
  try {
    root = doc.toJS();
  } catch (error) {
    // Alias bombs (`maxAliasCount`) end here.
    fail([{ file, line: 0, column: 0, path: '', message: (error as Error).message }]);
  }
  if (root === null || root === undefined) {
    fail([
      {
        file,
        line: 1,
        column: 1,
        path: '',
        message: 'the data map is empty; it starts with version: 1 and systems:',
      },
    ]);
  }
  const reader = new DataMapReader(file, root, createLocator(doc, lineCounter), options.env);
  const systems = readSystems(reader);
  if (reader.issues.length > 0) {
    fail(reader.issues);
  }
  return { version: 1, file, sha256, systems };
}

/**
 * Parses and checks a data map. Throws DataMapError listing every problem with its file, line,
 * column and key path. Environment variables are named, never read, unless `options.env` is given,
 * and then only to check they are set.
 */
export function parseDataMap(text: string, file: string, options: ParseDataMapOptions = {}): DataMap {
  return parseSource(text, createHash('sha256').update(text, 'utf8').digest('hex'), file, options);
}

/** Reads and parses the data map at `path`; `sha256` is of the bytes on disk. */
export async function loadDataMap(path: string, options: ParseDataMapOptions = {}): Promise<DataMap> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? 'unknown error'})`;
    fail([{ file: path, line: 0, column: 0, path: '', message }]);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    fail([{ file: path, line: 0, column: 0, path: '', message: 'the file is not valid UTF-8' }]);
  }
  return parseSource(text, createHash('sha256').update(bytes).digest('hex'), path, options);
}
