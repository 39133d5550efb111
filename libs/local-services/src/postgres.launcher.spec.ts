import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startPostgres } from './postgres.launcher';

async function query<T extends object>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end().catch(() => undefined);
  }
}

describe('startPostgres', () => {
  let base: string;

  beforeEach(async () => {
    base = await mkdtemp(path.join(os.tmpdir(), 'rightsdesk-spec-pg-'));
  });

  afterEach(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('runs an ephemeral cluster that answers SQL on loopback and is gone after stop()', async () => {
    const sut = await startPostgres({ dataDir: path.join(base, 'pg'), mode: 'ephemeral' });
    try {
      expect(sut.url).toBe(`postgres://postgres@127.0.0.1:${sut.port}/postgres`);
      const [row] = await query<{ sum: number; fsync: string }>(
        sut.url,
        "SELECT 1 + 1 AS sum, current_setting('fsync') AS fsync",
      );
      expect(row).toEqual({ sum: 2, fsync: 'off' });
    } finally {
      await sut.stop();
    }
    await expect(query(sut.url, 'SELECT 1')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('copies a cached initialized cluster instead of running initdb again', async () => {
    const initdbCache = path.join(base, 'cache');
    for (const name of ['first', 'second']) {
      const sut = await startPostgres({ dataDir: path.join(base, name), mode: 'ephemeral', initdbCache });
      try {
        expect(await query(sut.url, 'SELECT current_user AS user')).toEqual([{ user: 'postgres' }]);
      } finally {
        await sut.stop();
      }
    }
    expect(await readdir(path.join(initdbCache, 'ephemeral'))).toEqual([
      expect.stringMatching(/^pg\d+-[0-9a-f]{12}$/),
    ]);
  });

  it('keeps the data of a persistent cluster across restarts', async () => {
    const dataDir = path.join(base, 'pg');
    const first = await startPostgres({ dataDir, mode: 'persistent' });
    try {
      await query(first.url, 'CREATE TABLE kept (value text); INSERT INTO kept VALUES ($$still here$$)');
    } finally {
      await first.stop();
    }

    const second = await startPostgres({ dataDir, mode: 'persistent' });
    try {
      expect(await query(second.url, 'SELECT value FROM kept')).toEqual([{ value: 'still here' }]);
      await expect(startPostgres({ dataDir, mode: 'persistent' })).rejects.toThrow(/already running/);
    } finally {
      await second.stop();
    }
  });
});
