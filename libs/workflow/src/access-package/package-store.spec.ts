import { createHash, randomBytes } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { PackageStore } from './package-store';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) {
    out.push(item);
  }
  return out;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

describe('PackageStore', () => {
  const secret = randomBytes(32);
  let dir: string;
  let sut: PackageStore;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'rd-package-store-'));
    sut = new PackageStore(dir, secret);
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes encrypted parts that become visible on close and read back record by record', async () => {
    const sink = sut.partSink('req_1', 'shop_db');
    await sink.write('customers', { id: 1, email: 'ada@example.com', name: 'Ada "A" Lovelace\nline two' });
    await sink.write('orders', { id: 10, total: 12.5 });
    await sink.write('orders', { id: 11, total: 7, note: 'ünïcode ✓' });

    expect(await sut.hasPart('req_1', 'shop_db', 'orders')).toBe(false);
    expect(await listFiles(dir)).toHaveLength(2);

    expect(await sink.close()).toEqual({ customers: 1, orders: 2 });
    expect(await listFiles(dir)).toEqual([
      'req_1/parts/shop_db/customers.ndjson.rdpk',
      'req_1/parts/shop_db/orders.ndjson.rdpk',
    ]);
    expect(await sut.hasPart('req_1', 'shop_db', 'orders')).toBe(true);
    const raw = await readFile(path.join(dir, 'req_1/parts/shop_db/customers.ndjson.rdpk'));
    expect(raw.subarray(0, 4).toString('latin1')).toBe('RDPK');
    expect(raw.includes(Buffer.from('ada@example.com'))).toBe(false);

    expect(await collect(sut.readPart('req_1', 'shop_db', 'orders'))).toEqual([
      { id: 10, total: 12.5 },
      { id: 11, total: 7, note: 'ünïcode ✓' },
    ]);
    // Another process on the host opens the same directory with the same secret.
    const other = new PackageStore(dir, secret);
    expect(await collect(other.readPart('req_1', 'shop_db', 'customers'))).toEqual([
      { id: 1, email: 'ada@example.com', name: 'Ada "A" Lovelace\nline two' },
    ]);
  });

  it('reads nothing for a part that does not exist', async () => {
    expect(await collect(sut.readPart('req_1', 'shop_db', 'nothing'))).toEqual([]);
    expect(await sut.hasPart('req_1', 'shop_db', 'nothing')).toBe(false);
  });

  it('streams many records with back-pressure and reads them all back in order', async () => {
    const sink = sut.partSink('req_big', 'events');
    const filler = 'x'.repeat(200);
    for (let i = 0; i < 20_000; i++) {
      await sink.write('page_views', { i, filler });
    }
    expect(await sink.close()).toEqual({ page_views: 20_000 });
    let expected = 0;
    for await (const record of sut.readPart('req_big', 'events', 'page_views')) {
      expect(record.i).toBe(expected);
      expected += 1;
    }
    expect(expected).toBe(20_000);
  });

  it('leaves no part behind when a job aborts, and keeps the previous complete export', async () => {
    const first = sut.partSink('req_1', 'shop_db');
    await first.write('customers', { id: 1 });
    await first.close();

    const retry = sut.partSink('req_1', 'shop_db');
    await retry.write('customers', { id: 2 });
    await retry.write('orders', { id: 3 });
    await retry.abort();

    expect(await listFiles(dir)).toEqual(['req_1/parts/shop_db/customers.ndjson.rdpk']);
    expect(await collect(sut.readPart('req_1', 'shop_db', 'customers'))).toEqual([{ id: 1 }]);
    await expect(retry.write('customers', { id: 4 })).rejects.toThrow(/aborted/);
  });

  it('replaces a part when the export runs again', async () => {
    for (const id of [1, 2]) {
      const sink = sut.partSink('req_1', 'shop_db');
      await sink.write('customers', { id });
      await sink.close();
    }
    expect(await collect(sut.readPart('req_1', 'shop_db', 'customers'))).toEqual([{ id: 2 }]);
    expect(await listFiles(dir)).toEqual(['req_1/parts/shop_db/customers.ndjson.rdpk']);
  });

  it('refuses names that could leave the directory', async () => {
    expect(() => sut.partSink('../etc', 'shop_db')).toThrow(/request id/);
    expect(() => sut.partSink('req_1', 'a/b')).toThrow(/system key/);
    expect(() => sut.partSink('', 'shop_db')).toThrow(/request id/);
    expect(() => sut.packageWriter('req_1', '..')).toThrow(/package id/);
    await expect(collect(sut.readPart('req_1', 'shop_db', '../../x'))).rejects.toThrow(/collection/);
    const sink = sut.partSink('req_1', 'shop_db');
    await expect(sink.write('a.b', { id: 1 })).rejects.toThrow(/collection/);
    await sink.abort();
    expect(await listFiles(dir)).toEqual([]);
  });

  it('rejects a tampered part and a part read with another secret', async () => {
    const sink = sut.partSink('req_1', 'shop_db');
    await sink.write('customers', { id: 1, name: 'x'.repeat(1000) });
    await sink.close();
    const file = path.join(dir, 'req_1/parts/shop_db/customers.ndjson.rdpk');

    await expect(
      collect(new PackageStore(dir, randomBytes(32)).readPart('req_1', 'shop_db', 'customers')),
    ).rejects.toThrow(/failed authentication/);
    const raw = await readFile(file);
    raw[500] ^= 0x20;
    await writeFile(file, raw);
    await expect(collect(sut.readPart('req_1', 'shop_db', 'customers'))).rejects.toThrow(
      /failed authentication/,
    );
  });

  it('keeps request scopes apart: one request key cannot open another request part', async () => {
    const sink = sut.partSink('req_1', 'shop_db');
    await sink.write('customers', { id: 1 });
    await sink.close();
    const moved = path.join(dir, 'req_2/parts/shop_db');
    await mkdir(moved, { recursive: true });
    await copyFile(
      path.join(dir, 'req_1/parts/shop_db/customers.ndjson.rdpk'),
      path.join(moved, 'customers.ndjson.rdpk'),
    );
    await expect(collect(sut.readPart('req_2', 'shop_db', 'customers'))).rejects.toThrow(
      /failed authentication/,
    );
  });

  it('writes a package atomically and opens it decrypted', async () => {
    const writer = sut.packageWriter('req_1', 'pkg_1');
    const content = randomBytes(200_000);
    writer.stream.write(content.subarray(0, 1000));
    writer.stream.end(content.subarray(1000));
    const { bytes, sha256 } = await writer.done();

    const onDisk = await readFile(path.join(dir, 'req_1/pkg_1.zip.rdpk'));
    expect(bytes).toBe(onDisk.length);
    expect(sha256).toBe(createHash('sha256').update(onDisk).digest('hex'));
    expect(await sut.hasPackage('req_1', 'pkg_1')).toBe(true);
    expect((await buffer(await sut.openPackage('req_1', 'pkg_1'))).equals(content)).toBe(true);
    await expect(sut.openPackage('req_1', 'pkg_2')).rejects.toThrow(/not found/);
  });

  it('leaves no package behind when the writer is destroyed', async () => {
    const writer = sut.packageWriter('req_1', 'pkg_1');
    writer.stream.write(randomBytes(100_000));
    writer.stream.destroy(new Error('zip failed'));
    await expect(writer.done()).rejects.toThrow(/zip failed/);
    expect(await listFiles(dir)).toEqual([]);
  });

  it('deletes the parts of a request, or all of it', async () => {
    const sink = sut.partSink('req_1', 'shop_db');
    await sink.write('customers', { id: 1 });
    await sink.close();
    const writer = sut.packageWriter('req_1', 'pkg_1');
    writer.stream.end('zip');
    await writer.done();
    const other = sut.partSink('req_2', 'shop_db');
    await other.write('customers', { id: 2 });
    await other.close();

    await sut.deleteParts('req_1');
    expect(await listFiles(dir)).toEqual([
      'req_1/pkg_1.zip.rdpk',
      'req_2/parts/shop_db/customers.ndjson.rdpk',
    ]);
    await sut.deleteRequest('req_1');
    expect(await listFiles(dir)).toEqual(['req_2/parts/shop_db/customers.ndjson.rdpk']);
    await sut.deleteRequest('req_never');
  });
});
