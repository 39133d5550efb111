import type { DataSystem } from './datamap.types';

type Base = Pick<DataSystem, 'key' | 'title' | 'description' | 'purposes' | 'recipients' | 'concurrency'>;

/** The keys every system has, with defaults already applied by the schema. */
export function systemBase(
  key: string,
  raw: { title: string; description?: string; purposes: string[]; recipients: string[]; concurrency: number },
): Base {
  const base: Base = {
    key,
    title: raw.title,
    purposes: raw.purposes,
    recipients: raw.recipients,
    concurrency: raw.concurrency,
  };
  if (raw.description !== undefined) {
    base.description = raw.description;
  }
  return base;
}

export function isPlainMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
