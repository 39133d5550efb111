import type { FastifyReply, FastifyRequest } from 'fastify';

/** The signed body as text. bootstrap.ts makes every body under the DRP base path arrive as a string. */
export function drpBody(request: FastifyRequest): string {
  return typeof request.body === 'string' ? request.body : '';
}

/** `Authorization: Bearer <token>`, or null. */
export function bearerToken(request: FastifyRequest): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return match ? match[1] : null;
}

/**
 * DRP 1.0 §3.06: `{ code, message }`, code being the HTTP status as a string; `fatal: true` when
 * sending the same request again cannot succeed.
 */
export function sendDrpError(reply: FastifyReply, status: number, message: string, fatal?: boolean): void {
  void reply
    .status(status)
    .header('Cache-Control', 'no-store')
    .type('application/json; charset=utf-8')
    .send({ code: String(status), message, ...(fatal ? { fatal: true } : {}) });
}

/** The OpenAPI schema of that error body. */
export const drpErrorSchema = {
  type: 'object',
  required: ['code', 'message'],
  properties: {
    code: { type: 'string', example: '403', description: 'The HTTP status, as a string (DRP 1.0 §3.06)' },
    message: { type: 'string' },
    fatal: { type: 'boolean', description: 'true: the request cannot succeed if sent again' },
  },
};
