import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from '@rightsdesk/config';
import { genRequestId } from './request-id';

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
      // Fastify assigned the id already (genRequestId); the log line reuses it.
      genReqId: (req: IncomingMessage) => {
        const assigned = (req as IncomingMessage & { id?: unknown }).id;
        return typeof assigned === 'string' ? assigned : genRequestId(req);
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
