import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { startRedis } from './redis.launcher';

async function withRedis<T>(url: string, use: (redis: Redis) => Promise<T>): Promise<T> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return await use(redis);
  } finally {
    redis.disconnect();
  }
}

function tcpConnect(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1' }, () => {
      socket.destroy();
      resolve();
    });
    socket.once('error', reject);
  });
}

describe('startRedis', () => {
  it('runs an ephemeral server that answers PING and is gone after stop()', async () => {
    const sut = await startRedis();
    try {
      expect(sut.url).toBe(`redis://127.0.0.1:${sut.port}`);
      expect(await withRedis(sut.url, (redis) => redis.ping())).toBe('PONG');
    } finally {
      await sut.stop();
    }
    await expect(tcpConnect(sut.port)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('keeps keys across restarts when given a data directory', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'rightsdesk-spec-redis-'));
    try {
      const first = await startRedis({ dataDir });
      try {
        await withRedis(first.url, (redis) => redis.set('kept', 'still here'));
      } finally {
        await first.stop();
      }
      const second = await startRedis({ dataDir });
      try {
        expect(await withRedis(second.url, (redis) => redis.get('kept'))).toBe('still here');
      } finally {
        await second.stop();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
