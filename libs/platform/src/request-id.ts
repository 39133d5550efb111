import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

const SANE_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Fastify's `genReqId` for api and worker: the id in every log line and in error bodies. A
 * caller's X-Request-Id is kept only when it looks like an id, so it can't smuggle text into logs.
 */
export function genRequestId(request: { headers: IncomingHttpHeaders }): string {
  const incoming = request.headers['x-request-id'];
  return typeof incoming === 'string' && SANE_ID.test(incoming) ? incoming : randomUUID();
}
