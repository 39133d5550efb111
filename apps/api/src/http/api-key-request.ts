import type { FastifyRequest } from 'fastify';

/** A request the guard let in on an API key: which key, for the audit trail. */
export interface ApiKeyRequest extends FastifyRequest {
  apiKeyId?: string;
}
