import { z } from 'zod';
import { NAME_PATTERN, openDsrSystemSchemaOf, webhookCollectionSchema } from './datamap.schema';
import type { DataMapReader } from './datamap-reader';
import type { OpenDsrSystem, WebhookCollection } from './datamap.types';
import { isPlainMap, systemBase } from './system-base';

// Rightsdesk asks the processor to erase; what happens to each field is the processor's to decide.
const PROCESSOR_ERASURE = { action: 'keep', reason: 'handled by the processor (OpenDSR)' } as const;

export function readOpenDsrSystem(reader: DataMapReader, key: string): OpenDsrSystem | undefined {
  const base = ['systems', key];
  const before = reader.issues.length;
  const shell = reader.parse(openDsrSystemSchemaOf(z.unknown()), base);
  if (shell) {
    reader.checkEnv(shell.connection.url, [...base, 'connection', 'url']);
    reader.checkEnv(shell.connection.token, [...base, 'connection', 'token']);
    reader.checkEnv(shell.connection.trustedCertificates, [...base, 'connection', 'trustedCertificates']);
    for (const domain of Object.keys(shell.extensions ?? {})) {
      if (!shell.connection.allowedDomains.includes(domain)) {
        // Extensions are keyed by the processor's own domain (spec 7.1.2); another key is a typo.
        reader.report([...base, 'extensions', domain], `"${domain}" is not one of connection.allowedDomains`);
      }
    }
  }
  const rawCollections = reader.valueAt([...base, 'collections']);
  const names = (isPlainMap(rawCollections) ? Object.keys(rawCollections) : []).filter((name) => NAME_PATTERN.test(name));
  const collections: WebhookCollection[] = [];
  for (const name of names) {
    const raw = reader.parse(webhookCollectionSchema, [...base, 'collections', name]);
    if (!raw) {
      continue;
    }
    collections.push({
      kind: 'webhook',
      name,
      ...(raw.description === undefined ? {} : { description: raw.description }),
      fields: Object.entries(raw.fields).map(([fieldName, field]) => ({
        name: fieldName,
        category: field.category,
        ...(field.description === undefined ? {} : { description: field.description }),
        rectifiable: false,
        secret: false,
        erasure: { ...PROCESSOR_ERASURE },
      })),
      // The processor keeps its own retention; Rightsdesk only asks it to act.
      retention: [],
    });
  }
  if (!shell || reader.issues.length > before || collections.length !== names.length) {
    return undefined;
  }
  const { connection } = shell;
  return {
    ...systemBase(key, shell),
    kind: 'opendsr',
    connection: {
      url: connection.url,
      version: connection.version,
      ...(connection.token === undefined ? {} : { token: connection.token }),
      allowedDomains: [...new Set(connection.allowedDomains)],
      ...(connection.trustedCertificates === undefined ? {} : { trustedCertificates: connection.trustedCertificates }),
      timeoutMs: connection.timeoutMs,
      callbackDeadlineHours: connection.callbackDeadlineHours,
      pollIntervalMinutes: connection.pollIntervalMinutes,
    },
    regulation: shell.regulation,
    accessAs: shell.accessAs,
    ...(shell.extensions === undefined ? {} : { extensions: shell.extensions }),
    collections,
  };
}
