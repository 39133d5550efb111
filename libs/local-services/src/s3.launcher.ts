import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { type RunningService } from './running-service';

// s3rver's only account. It refuses other access key ids (InvalidAccessKeyId) but does not verify
// SigV4 signatures, so a wrong secret key goes unnoticed against it.
export const S3RVER_ACCESS_KEY_ID = 'S3RVER';
export const S3RVER_SECRET_ACCESS_KEY = 'S3RVER';

export interface StartS3Options {
  /** Buckets and objects live here as plain files (kept after stop). */
  dir: string;
  /** A free port is picked when none is given. */
  port?: number;
  /** Created at start when missing; names need at least 3 characters. */
  buckets?: string[];
}

export interface RunningS3 extends RunningService {
  /** The endpoint, `http://127.0.0.1:PORT`; clients need `forcePathStyle: true`. */
  url: string;
  accessKeyId: 'S3RVER';
  secretAccessKey: 'S3RVER';
  region: 'us-east-1';
}

/**
 * An S3-compatible server (s3rver) in this process, on loopback, for tests and the demo. AWS SDK v3
 * clients must set `requestChecksumCalculation` and `responseChecksumValidation` to
 * `'WHEN_REQUIRED'`: otherwise s3rver stores the aws-chunked framing as the object's body.
 */
export async function startS3(options: StartS3Options): Promise<RunningS3> {
  const dir = path.resolve(options.dir);
  await mkdir(dir, { recursive: true });
  for (const bucket of options.buckets ?? []) {
    if (bucket.length < 3) {
      throw new Error(`S3 bucket name "${bucket}" is too short: bucket names need at least 3 characters`);
    }
  }
  // Loaded on demand: s3rver and its dependencies take ≈0.5 s to require, which every importer of
  // this library would otherwise pay.
  const { default: S3rver } = await import('s3rver');
  const server = new S3rver({
    address: '127.0.0.1',
    // Port 0 lets the kernel pick: no window in which another process could take a probed port.
    port: options.port ?? 0,
    silent: true,
    directory: dir,
    // Path-style only: virtual-host buckets would need DNS names for each bucket.
    vhostBuckets: false,
    configureBuckets: (options.buckets ?? []).map((name) => ({ name })),
  });
  const { port } = await server.run();

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      const closing = server.close();
      // SDK clients keep sockets alive; close() alone would wait for them to time out.
      server.httpServer?.closeAllConnections();
      await closing;
    })());

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    accessKeyId: S3RVER_ACCESS_KEY_ID,
    secretAccessKey: S3RVER_SECRET_ACCESS_KEY,
    region: 'us-east-1',
    stop,
  };
}
