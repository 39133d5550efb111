import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { type Readable, Transform, type TransformCallback, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ExportSink } from '@rightsdesk/connectors';
import { secureRandomBytes } from '../security/secure-random';
import { createDecryptStream, createEncryptStream, packageKey } from './package-cipher';

const SAFE_NAME = /^[A-Za-z0-9_-]+$/;
const MAX_NAME = 200;
const PART_SUFFIX = '.ndjson.rdpk';
const PACKAGE_SUFFIX = '.zip.rdpk';
const DIR_MODE = 0o700;
const FILE_MODE = 0o600;

export interface PackageWriter {
  /** Write the ZIP bytes here and end it; they are encrypted on the way to disk. */
  stream: Writable;
  /** Resolves once the file is complete and in place; `sha256` is of the encrypted file. */
  done(): Promise<{ bytes: number; sha256: string }>;
}

// Ids and keys become path segments: anything but [A-Za-z0-9_-] could climb out of the directory.
function safeName(kind: string, value: string): string {
  if (!SAFE_NAME.test(value) || value.length > MAX_NAME) {
    throw new Error(`${kind} is not a valid file name (^[A-Za-z0-9_-]+$, at most ${MAX_NAME} characters)`);
  }
  return value;
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

// A temp file beside its target: `rename` within one directory is atomic, so readers in any process
// see the old file or the complete new one, never half of it.
function tempPathFor(finalPath: string): string {
  return path.join(
    path.dirname(finalPath),
    `.${path.basename(finalPath)}.${secureRandomBytes(8).toString('hex')}.tmp`,
  );
}

function parseLine(line: Buffer): Record<string, unknown> {
  const value: unknown = JSON.parse(line.toString('utf8'));
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error('export part holds a line that is not a JSON object');
  }
  return value as Record<string, unknown>;
}

interface OpenPart {
  stream: Transform;
  tempPath: string;
  finalPath: string;
  rows: number;
  written: Promise<void>;
}

/**
 * Encrypted files of access requests under one directory, shared by every process on the host:
 * `<dir>/<requestId>/parts/<systemKey>/<collection>.ndjson.rdpk` (one system job's export) and
 * `<dir>/<requestId>/<packageId>.zip.rdpk` (the assembled package). The disk is the only state.
 */
export class PackageStore {
  constructor(
    private readonly dir: string,
    private readonly secretKey: Buffer,
  ) {}

  partSink(requestId: string, systemKey: string): PartSink {
    return new PartSink(this.systemDir(requestId, systemKey), this.keyFor(requestId));
  }

  async *readPart(
    requestId: string,
    systemKey: string,
    collection: string,
  ): AsyncGenerator<Record<string, unknown>> {
    const file = this.partPath(requestId, systemKey, collection);
    let handle;
    try {
      handle = await open(file, 'r');
    } catch (error) {
      if (isMissing(error)) {
        return;
      }
      throw error;
    }
    const plain = decrypting(handle.createReadStream(), this.keyFor(requestId));
    try {
      // 0x0A never occurs inside a multi-byte UTF-8 sequence, so splitting bytes is safe.
      let carry: Buffer[] = [];
      for await (const chunk of plain as AsyncIterable<Buffer>) {
        let start = 0;
        let newline = chunk.indexOf(0x0a, start);
        while (newline !== -1) {
          const piece = chunk.subarray(start, newline);
          const line = carry.length > 0 ? Buffer.concat([...carry, piece]) : piece;
          carry = [];
          if (line.length > 0) {
            yield parseLine(line);
          }
          start = newline + 1;
          newline = chunk.indexOf(0x0a, start);
        }
        if (start < chunk.length) {
          carry.push(chunk.subarray(start));
        }
      }
      if (carry.length > 0) {
        yield parseLine(Buffer.concat(carry));
      }
    } finally {
      plain.destroy();
    }
  }

  async hasPart(requestId: string, systemKey: string, collection: string): Promise<boolean> {
    return isFile(this.partPath(requestId, systemKey, collection));
  }

  packageWriter(requestId: string, packageId: string): PackageWriter {
    const finalPath = this.packagePath(requestId, packageId);
    const encrypt = createEncryptStream(this.keyFor(requestId));
    const hash = createHash('sha256');
    let bytes = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
        bytes += chunk.length;
        hash.update(chunk);
        callback(null, chunk);
      },
    });
    // The caller may destroy the stream before the file is open; keep its reason for done().
    let failure: Error | undefined;
    encrypt.on('error', (error) => {
      failure ??= error;
    });
    const result = (async () => {
      const tempPath = tempPathFor(finalPath);
      try {
        await mkdir(path.dirname(finalPath), { recursive: true, mode: DIR_MODE });
        const handle = await open(tempPath, 'wx', FILE_MODE);
        // flush: fsync before close, so a crash right after the rename cannot leave an empty file.
        await pipeline(encrypt, meter, handle.createWriteStream({ flush: true }));
        await rename(tempPath, finalPath);
      } catch (error) {
        // Writers blocked on back-pressure must learn that nobody will read.
        encrypt.destroy(error as Error);
        await rm(tempPath, { force: true });
        throw failure ?? error;
      }
      return { bytes, sha256: hash.digest('hex') };
    })();
    // Reported through done(); without this an unawaited failure would crash the process.
    result.catch(() => undefined);
    return { stream: encrypt, done: () => result };
  }

  async openPackage(requestId: string, packageId: string): Promise<Readable> {
    const file = this.packagePath(requestId, packageId);
    let handle;
    try {
      handle = await open(file, 'r');
    } catch (error) {
      if (isMissing(error)) {
        throw new Error('access package file not found');
      }
      throw error;
    }
    return decrypting(handle.createReadStream(), this.keyFor(requestId));
  }

  async hasPackage(requestId: string, packageId: string): Promise<boolean> {
    return isFile(this.packagePath(requestId, packageId));
  }

  /** One package's file; a request may have several (a re-sent link), each expiring on its own. */
  async deletePackage(requestId: string, packageId: string): Promise<void> {
    await rm(this.packagePath(requestId, packageId), { force: true });
  }

  async deleteRequest(requestId: string): Promise<void> {
    await rm(this.requestDir(requestId), { recursive: true, force: true });
  }

  async deleteParts(requestId: string): Promise<void> {
    await rm(path.join(this.requestDir(requestId), 'parts'), { recursive: true, force: true });
  }

  private keyFor(requestId: string): Buffer {
    return packageKey(this.secretKey, safeName('request id', requestId));
  }

  private requestDir(requestId: string): string {
    return path.join(this.dir, safeName('request id', requestId));
  }

  private systemDir(requestId: string, systemKey: string): string {
    return path.join(this.requestDir(requestId), 'parts', safeName('system key', systemKey));
  }

  private partPath(requestId: string, systemKey: string, collection: string): string {
    return path.join(
      this.systemDir(requestId, systemKey),
      `${safeName('collection', collection)}${PART_SUFFIX}`,
    );
  }

  private packagePath(requestId: string, packageId: string): string {
    return path.join(this.requestDir(requestId), `${safeName('package id', packageId)}${PACKAGE_SUFFIX}`);
  }
}

/**
 * One system job's export: a line of JSON per record, one encrypted file per collection, visible
 * only after `close()`. A job that dies before then leaves temp files only (removed by `abort()` or
 * with the request's directory), never a part that looks complete.
 */
export class PartSink implements ExportSink {
  private readonly parts = new Map<string, Promise<OpenPart>>();
  private state: 'open' | 'closed' | 'aborted' = 'open';

  constructor(
    private readonly dir: string,
    private readonly key: Buffer,
  ) {}

  async write(collection: string, record: Record<string, unknown>): Promise<void> {
    const part = await this.partFor(collection);
    const line = `${JSON.stringify(record)}\n`;
    if (part.stream.destroyed) {
      await part.written;
      throw new Error(`export part of collection ${collection} is no longer writable`);
    }
    part.rows += 1;
    if (!part.stream.write(line)) {
      // A failed file write destroys the stream and `drain` never comes: `written` rejects instead.
      await Promise.race([once(part.stream, 'drain'), part.written]);
    }
  }

  /** Completes every part and returns the rows written per collection. */
  async close(): Promise<Record<string, number>> {
    this.assertOpen();
    this.state = 'closed';
    try {
      const parts = await Promise.all(
        [...this.parts].map(async ([collection, part]) => [collection, await part] as const),
      );
      for (const [, part] of parts) {
        part.stream.end();
      }
      await Promise.all(parts.map(([, part]) => part.written));
      const rows: Record<string, number> = {};
      for (const [collection, part] of parts) {
        await rename(part.tempPath, part.finalPath);
        rows[collection] = part.rows;
      }
      return rows;
    } catch (error) {
      await this.discard();
      throw error;
    }
  }

  /** Throws the export away: temp files are removed, parts of an earlier completed export stay. */
  async abort(): Promise<void> {
    if (this.state === 'aborted') {
      return;
    }
    this.state = 'aborted';
    await this.discard();
  }

  private async discard(): Promise<void> {
    const settled = await Promise.allSettled(this.parts.values());
    for (const outcome of settled) {
      if (outcome.status === 'fulfilled') {
        outcome.value.stream.destroy();
        await outcome.value.written.catch(() => undefined);
        await rm(outcome.value.tempPath, { force: true });
      }
    }
  }

  private partFor(collection: string): Promise<OpenPart> {
    this.assertOpen();
    let part = this.parts.get(collection);
    if (!part) {
      part = this.openPart(safeName('collection', collection));
      // Reported to the write that asked for it and again by close().
      part.catch(() => undefined);
      this.parts.set(collection, part);
    }
    return part;
  }

  private async openPart(collection: string): Promise<OpenPart> {
    const finalPath = path.join(this.dir, `${collection}${PART_SUFFIX}`);
    const tempPath = tempPathFor(finalPath);
    await mkdir(this.dir, { recursive: true, mode: DIR_MODE });
    const handle = await open(tempPath, 'wx', FILE_MODE);
    const stream = createEncryptStream(this.key);
    const written = pipeline(stream, handle.createWriteStream({ flush: true }));
    written.catch(() => undefined);
    return { stream, tempPath, finalPath, rows: 0, written };
  }

  private assertOpen(): void {
    if (this.state !== 'open') {
      throw new Error(`export sink is ${this.state}`);
    }
  }
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch (error) {
    if (isMissing(error)) {
      return false;
    }
    throw error;
  }
}

function decrypting(source: Readable, key: Buffer): Readable {
  const decrypt = createDecryptStream(key);
  // pipeline destroys the decrypt stream with any read error, so consumers see it.
  void pipeline(source, decrypt).catch(() => undefined);
  return decrypt;
}
