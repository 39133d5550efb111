import type { S3Client } from '@aws-sdk/client-s3';
import type { S3Collection } from '../datamap/datamap.types';
import type { RetentionBatch, RetentionPlan, RetentionWindow } from '../retention';
import { StatementTimer } from '../statement-timer';
import { deleteObjects, isVersioned, listPage, listVersions, type ListedObject, type Paging } from './s3-listing';

// Objects past their time are found by listing the collection's part of the bucket in key order:
// the key is the cursor, so a run resumes after the last key a batch listed.

/** The part of the key template before its first placeholder: `avatars/{…}/` → `avatars/`. */
export function staticPrefix(keyTemplate: string): string {
  const brace = keyTemplate.indexOf('{');
  return brace === -1 ? keyTemplate : keyTemplate.slice(0, brace);
}

/**
 * Whether a key lies under the collection's template, each placeholder standing for one path
 * segment: with `users/{id}/avatar/` and `users/{id}/invoices/` in one bucket, the avatar rule
 * lists `users/` but must never touch an invoice.
 */
export function keyTemplateMatcher(keyTemplate: string): (key: string) => boolean {
  const pattern = keyTemplate
    .split(/\{[^{}]*\}/)
    .map((literal) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]+');
  const regex = new RegExp(`^${pattern}`);
  return (key) => regex.test(key);
}

function isDue(object: ListedObject, window: RetentionWindow): boolean {
  // An object without a time stamp is never due: nothing says how old it is.
  return object.lastModified !== undefined && object.lastModified.getTime() < window.cutoff.getTime();
}

/** Lists at most `limit` keys after `cursor`; `next` is undefined when the listing ended. */
async function listUpTo(
  client: S3Client,
  prefix: string,
  cursor: string | null,
  limit: number,
  paging: Paging,
): Promise<{ objects: ListedObject[]; next: string | undefined }> {
  const objects: ListedObject[] = [];
  let marker = cursor ?? undefined;
  do {
    const page = await listPage(client, prefix, marker, Math.min(paging.pageSize, limit - objects.length), paging);
    objects.push(...page.objects);
    marker = page.next;
  } while (marker !== undefined && objects.length < limit);
  return { objects, next: marker };
}

export async function s3RetentionBatch(
  client: S3Client,
  collection: S3Collection,
  window: RetentionWindow,
  cursor: string | null,
  limit: number,
  options: { bucket: string; pageSize: number; where: string },
): Promise<RetentionBatch> {
  if (!Number.isSafeInteger(limit) || limit < 1) {
    throw new RangeError('limit must be a whole number of at least 1');
  }
  const timer = new StatementTimer();
  const paging: Paging = { bucket: options.bucket, pageSize: options.pageSize, timer };
  const listed = await listUpTo(client, staticPrefix(collection.keyTemplate), cursor, limit, paging);
  const ours = keyTemplateMatcher(collection.keyTemplate);
  const due = listed.objects.filter((object) => ours(object.key) && isDue(object, window)).map((object) => object.key);
  if (due.length > 0) {
    if (await isVersioned(client, options.bucket, undefined, timer)) {
      // As erase does: a key's older versions and delete markers hold the data too. A due key's
      // name is its own prefix, which may also match longer keys: keep the exact ones.
      const wanted = new Set(due);
      const versions = (await listVersions(client, due, paging)).filter((version) => wanted.has(version.Key));
      await deleteObjects(client, versions, paging, options.where);
    } else {
      await deleteObjects(client, due.map((key) => ({ Key: key })), paging, options.where);
    }
  }
  return { affected: due.length, cursor: listed.next ?? null, longestStatementMs: timer.longestMs };
}

export async function s3PlanRetention(
  client: S3Client,
  collection: S3Collection,
  window: RetentionWindow,
  samples: number,
  options: { bucket: string; pageSize: number },
): Promise<RetentionPlan> {
  if (!Number.isSafeInteger(samples) || samples < 0) {
    throw new RangeError('samples must be a whole number of at least 0');
  }
  const paging: Paging = { bucket: options.bucket, pageSize: options.pageSize };
  const prefix = staticPrefix(collection.keyTemplate);
  const ours = keyTemplateMatcher(collection.keyTemplate);
  let due = 0;
  // No sample keys: an object key may hold what the template put in it (an email, a username), and
  // the dry run is shown to every console role.
  const sampleKeys: string[] = [];
  let marker: string | undefined;
  // Page by page, so a bucket of millions of objects is counted without holding their keys.
  do {
    const page = await listPage(client, prefix, marker, options.pageSize, paging);
    due += page.objects.filter((candidate) => ours(candidate.key) && isDue(candidate, window)).length;
    marker = page.next;
  } while (marker !== undefined);
  return { due, sampleKeys };
}
