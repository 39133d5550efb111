import { z } from 'zod';
import { NAME_PATTERN, webhookCollectionSchema, webhookSystemSchemaOf } from './datamap.schema';
import type { DataMapReader } from './datamap-reader';
import type { KeyPlaceholder, WebhookCollection, WebhookSystem } from './datamap.types';
import { parseKeyPlaceholder, placeholderText } from './subject-keys';
import { isPlainMap, systemBase } from './system-base';

// Rightsdesk asks the provider to erase; what happens to each field is the provider's to decide.
const PROVIDER_ERASURE = { action: 'keep', reason: 'handled by the provider' } as const;

export function readWebhookSystem(reader: DataMapReader, key: string): WebhookSystem | undefined {
  const base = ['systems', key];
  const before = reader.issues.length;
  const shell = reader.parse(webhookSystemSchemaOf(z.unknown()), base);
  const identities: KeyPlaceholder[] = [];
  if (shell) {
    reader.checkEnv(shell.connection.url, [...base, 'connection', 'url']);
    reader.checkEnv(shell.connection.secret, [...base, 'connection', 'secret']);
    shell.identities.forEach((text, index) => {
      // The schema has checked every identity's syntax.
      const identity = parseKeyPlaceholder(text) as KeyPlaceholder;
      if (identities.some((known) => placeholderText(known) === text)) {
        reader.report([...base, 'identities', index], `"${text}" is listed twice`);
        return;
      }
      if (identity.kind === 'field') {
        reader.fieldRefs.push({
          ref: identity.ref,
          path: [...base, 'identities', index],
          usedAs: 'identity',
        });
      }
      identities.push(identity);
    });
  }
  const rawCollections = reader.valueAt([...base, 'collections']);
  const names = (isPlainMap(rawCollections) ? Object.keys(rawCollections) : []).filter((name) =>
    NAME_PATTERN.test(name),
  );
  const collections: WebhookCollection[] = [];
  for (const name of names) {
    const raw = reader.parse(webhookCollectionSchema, [...base, 'collections', name]);
    if (!raw) {
      continue;
    }
    const collection: WebhookCollection = {
      kind: 'webhook',
      name,
      fields: Object.entries(raw.fields).map(([fieldName, field]) => ({
        name: fieldName,
        category: field.category,
        ...(field.description === undefined ? {} : { description: field.description }),
        rectifiable: false,
        secret: false,
        erasure: { ...PROVIDER_ERASURE },
      })),
      // The provider keeps its own retention; Rightsdesk only asks it to erase.
      retention: [],
    };
    if (raw.description !== undefined) {
      collection.description = raw.description;
    }
    collections.push(collection);
  }
  if (!shell || reader.issues.length > before || collections.length !== names.length) {
    return undefined;
  }
  return {
    ...systemBase(key, shell),
    kind: 'webhook',
    connection: {
      url: shell.connection.url,
      secret: shell.connection.secret,
      timeoutMs: shell.connection.timeoutMs,
      callbackDeadlineHours: shell.connection.callbackDeadlineHours,
    },
    identities,
    optOuts: shell.optOuts,
    collections,
  };
}
