import { GetObjectCommand, HeadBucketCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import {
  type ActionContext,
  type ActionResult,
  type CollectionCount,
  type CollectionOutcome,
  type Connector,
  type ExportSink,
  type FieldCorrection,
  type FileSource,
  type ResolvedKeys,
  type Subject,
} from '../connector';
import { type FieldRef, type RetentionRule, type S3Collection, type S3System } from '../datamap/datamap.types';
import type { RetentionBatch, RetentionCapable, RetentionPlan, RetentionWindow } from '../retention';
import { keyTemplateProblems } from '../datamap/subject-keys';
import { createS3Client, s3ErrorCode, s3Failure, s3HttpStatus, type S3ClientOptions } from './s3-client';
import { subjectPrefixes } from './s3-subject-prefixes';
import { deleteObjects, isVersioned, listObjects, listVersions, type ListedObject } from './s3-listing';
import { s3PlanRetention, s3RetentionBatch } from './s3-retention';

export interface S3ConnectorOptions extends S3ClientOptions {
  /** Used as is and left open by close(); otherwise one is built from the system and these options. */
  client?: S3Client;
  /** ListObjects page size and DeleteObjects batch size (S3's maximum, 1000, unless a test pages smaller). */
  pageSize?: number;
}

const MAX_PAGE_SIZE = 1000;

/**
 * Objects in one bucket, found by key prefix: every object whose key starts with a collection's
 * expanded key template (`avatars/{shop.customers.id}/` → `avatars/42/`) belongs to the subject.
 */
export class S3Connector implements Connector, FileSource, RetentionCapable {
  private readonly client: S3Client;
  private readonly ownsClient: boolean;
  private readonly pageSize: number;

  constructor(
    readonly system: S3System,
    options: S3ConnectorOptions = {},
  ) {
    this.client = options.client ?? createS3Client(system, options);
    this.ownsClient = !options.client;
    this.pageSize = Math.min(Math.max(1, options.pageSize ?? MAX_PAGE_SIZE), MAX_PAGE_SIZE);
  }

  private get bucket(): string {
    return this.system.connection.bucket;
  }

  async check(): Promise<string[]> {
    const problems = this.system.collections.flatMap((collection) =>
      templateProblems(this.system.key, collection),
    );
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
    } catch (error) {
      problems.push(this.bucketProblem(error));
    }
    return problems;
  }

  resolveKeys(_subject: Subject, _wanted: FieldRef[]): Promise<ResolvedKeys> {
    // Nothing keys by object names; other systems' keys come from databases.
    return Promise.resolve({});
  }

  async count(subject: Subject): Promise<CollectionCount[]> {
    const counts: CollectionCount[] = [];
    for (const collection of this.system.collections) {
      const objects = await this.guard(collection, 'count', () => this.objectsOf(collection, subject));
      counts.push({ collection: collection.name, count: objects.length });
    }
    return counts;
  }

  async access(subject: Subject, sink: ExportSink, context: ActionContext): Promise<ActionResult> {
    const collections: CollectionOutcome[] = [];
    const notes: string[] = [];
    for (const collection of this.system.collections) {
      const objects = await this.guard(collection, 'access', () =>
        this.objectsOf(collection, subject, context.signal, notes),
      );
      for (const object of objects) {
        // Listing does not return the content type; the export names it so the package can too.
        const head = await this.guard(collection, 'access', () =>
          this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: object.key }), {
            abortSignal: context.signal,
          }),
        );
        await sink.write(collection.name, {
          key: object.key,
          size: object.size,
          contentType: head.ContentType,
          lastModified: (head.LastModified ?? object.lastModified)?.toISOString(),
        });
      }
      collections.push({
        collection: collection.name,
        found: objects.length,
        changed: 0,
        actions: ['export'],
      });
    }
    return done(collections, notes);
  }

  async erase(subject: Subject, context: ActionContext): Promise<ActionResult> {
    const versioned = await isVersioned(this.client, this.bucket, context.signal).catch((error: unknown) => {
      throw s3Failure(`System "${this.system.key}": erase`, error);
    });
    const collections: CollectionOutcome[] = [];
    const notes: string[] = [];
    for (const collection of this.system.collections) {
      collections.push(
        await this.guard(collection, 'erase', () =>
          this.eraseCollection(collection, subject, versioned, notes, context.signal),
        ),
      );
    }
    return done(collections, notes);
  }

  private async eraseCollection(
    collection: S3Collection,
    subject: Subject,
    versioned: boolean,
    notes: string[],
    signal?: AbortSignal,
  ): Promise<CollectionOutcome> {
    const where = this.where(collection);
    const { prefixes, notes: skipped } = subjectPrefixes(where, collection, subject);
    notes.push(...skipped);
    const paging = { bucket: this.bucket, pageSize: this.pageSize, signal };
    if (versioned) {
      // Deleting a key in a versioned bucket only adds a delete marker: the data stays in the
      // older versions until each of them, and the markers, are deleted by version id.
      const versions = await listVersions(this.client, prefixes, paging);
      await deleteObjects(this.client, versions, paging, where);
      const keys = new Set(versions.map((version) => version.Key)).size;
      return { collection: collection.name, found: keys, changed: keys, actions: ['delete_all_versions'] };
    }
    const objects = await listObjects(this.client, prefixes, paging);
    await deleteObjects(
      this.client,
      objects.map((object) => ({ Key: object.key })),
      paging,
      where,
    );
    return {
      collection: collection.name,
      found: objects.length,
      changed: objects.length,
      actions: ['delete_object'],
    };
  }

  rectify(_subject: Subject, corrections: FieldCorrection[], _context: ActionContext): Promise<ActionResult> {
    if (corrections.length === 0) {
      return Promise.resolve({ state: 'done', collections: [] });
    }
    // The data map has no rectifiable fields for objects: a file is replaced by its owner, not patched.
    return Promise.reject(
      new Error(
        `System "${this.system.key}" (s3) holds files, which cannot be rectified; erase them or ask the data subject for a replacement`,
      ),
    );
  }

  optOut(_subject: Subject, _context: ActionContext): Promise<ActionResult> {
    // Stored files are not a marketing channel: nothing to switch off.
    return Promise.resolve({ state: 'done', collections: [] });
  }

  /** Counts the collection's objects last modified before the cutoff. */
  async planRetention(collection: string, rule: RetentionRule, window: RetentionWindow, samples: number): Promise<RetentionPlan> {
    const target = this.retentionTarget(collection, rule);
    return this.guard(target, 'retention plan', () =>
      s3PlanRetention(this.client, target, window, samples, { bucket: this.bucket, pageSize: this.pageSize }),
    );
  }

  /** Deletes due objects among the next `limit` keys after `cursor`. Objects have no dependents: `cascade` does not apply. */
  async retentionBatch(
    collection: string,
    rule: RetentionRule,
    window: RetentionWindow,
    cursor: string | null,
    limit: number,
  ): Promise<RetentionBatch> {
    const target = this.retentionTarget(collection, rule);
    return this.guard(target, 'retention', () =>
      s3RetentionBatch(this.client, target, window, cursor, limit, {
        bucket: this.bucket,
        pageSize: this.pageSize,
        where: this.where(target),
      }),
    );
  }

  /**
   * Streams one object's bytes. It cannot tell whose object a key is: callers pass only keys this
   * connector listed for the subject (access → sink records).
   */
  async openFile(key: string): Promise<NodeJS.ReadableStream> {
    const answer = await this.client
      .send(new GetObjectCommand({ Bucket: this.bucket, Key: key }))
      .catch((error: unknown) => {
        throw s3Failure(`System "${this.system.key}": open file`, error);
      });
    if (!(answer.Body instanceof Readable)) {
      throw new Error(`System "${this.system.key}": S3 returned no readable body for an object`);
    }
    return answer.Body;
  }

  close(): Promise<void> {
    if (this.ownsClient) {
      this.client.destroy();
    }
    return Promise.resolve();
  }

  private async objectsOf(
    collection: S3Collection,
    subject: Subject,
    signal?: AbortSignal,
    notes: string[] = [],
  ): Promise<ListedObject[]> {
    const { prefixes, notes: skipped } = subjectPrefixes(this.where(collection), collection, subject);
    notes.push(...skipped);
    return listObjects(this.client, prefixes, { bucket: this.bucket, pageSize: this.pageSize, signal });
  }

  private retentionTarget(name: string, rule: RetentionRule): S3Collection {
    const found = this.system.collections.find((candidate) => candidate.name === name);
    if (!found) {
      throw new Error(`System "${this.system.key}": the data map has no collection "${name}"`);
    }
    // The loader allows nothing else; a rule built by hand is refused before anything is deleted.
    if (rule.action !== 'delete') {
      throw new Error(`${this.where(found)}: objects cannot be anonymized, only deleted`);
    }
    return found;
  }

  private async guard<T>(collection: S3Collection, operation: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw s3Failure(`${this.where(collection)}: ${operation}`, error);
    }
  }

  private where(collection: S3Collection): string {
    return `System "${this.system.key}", collection "${collection.name}"`;
  }

  private bucketProblem(error: unknown): string {
    const bucket = `System "${this.system.key}": bucket "${this.bucket}"`;
    const code = s3ErrorCode(error);
    switch (s3HttpStatus(error)) {
      case 404:
        return `${bucket} does not exist`;
      case 301:
      case 400:
        return `${bucket} is not reachable in region ${this.system.connection.region} (${code})`;
      case 403:
        return `${bucket} refused access: check the access key, the secret and the bucket policy (${code})`;
      default:
        return `${bucket} could not be reached (${code})`;
    }
  }
}

function templateProblems(systemKey: string, collection: S3Collection): string[] {
  return keyTemplateProblems(collection.keyTemplate).map(
    (problem) => `System "${systemKey}", collection "${collection.name}": key template ${problem}`,
  );
}

function done(collections: CollectionOutcome[], notes: string[]): ActionResult {
  return { state: 'done', collections, ...(notes.length > 0 ? { notes } : {}) };
}

// Reached through the library's index, which lists this file.
export { S3ConnectorError } from './s3-client';
