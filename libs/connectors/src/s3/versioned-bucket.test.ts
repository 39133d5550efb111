import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';

// s3rver has no versioning, and no versioned S3 runs on this machine: this loopback server speaks
// the calls an erase or a retention run makes on a versioned bucket (GetBucketVersioning,
// ListObjects, ListObjectVersions, DeleteObjects with version ids), so the real SDK's requests and
// parsing are exercised.

interface StoredVersion {
  key: string;
  versionId: string;
  deleteMarker: boolean;
  lastModified: Date;
}

export interface VersionedBucket {
  endpoint: string;
  bucket: string;
  /** Every version and delete marker, oldest first per key. */
  versions: StoredVersion[];
  putVersion(key: string, options?: { deleteMarker?: boolean; lastModified?: Date }): void;
  /** DeleteObjects requests received, each as its list of `key@versionId`. */
  deleteRequests: string[][];
  close(): Promise<void>;
}

export async function startVersionedBucket(
  bucket: string,
  status: 'Enabled' | 'Suspended',
): Promise<VersionedBucket> {
  const state: VersionedBucket = {
    endpoint: '',
    bucket,
    versions: [],
    deleteRequests: [],
    putVersion: (key, options = {}) => {
      state.versions.push({
        key,
        versionId: `v${state.versions.length + 1}`,
        deleteMarker: options.deleteMarker ?? false,
        lastModified: options.lastModified ?? new Date(),
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer((request, response) => {
    void handle(state, status, request, response).catch(() => {
      response.statusCode = 500;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = state.close;
  state.close = () => {
    server.closeAllConnections();
    return close();
  };
  return state;
}

async function handle(
  state: VersionedBucket,
  status: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const body = await readBody(request);
  response.setHeader('content-type', 'application/xml');
  if (url.pathname.replace(/\/$/, '') !== `/${state.bucket}`) {
    response.statusCode = 404;
    response.end('<Error><Code>NoSuchBucket</Code></Error>');
  } else if (request.method === 'GET' && url.searchParams.has('versioning')) {
    response.end(`<VersioningConfiguration><Status>${status}</Status></VersioningConfiguration>`);
  } else if (request.method === 'GET' && url.searchParams.has('versions')) {
    response.end(listVersions(state, url.searchParams));
  } else if (request.method === 'GET' && !url.searchParams.has('list-type')) {
    response.end(listObjects(state, url.searchParams));
  } else if (request.method === 'POST' && url.searchParams.has('delete')) {
    const targets = [
      ...body.matchAll(/<Object><Key>(.*?)<\/Key>(?:<VersionId>(.*?)<\/VersionId>)?<\/Object>/g),
    ].map(([, key, versionId]) => ({ key: unescapeXml(key), versionId }));
    state.deleteRequests.push(targets.map((target) => `${target.key}@${target.versionId ?? ''}`));
    state.versions = state.versions.filter(
      (version) =>
        !targets.some((target) => target.key === version.key && target.versionId === version.versionId),
    );
    response.end('<DeleteResult></DeleteResult>');
  } else {
    response.statusCode = 501;
    response.end('<Error><Code>NotImplemented</Code></Error>');
  }
}

function listVersions(state: VersionedBucket, query: URLSearchParams): string {
  const prefix = query.get('prefix') ?? '';
  const maxKeys = Number(query.get('max-keys') ?? 1000);
  const sorted = state.versions
    .filter((version) => version.key.startsWith(prefix))
    .sort((a, b) => (a.key === b.key ? b.versionId.localeCompare(a.versionId) : a.key < b.key ? -1 : 1));
  const keyMarker = query.get('key-marker');
  const versionMarker = query.get('version-id-marker');
  const start = keyMarker
    ? sorted.findIndex((version) => version.key === keyMarker && version.versionId === versionMarker) + 1
    : 0;
  const page = sorted.slice(start, start + maxKeys);
  const truncated = start + maxKeys < sorted.length;
  const last = page.at(-1);
  const entries = page
    .map((version) => {
      const tag = version.deleteMarker ? 'DeleteMarker' : 'Version';
      const size = version.deleteMarker ? '' : '<Size>1</Size>';
      return `<${tag}><Key>${escapeXml(version.key)}</Key><VersionId>${version.versionId}</VersionId><IsLatest>false</IsLatest>${size}</${tag}>`;
    })
    .join('');
  const next =
    truncated && last
      ? `<NextKeyMarker>${escapeXml(last.key)}</NextKeyMarker><NextVersionIdMarker>${last.versionId}</NextVersionIdMarker>`
      : '';
  return `<ListVersionsResult><Name>${state.bucket}</Name><Prefix>${escapeXml(prefix)}</Prefix><IsTruncated>${truncated}</IsTruncated>${next}${entries}</ListVersionsResult>`;
}

// ListObjects (v1): the latest version of each key, unless that is a delete marker.
function listObjects(state: VersionedBucket, query: URLSearchParams): string {
  const prefix = query.get('prefix') ?? '';
  const marker = query.get('marker') ?? '';
  const maxKeys = Number(query.get('max-keys') ?? 1000);
  const latest = new Map<string, StoredVersion>();
  for (const version of state.versions) {
    latest.set(version.key, version);
  }
  const current = [...latest.values()]
    .filter((version) => !version.deleteMarker && version.key.startsWith(prefix) && version.key > marker)
    .sort((a, b) => (a.key < b.key ? -1 : 1));
  const page = current.slice(0, maxKeys);
  const entries = page
    .map(
      (version) =>
        `<Contents><Key>${escapeXml(version.key)}</Key><LastModified>${version.lastModified.toISOString()}</LastModified><ETag>"e"</ETag><Size>1</Size></Contents>`,
    )
    .join('');
  return `<ListBucketResult><Name>${state.bucket}</Name><Prefix>${escapeXml(prefix)}</Prefix><MaxKeys>${maxKeys}</MaxKeys><IsTruncated>${current.length > maxKeys}</IsTruncated>${entries}</ListBucketResult>`;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function unescapeXml(value: string): string {
  return value.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
