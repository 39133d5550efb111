import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from '@rightsdesk/config';

const PERSONAL_KEYS = ['email', 'name', 'phone', 'phoneNumber', 'address', 'token', 'statusToken', 'password', 'personalData', 'details', 'to'];

// Redaction is the second line of defence: code never logs bodies, and these paths catch a
// personal field that slips into a log object anyway, up to three levels deep.
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-status-token"]',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  ...PERSONAL_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
];

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Query strings carry link tokens; logs keep only the path. */
export function redactUrl(url: string | undefined): string | undefined {
  if (!url) {
    return url;
  }
  const path = url.split('?')[0];
  return url.includes('?') ? `${path}?[redacted]` : path;
}

export function loggerParams(config: AppConfig, app: 'api' | 'worker'): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      base: { app },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      // Fastify assigns the id (see the api's adapter options); this covers a raw Node server.
      genReqId: (req: IncomingMessage, res: ServerResponse) => {
        const assigned = (req as IncomingMessage & { id?: unknown }).id;
        if (typeof assigned === 'string') {
          return assigned;
        }
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: redactUrl(req.url) }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
      autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
    },
  };
}
