import { Readable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import type { FileSource } from '@rightsdesk/connectors';
import { ZipFile } from 'yazl';
import type { AccessPackageInput, AccessPackageResult } from './access-package.types';
import { csvChunks } from './package-csv';
import { renderIndexPage } from './package-index-page';
import { jsonArrayChunks } from './package-json';
import { type PlannedCollection, type PlannedSystem, planPackage } from './package-plan';
import { renderReadme } from './package-readme';
import type { PackageStore } from './package-store';
import { safeEntryPath, uniqueEntryPath } from './zip-entry-name';

// Deflating what is already compressed costs CPU and gains nothing.
const ALREADY_COMPRESSED =
  /^(image\/(jpeg|png|gif|webp|avif|heic|heif)|video\/|audio\/|application\/(zip|gzip|x-7z-compressed|x-rar-compressed|zstd))/i;

function toReadable(stream: NodeJS.ReadableStream): Readable {
  return stream instanceof Readable ? stream : new Readable().wrap(stream);
}

/**
 * Adds entries to a ZIP one at a time, waiting for each to be consumed before the next, so at most one
 * input stream is open and the package's size never matters for memory (yazl keeps only the
 * central directory records).
 */
class ZipEntries {
  count = 0;

  constructor(
    private readonly zip: ZipFile,
    private readonly failed: Promise<never>,
    private readonly mtime: Date,
  ) {}

  addText(name: string, text: string): void {
    this.zip.addBuffer(Buffer.from(text, 'utf8'), name, { mtime: this.mtime, compress: true });
    this.count += 1;
  }

  async addStream(name: string, source: Readable, compress = true): Promise<void> {
    this.zip.addReadStream(source, name, { mtime: this.mtime, compress });
    this.count += 1;
    try {
      // yazl does not listen for errors of its inputs: a failing source would hang the ZIP.
      await Promise.race([finished(source), this.failed]);
    } catch (error) {
      source.destroy();
      throw error;
    }
  }
}

/**
 * Assembles an access request's package: a ZIP streamed through the encrypting package writer,
 * `index.html` and `README.txt` first, then per system (data map order) and collection with records
 * a JSON and a CSV file built from the stored parts, and the objects of object collections.
 */
export class AccessPackageBuilder {
  constructor(private readonly store: PackageStore) {}

  async build(input: AccessPackageInput): Promise<AccessPackageResult> {
    const plan = planPackage(input.dataMap, input.systems);
    const writer = this.store.packageWriter(input.requestId, input.packageId);
    const zip = new ZipFile();
    const output = pipeline(zip.outputStream, writer.stream);
    const failed = new Promise<never>((_resolve, reject) => {
      zip.on('error', reject);
      output.catch(reject);
    });
    failed.catch(() => undefined);
    const entries = new ZipEntries(zip, failed, input.generatedAt);
    try {
      // yazl writes entries in the order they are added, so the index comes first and is built
      // from the counts the system jobs reported rather than from the files that follow.
      entries.addText('index.html', renderIndexPage(input, plan));
      entries.addText('README.txt', renderReadme(input));
      const taken = new Set<string>();
      for (const system of plan) {
        for (const planned of system.collections) {
          await this.addCollection(input, entries, system, planned, taken);
        }
      }
      zip.end();
      await Promise.race([output, failed]);
      const { bytes, sha256 } = await writer.done();
      return { bytes, sha256, entries: entries.count };
    } catch (error) {
      writer.stream.destroy(error as Error);
      // Wait for the temp file to be removed: a failed build leaves nothing behind.
      await writer.done().catch(() => undefined);
      throw error;
    }
  }

  private async addCollection(
    input: AccessPackageInput,
    entries: ZipEntries,
    { system }: PlannedSystem,
    planned: PlannedCollection,
    taken: Set<string>,
  ): Promise<void> {
    const { collection, columns, jsonPath, csvPath, filesPath } = planned;
    if (!jsonPath || !csvPath) {
      return;
    }
    const records = () => this.store.readPart(input.requestId, system.key, collection.name);
    taken.add(jsonPath.toLowerCase());
    taken.add(csvPath.toLowerCase());
    await entries.addStream(
      jsonPath,
      Readable.from(jsonArrayChunks(records(), columns), { objectMode: false }),
    );
    await entries.addStream(csvPath, Readable.from(csvChunks(records(), columns), { objectMode: false }));
    if (filesPath) {
      const source = input.files(system.key);
      if (!source) {
        throw new Error(`system ${system.key} has object collections but no file source was given`);
      }
      await this.addObjects(entries, records(), source, `${system.key}/${collection.name}`, filesPath, taken);
    }
  }

  private async addObjects(
    entries: ZipEntries,
    records: AsyncIterable<Record<string, unknown>>,
    source: FileSource,
    label: string,
    folder: string,
    taken: Set<string>,
  ): Promise<void> {
    for await (const record of records) {
      const key = record.key;
      if (typeof key !== 'string' || key.length === 0) {
        throw new Error(`an object listed in ${label} has no key`);
      }
      const contentType = typeof record.contentType === 'string' ? record.contentType : '';
      const name = uniqueEntryPath(`${folder}${safeEntryPath(key)}`, taken);
      let stream: Readable;
      try {
        stream = toReadable(await source.openFile(key));
      } catch (error) {
        // The key may be personal (an email in a path): name the collection, not the object.
        throw new Error(`could not open an object of ${label}`, { cause: error });
      }
      await entries.addStream(name, stream, !ALREADY_COMPRESSED.test(contentType));
    }
  }
}
