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

/** DRP 1.0 §3.06: `{ code, message }`, code being the HTTP status as a string. */
export function sendDrpError(reply: FastifyReply, status: number, message: string): void {
  void reply.status(status).header('Cache-Control', 'no-store').type('application/json; charset=utf-8').send({ code: String(status), message });
}
