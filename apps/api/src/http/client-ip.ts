import type { FastifyRequest } from 'fastify';

// With TRUST_PROXY off, Fastify's `ip` is the socket peer and X-Forwarded-For is ignored, so a
// client can't pick its own rate-limit bucket.
export function clientIp(request: FastifyRequest): string {
  return request.ip || 'unknown';
}
