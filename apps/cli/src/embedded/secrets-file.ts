import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface LocalSecrets {
  SECRET_KEY: string;
}

/**
 * Generated once and reused: data encrypted with SECRET_KEY stays readable across restarts.
 * Losing this file makes the encrypted columns in .rightsdesk/postgres unreadable.
 */
export async function loadOrCreateSecrets(
  file: string,
): Promise<{ secrets: LocalSecrets; created: boolean }> {
  const existing = await readSecrets(file);
  if (existing) {
    return { secrets: existing, created: false };
  }
  const secrets: LocalSecrets = { SECRET_KEY: randomBytes(32).toString('base64') };
  await mkdir(path.dirname(file), { recursive: true });
  try {
    // 'wx': if another `start` wrote the file in the meantime, keep its key.
    await writeFile(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      return loadOrCreateSecrets(file);
    }
    throw error;
  }
  return { secrets, created: true };
}

async function readSecrets(file: string): Promise<LocalSecrets | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw error;
  }
  const parsed = JSON.parse(text) as Partial<LocalSecrets>;
  if (typeof parsed.SECRET_KEY !== 'string' || Buffer.from(parsed.SECRET_KEY, 'base64').length !== 32) {
    throw new Error(
      `${file} has no valid SECRET_KEY (32 bytes, base64); restore it from a backup, or delete it together with .rightsdesk/postgres to start afresh`,
    );
  }
  await chmod(file, 0o600);
  return { SECRET_KEY: parsed.SECRET_KEY };
}
