import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthenticatedDrpAgent, DrpAgentService } from '@rightsdesk/workflow';

/** The signed body as text. bootstrap.ts makes every body under the DRP base path arrive as a string. */
export function drpBody(request: FastifyRequest): string {
  return typeof request.body === 'string' ? request.body : '';
}

/** `Authorization: Bearer <token>`, or null. */
function bearerToken(request: FastifyRequest): string | null {
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

/** A DRP success: JSON, never cached (it names requests and tokens). */
export function sendDrpJson(reply: FastifyReply, body: object): void {
  void reply.status(200).header('Cache-Control', 'no-store').type('application/json; charset=utf-8').send(body);
}

/**
 * The agent the bearer token names, or null once the answer is sent: 404 while DRP is off, 401
 * (with WWW-Authenticate) for no token, an unknown one, or one of a disabled agent.
 */
export async function bearerAgent(agents: DrpAgentService, request: FastifyRequest, reply: FastifyReply): Promise<AuthenticatedDrpAgent | null> {
  if (agents.businessId === null) {
    sendDrpError(reply, 404, 'Not found.');
    return null;
  }
  const token = bearerToken(request);
  const agent = token === null ? null : await agents.authenticate(token);
  if (!agent) {
    void reply.header('WWW-Authenticate', 'Bearer');
    sendDrpError(reply, 401, 'Present the bearer token from POST /v1/agent/{agent-id}.');
    return null;
  }
  return agent;
}
