import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadOrCreateSecrets } from './secrets-file';

describe('loadOrCreateSecrets', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'rightsdesk-spec-secrets-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('generates a 32-byte key once, private to the owner, and reuses it afterwards', async () => {
    const file = path.join(dir, 'nested', 'secrets.json');
    const first = await loadOrCreateSecrets(file);
    const second = await loadOrCreateSecrets(file);

    expect(first.created).toBe(true);
    expect(Buffer.from(first.secrets.SECRET_KEY, 'base64')).toHaveLength(32);
    expect(second).toEqual({ secrets: first.secrets, created: false });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('refuses a file without a usable key instead of replacing it', async () => {
    const file = path.join(dir, 'secrets.json');
    await writeFile(file, JSON.stringify({ SECRET_KEY: 'short' }));
    await expect(loadOrCreateSecrets(file)).rejects.toThrow(/no valid SECRET_KEY/);
  });
});
