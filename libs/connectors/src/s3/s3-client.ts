import { S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { type S3System } from '../datamap/datamap.types';

export interface S3ClientOptions {
  endpoint?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
}

export function createS3Client(system: S3System, options: S3ClientOptions): S3Client {
  const { accessKeyId, secretAccessKey } = options;
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new Error(`System "${system.key}": give both accessKeyId and secretAccessKey, or neither`);
  }
  return new S3Client({
    region: system.connection.region,
    endpoint: options.endpoint,
    forcePathStyle: system.connection.forcePathStyle,
    // Neither given: the SDK's default chain (instance role, AWS_* variables, profile).
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    // We never upload; the newer default checksums break S3-compatible stores (s3rver, older
    // MinIO) and add nothing to reads, lists and deletes.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/** The S3 error code (`NoSuchBucket`, `AccessDenied`…) or HTTP status; never the message or the request. */
export function s3ErrorCode(error: unknown): string {
  if (error instanceof S3ServiceException) {
    return error.name || `http_${error.$metadata.httpStatusCode ?? 'unknown'}`;
  }
  if (error instanceof Error) {
    // The SDK wraps errors from another realm (Jest's sandbox) as "AWS SDK error wrapper for
    // Error: connect ECONNREFUSED …": take the errno name from the message then.
    return (error as NodeJS.ErrnoException).code ?? /\bE[A-Z]{3,}\b/.exec(error.message)?.[0] ?? error.name;
  }
  return 'unknown';
}

export function s3HttpStatus(error: unknown): number | undefined {
  return error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined;
}

export class S3ConnectorError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'S3ConnectorError';
  }
}

/**
 * Rebuilds an SDK error from its code alone: SDK errors carry the request's key and bucket as
 * properties (`Key: 'avatars/42/…'`), which a logger serializing the error would print.
 */
export function s3Failure(where: string, error: unknown): unknown {
  const fromSdk = error instanceof S3ServiceException || (error instanceof Error && '$metadata' in error);
  if (!fromSdk || (error as Error).name === 'AbortError') {
    return error;
  }
  const code = s3ErrorCode(error);
  return new S3ConnectorError(`${where}: S3 failed (${code})`, code);
}
