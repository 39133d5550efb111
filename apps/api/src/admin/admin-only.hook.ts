import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { RequestException } from '@rightsdesk/domain';
import type { ConsoleSignIn } from '@rightsdesk/workflow';
import { readCookie, SESSION_COOKIE } from '../http/cookies';
import { mapError } from '../http/error-mapping';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

// Adding a job or rewriting a job's data would put untyped payloads on our queues, past the job
// catalogue; pausing, retrying, promoting and cleaning stay open to admins.
const UNTYPED_WRITES = [/\/:queueName\/add$/, /\/:jobId\/update-data$/];

/**
 * The global guard only sees Nest's routes; pages mounted on Fastify directly get this instead: an
 * admin's console session, and for calls that change something our own Origin (the page's script
 * sends no CSRF header, but a browser always sends Origin on such calls, and SameSite=Strict
 * already keeps the cookie off other sites' requests).
 */
export function adminOnly(signIn: ConsoleSignIn, publicUrl: string): onRequestAsyncHookHandler {
  const origin = new URL(publicUrl).origin;
  return async function adminOnlyHook(request: FastifyRequest, reply: FastifyReply) {
    const refusal = await refuse(request, signIn, origin);
    if (refusal) {
      const mapped = mapError(refusal, String(request.id));
      // Fastify: an async hook that answers returns the reply, so the route never runs.
      return reply
        .status(mapped.status)
        .header('Cache-Control', 'no-store')
        .type('application/json; charset=utf-8')
        .send({ ...mapped.body, requestId: String(request.id) });
    }
  };
}

async function refuse(request: FastifyRequest, signIn: ConsoleSignIn, origin: string): Promise<RequestException | null> {
  const session = await signIn.authenticate(readCookie(request.headers.cookie, SESSION_COOKIE) ?? '');
  if (!session) {
    return new RequestException('unauthorized', 'Sign in to the console as an admin first; your session may have expired.');
  }
  if (!SAFE_METHODS.has(request.method) && request.headers.origin !== origin) {
    return new RequestException('csrf_invalid', 'Changes to the queues must come from the queue inspector itself.');
  }
  if (session.enrolmentOnly) {
    return new RequestException('second_factor_required', 'Set up your second factor first (POST /api/v1/console/me/totp).');
  }
  if (session.officer.role !== 'admin') {
    return new RequestException('forbidden', 'The queue inspector is for admins only.');
  }
  const route = request.routeOptions.url ?? '';
  if (!SAFE_METHODS.has(request.method) && UNTYPED_WRITES.some((pattern) => pattern.test(route))) {
    return new RequestException('forbidden', 'Jobs are added by Rightsdesk itself, never by hand.');
  }
  return null;
}
