import {
  DeleteObjectsCommand,
  GetBucketVersioningCommand,
  ListObjectsCommand,
  ListObjectVersionsCommand,
  type ObjectIdentifier,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { StatementTimer } from '../statement-timer';
import { s3ErrorCode } from './s3-client';

export interface ListedObject {
  key: string;
  size: number;
  lastModified?: Date;
}

export interface Paging {
  bucket: string;
  /** ListObjects page size and DeleteObjects batch size; S3 allows at most 1000. */
  pageSize: number;
  signal?: AbortSignal;
  /** Times every call, for retention batches. */
  timer?: StatementTimer;
}

function timed<T>(paging: Paging, call: () => Promise<T>): Promise<T> {
  return paging.timer ? paging.timer.time(call) : call();
}

/**
 * One page of current objects under `prefix` after the key `marker` (undefined: from the start),
 * at most `maxKeys`; `next` is the marker of the following page, undefined when the listing ended.
 */
export async function listPage(
  client: S3Client,
  prefix: string,
  marker: string | undefined,
  maxKeys: number,
  paging: Paging,
): Promise<{ objects: ListedObject[]; next: string | undefined }> {
  const page = await timed(paging, () =>
    client.send(
      new ListObjectsCommand({ Bucket: paging.bucket, Prefix: prefix, MaxKeys: maxKeys, Marker: marker }),
      { abortSignal: paging.signal },
    ),
  );
  const contents = page.Contents ?? [];
  const objects = contents.flatMap((object) =>
    object.Key !== undefined && object.Key.startsWith(prefix)
      ? [{ key: object.Key, size: object.Size ?? 0, lastModified: object.LastModified }]
      : [],
  );
  // Without a delimiter S3 sends no NextMarker: the last key of the page is the marker.
  const last = page.NextMarker ?? contents.at(-1)?.Key;
  return { objects, next: page.IsTruncated && last !== undefined && last !== marker ? last : undefined };
}

/**
 * Current objects under any of the prefixes, each once even where prefixes overlap.
 *
 * ListObjects (v1) paged by marker, not ListObjectsV2: s3rver builds v2 continuation tokens with
 * DES, which OpenSSL 3 (Node ≥ 17) no longer has, so every truncated v2 page fails there with
 * InternalError. AWS and the S3-compatible stores all still serve v1.
 */
export async function listObjects(
  client: S3Client,
  prefixes: string[],
  paging: Paging,
): Promise<ListedObject[]> {
  const found = new Map<string, ListedObject>();
  for (const prefix of prefixes) {
    let marker: string | undefined;
    do {
      const page = await listPage(client, prefix, marker, paging.pageSize, paging);
      for (const object of page.objects) {
        found.set(object.key, object);
      }
      marker = page.next;
    } while (marker !== undefined);
  }
  return [...found.values()];
}

/** Every version and delete marker under any of the prefixes. */
export async function listVersions(
  client: S3Client,
  prefixes: string[],
  paging: Paging,
): Promise<Array<{ Key: string; VersionId?: string }>> {
  const found = new Map<string, { Key: string; VersionId?: string }>();
  for (const prefix of prefixes) {
    let keyMarker: string | undefined;
    let versionIdMarker: string | undefined;
    for (;;) {
      const page = await timed(paging, () =>
        client.send(
          new ListObjectVersionsCommand({
            Bucket: paging.bucket,
            Prefix: prefix,
            MaxKeys: paging.pageSize,
            KeyMarker: keyMarker,
            VersionIdMarker: versionIdMarker,
          }),
          { abortSignal: paging.signal },
        ),
      );
      for (const entry of [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])]) {
        if (entry.Key !== undefined && entry.Key.startsWith(prefix)) {
          found.set(`${entry.Key}\u0000${entry.VersionId ?? ''}`, {
            Key: entry.Key,
            VersionId: entry.VersionId,
          });
        }
      }
      if (!page.IsTruncated) {
        break;
      }
      keyMarker = page.NextKeyMarker;
      versionIdMarker = page.NextVersionIdMarker;
    }
  }
  return [...found.values()];
}

/**
 * Whether deleting a key leaves older versions behind. s3rver does not implement versioning and
 * answers NotImplemented: that store keeps one copy per key, so it counts as unversioned.
 */
export async function isVersioned(
  client: S3Client,
  bucket: string,
  signal?: AbortSignal,
  timer?: StatementTimer,
): Promise<boolean> {
  try {
    const call = () => client.send(new GetBucketVersioningCommand({ Bucket: bucket }), { abortSignal: signal });
    const answer = await (timer ? timer.time(call) : call());
    // Suspended still keeps the versions written while it was enabled.
    return answer.Status === 'Enabled' || answer.Status === 'Suspended';
  } catch (error) {
    if (s3ErrorCode(error) === 'NotImplemented') {
      return false;
    }
    throw error;
  }
}

/** Deletes in batches; throws naming the S3 error codes (never the keys) if any object was not deleted. */
export async function deleteObjects(
  client: S3Client,
  objects: ObjectIdentifier[],
  paging: Paging,
  where: string,
): Promise<void> {
  for (let start = 0; start < objects.length; start += paging.pageSize) {
    const batch = objects.slice(start, start + paging.pageSize);
    const answer = await timed(paging, () =>
      client.send(new DeleteObjectsCommand({ Bucket: paging.bucket, Delete: { Objects: batch, Quiet: true } }), {
        abortSignal: paging.signal,
      }),
    );
    const errors = answer.Errors ?? [];
    if (errors.length > 0) {
      const codes = [...new Set(errors.map((error) => error.Code ?? 'unknown'))].join(', ');
      throw new Error(`${where}: ${errors.length} of ${batch.length} objects were not deleted (${codes})`);
    }
  }
}
